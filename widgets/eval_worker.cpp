// SPDX-License-Identifier: MIT
#include "eval_worker.h"

#include <QThread>

namespace cs {

EvalWorker::EvalWorker(QObject *parent) : QObject(parent) {}

EvalWorker::~EvalWorker()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool EvalWorker::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void EvalWorker::cancel()
{
    if (m_cancel) *m_cancel = true;
}

bool EvalWorker::start(const EvalJob &job)
{
    if (isRunning()) return false;
    delete m_thread;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_thread = QThread::create([this, job, cancelFlag] {
        int evaluated = 0;
        QString error;
        try {
            std::vector<std::string> warnings;
            const auto sets = loadEvalDatasets(job.datasets, warnings);
            evaluated = evaluateCheckpoints(
                job.checkpoints, sets, job.options, [](const std::string &) {},
                [this, cancelFlag](const EvalProgress &p) {
                    if (!p.finishedResults.empty())
                        emit checkpointFinished(QString::fromStdString(p.finishedResults));
                    emit progress(int(p.checkpointIndex), int(p.checkpoints), int(p.done),
                                  int(p.total), QString::fromStdString(p.checkpoint));
                    return !*cancelFlag;
                });
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        emit finished(evaluated, *cancelFlag, error);
    });
    m_thread->start();
    return true;
}

} // namespace cs
