// SPDX-License-Identifier: MIT
#pragma once

#include "engine/probe.h"
#include "workers/job_thread.h"

#include <QString>

namespace cs {

/// Runs probeCheckpoints on a worker thread (a thin wrapper): progress, cancel, finished.
class ProbeWorker : public JobThread
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit ProbeWorker(QObject *parent = nullptr);
    ~ProbeWorker() override;

    /// Starts probing the checkpoints; refused (false) while a probe runs. cancel() stops after
    /// the checkpoint in progress.
    bool start(const std::vector<std::string> &checkpoints, const ProbeRequest &request);
    /// The rows of the last probe (complete once finished() has come).
    const std::vector<ProbeRow> &rows() const { return m_rows; }

  signals:
    /// Checkpoints done of total; the one being loaded.
    void progress(int done, int total, const QString &checkpoint);
    /// The probe ended: whether it was cancelled, and the problem every checkpoint shared if
    /// any (options this machine lacks, a text the tokenizer cannot use).
    void finished(bool cancelled, const QString &error);

  private:
    std::vector<ProbeRow> m_rows;
};

} // namespace cs
