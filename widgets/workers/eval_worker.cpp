// SPDX-License-Identifier: MIT
#include "workers/eval_worker.h"

namespace cs {

EvalWorker::EvalWorker(QObject *parent) : JobThread(parent) {}

EvalWorker::~EvalWorker()
{
    stopAndWait(); // the job emits this worker's signals
}

bool EvalWorker::start(const EvalJob &job)
{
    return launch([this, job](const std::atomic_bool &cancelled) {
        int evaluated = 0;
        QString error;
        try {
            std::vector<std::string> warnings;
            const auto sets = loadEvalDatasets(job.datasets, warnings);
            const auto onProgress = [this, &cancelled](const EvalProgress &p) {
                if (!p.finishedResults.empty())
                    emit checkpointFinished(QString::fromStdString(p.finishedResults));
                emit progress(int(p.checkpointIndex), int(p.checkpoints), int(p.done), int(p.total),
                              QString::fromStdString(p.checkpoint));
                return !cancelled;
            };
            const auto quiet = [](const std::string &) {};
            if (job.follow.empty()) {
                evaluated =
                    evaluateCheckpoints(job.checkpoints, sets, job.options, quiet, onProgress);
            } else {
                evaluated = followRun(
                    job.follow, sets, job.options, job.followOptions,
                    [this](const FollowEvent &e) {
                        const QString name = QString::fromStdString(e.checkpoint);
                        if (e.kind == FollowEvent::Kind::Evaluated)
                            emit followedCheckpoint(name, QString::fromStdString(e.verdict),
                                                    e.wouldStop);
                        else if (e.kind == FollowEvent::Kind::Waiting)
                            emit followWaiting(name, QString::fromStdString(e.why));
                    },
                    quiet, onProgress, [&cancelled] { return !cancelled; });
            }
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        return [this, evaluated, stopped = bool(cancelled), error] {
            emit finished(evaluated, stopped, error);
        };
    });
}

} // namespace cs
