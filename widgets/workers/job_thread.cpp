// SPDX-License-Identifier: MIT
#include "workers/job_thread.h"

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

bool JobThread::readyToLaunch()
{
    // A job that has ended (its finished signal sent) may still be leaving its thread: a new
    // one started at once, as on Start right after Cancel, waits for that instead of failing.
    if (isRunning() && !(m_done && *m_done)) return false;
    if (m_thread) m_thread->wait();
    return true;
}

bool JobThread::launch(std::function<LastWord(const std::atomic_bool &cancelled)> job)
{
    if (!readyToLaunch()) return false;
    delete m_thread;
    ++m_launches;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto done = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_done = done;
    m_thread = QThread::create([job = std::move(job), cancelFlag, done] {
        const LastWord lastWord = job(*cancelFlag);
        *done = true; // from here the thread only says its last word and ends
        if (lastWord) lastWord();
    });
    m_thread->start();
    return true;
}

bool JobThread::launchLatest(std::function<LastWord(const std::atomic_bool &cancelled)> job)
{
    const quint64 mine = m_launches + 1; // the number launch gives it
    return launch([this, job = std::move(job), mine](const std::atomic_bool &cancelled) {
        const LastWord word = job(cancelled);
        return LastWord([this, word, mine] {
            QMetaObject::invokeMethod(
                this,
                [this, word, mine] {
                    if (mine == m_launches && word) word();
                },
                Qt::QueuedConnection);
        });
    });
}

} // namespace cs
