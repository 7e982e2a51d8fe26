// SPDX-License-Identifier: MIT
#include "probe_worker.h"

#include <QThread>

namespace cs {

ProbeWorker::ProbeWorker(QObject *parent) : QObject(parent) {}

ProbeWorker::~ProbeWorker()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ProbeWorker::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ProbeWorker::cancel()
{
    if (m_cancel) *m_cancel = true;
}

bool ProbeWorker::start(const std::vector<std::string> &checkpoints, const ProbeRequest &request)
{
    if (isRunning()) return false;
    delete m_thread;
    m_rows.clear();
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_thread = QThread::create([this, checkpoints, request, cancelFlag] {
        // Written before finished() is posted, read only after it arrives.
        m_rows = probeCheckpoints(checkpoints, request, [this, cancelFlag](const ProbeProgress &p) {
            emit progress(int(p.done), int(p.total), QString::fromStdString(p.checkpoint));
            return !*cancelFlag;
        });
        emit finished(*cancelFlag);
    });
    m_thread->start();
    return true;
}

} // namespace cs
