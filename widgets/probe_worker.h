// SPDX-License-Identifier: MIT
#pragma once

#include "engine/probe.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace cs {

/// Runs probeCheckpoints on a worker thread (a thin wrapper): progress, cancel, finished.
class ProbeWorker : public QObject
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit ProbeWorker(QObject *parent = nullptr);
    ~ProbeWorker() override;

    /// Starts probing the checkpoints; refused (false) while a probe runs.
    bool start(const std::vector<std::string> &checkpoints, const ProbeRequest &request);
    /// Asks the probe to stop after the checkpoint in progress; finished() still comes.
    void cancel();
    /// True while probing.
    bool isRunning() const;
    /// The rows of the last probe (complete once finished() has come).
    const std::vector<ProbeRow> &rows() const { return m_rows; }

  signals:
    /// Checkpoints done of total; the one being loaded.
    void progress(int done, int total, const QString &checkpoint);
    /// The probe ended: whether it was cancelled.
    void finished(bool cancelled);

  private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::vector<ProbeRow> m_rows;
};

} // namespace cs
