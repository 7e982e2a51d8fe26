// SPDX-License-Identifier: MIT
#pragma once

#include "engine/eval_run.h"
#include "engine/follow_run.h"

#include "workers/job_thread.h"

#include <QString>

namespace cs {

/// What the Evaluate dialog asks for: checkpoints, sets ("name" -> file) and options.
struct EvalJob
{
    std::vector<std::string> checkpoints;                      ///< checkpoint folders
    std::vector<std::pair<std::string, std::string>> datasets; ///< name=file pairs
    EvalRunOptions options;                                    ///< out folder, device, lengths
    std::string follow;          ///< a run folder to follow while it trains ("" = the checkpoints)
    FollowOptions followOptions; ///< how it is followed
};

/// Runs evaluateCheckpoints on a worker thread (a thin wrapper): progress, each finished
/// checkpoint, cancel, finished.
class EvalWorker : public JobThread
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit EvalWorker(QObject *parent = nullptr);
    ~EvalWorker() override;

    /// Starts the job (evaluateCheckpoints, or followRun when job.follow is set); refused
    /// (false) while one runs. cancel() keeps finished checkpoints and finished() still comes.
    bool start(const EvalJob &job);

  signals:
    /// Checkpoint index of count, examples done of total in it.
    void progress(int checkpoint, int checkpoints, int done, int total, const QString &name);
    /// A checkpoint's results file was written.
    void checkpointFinished(const QString &resultsFile);
    /// Following: a checkpoint was evaluated and the early-stopping verdict so far is verdict;
    /// wouldStop when early stopping would stop at it.
    void followedCheckpoint(const QString &checkpoint, const QString &verdict, bool wouldStop);
    /// Following: a checkpoint is seen but not complete yet.
    void followWaiting(const QString &checkpoint, const QString &why);
    /// The job ended: checkpoints evaluated, whether it was cancelled, and the error if any.
    void finished(int evaluated, bool cancelled, const QString &error);
};

} // namespace cs
