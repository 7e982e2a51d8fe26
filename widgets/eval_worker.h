// SPDX-License-Identifier: MIT
#pragma once

#include "engine/eval_run.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace cs {

/// What the Evaluate dialog asks for: checkpoints, sets ("name" -> file) and options.
struct EvalJob
{
    std::vector<std::string> checkpoints;                      ///< checkpoint folders
    std::vector<std::pair<std::string, std::string>> datasets; ///< name=file pairs
    EvalRunOptions options;                                    ///< out folder, device, lengths
};

/// Runs evaluateCheckpoints on a worker thread (a thin wrapper): progress, each finished
/// checkpoint, cancel, finished.
class EvalWorker : public QObject
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit EvalWorker(QObject *parent = nullptr);
    ~EvalWorker() override;

    /// Starts the job; refused (false) while one runs.
    bool start(const EvalJob &job);
    /// Asks the job to stop; finished checkpoints are kept, finished() still comes.
    void cancel();
    /// True while evaluating.
    bool isRunning() const;

  signals:
    /// Checkpoint index of count, examples done of total in it.
    void progress(int checkpoint, int checkpoints, int done, int total, const QString &name);
    /// A checkpoint's results file was written.
    void checkpointFinished(const QString &resultsFile);
    /// The job ended: checkpoints evaluated, whether it was cancelled, and the error if any.
    void finished(int evaluated, bool cancelled, const QString &error);

  private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace cs
