// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"
#include "workers/job_thread.h"

#include <QMap>
#include <QStringList>

#include <memory>

namespace cs {

/// Imports paths on a worker thread (a thin wrapper of loadResults): progress, cancel, finished.
class ImportWorker : public JobThread
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    /// Starts importing with the user's steps per epoch (run -> steps); a running import is
    /// cancelled first, and its finished() never comes.
    void start(const QStringList &paths, const QMap<QString, double> &stepsPerEpoch = {});
    /// The result of the last finished import (moved out).
    ResultSet takeResult();

  signals:
    /// Files done of total, and the file being read.
    void progress(int done, int total, const QString &file);
    /// The import ended (completely or cancelled); call takeResult().
    void finished(const QStringList &paths);

  private:
    std::shared_ptr<ResultSet> m_result;
};

} // namespace cs
