// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <QMap>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace cs {

/// Imports paths on a worker thread (a thin wrapper of loadResults): progress, cancel, finished.
class ImportWorker : public QObject
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    /// Starts importing with the user's steps per epoch (run -> steps); a running import is
    /// cancelled first.
    void start(const QStringList &paths, const QMap<QString, double> &stepsPerEpoch = {});
    /// Asks the running import to stop; finished() still comes with what was read.
    void cancel();
    /// True while importing.
    bool isRunning() const;
    /// The result of the last finished import (moved out).
    ResultSet takeResult();

  signals:
    /// Files done of total, and the file being read.
    void progress(int done, int total, const QString &file);
    /// The import ended (completely or cancelled); call takeResult().
    void finished(const QStringList &paths);

  private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<ResultSet> m_result;
    quint64 m_generation = 0; // imports started; only the latest may report
};

} // namespace cs
