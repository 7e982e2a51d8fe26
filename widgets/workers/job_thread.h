// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace cs {

/// Base of the thin workers: runs one job at a time on its own thread, with a cancel flag the
/// job polls. Every derived worker calls stopAndWait() in its destructor: its job emits the
/// derived class's signals (and may write its members), and this destructor runs after those
/// are gone.
class JobThread : public QObject
{
    Q_OBJECT
  public:
    /// An idle worker.
    explicit JobThread(QObject *parent = nullptr);
    ~JobThread() override;

    /// Asks the job to stop; the job decides when (its finished signal still comes).
    void cancel();
    /// True while a job runs (or its thread is still ending).
    bool isRunning() const;

  protected:
    /// False while a job runs; true when none does, after waiting for the thread of one that
    /// has just ended.
    bool readyToLaunch();
    /// What a job does last: emits its finished signal.
    using LastWord = std::function<void()>;
    /// Starts job on a new thread with the cancel flag; refused (false) while one runs. The job
    /// returns its last word, said once the worker counts as ready for the next job: a slot
    /// that starts another on it is not refused.
    bool launch(std::function<LastWord(const std::atomic_bool &cancelled)> job);
    /// As launch, but the last word is said on this object's thread, and only when no job was
    /// launched after this one: a replaced job says nothing.
    bool launchLatest(std::function<LastWord(const std::atomic_bool &cancelled)> job);
    /// Cancels the job and waits for its thread.
    void stopAndWait();

  private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<std::atomic_bool> m_done; // the job has returned (its thread is ending)
    quint64 m_launches = 0;                   // jobs launched (this object's thread only)
};

} // namespace cs
