// SPDX-License-Identifier: MIT
#include "job_thread.h"

#include <QThread>

namespace cs {

JobThread::JobThread(QObject *parent) : QObject(parent) {}

JobThread::~JobThread()
{
    stopAndWait();
    delete m_thread;
}

void JobThread::stopAndWait()
{
    cancel();
    if (m_thread) m_thread->wait();
}

bool JobThread::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void JobThread::cancel()
{
    if (m_cancel) *m_cancel = true;
}

bool JobThread::launch(std::function<void(const std::atomic_bool &cancelled)> job)
{
    if (isRunning()) return false;
    delete m_thread;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_thread = QThread::create([job = std::move(job), cancelFlag] { job(*cancelFlag); });
    m_thread->start();
    return true;
}

} // namespace cs
