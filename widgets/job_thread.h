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
    /// True while a job runs.
    bool isRunning() const;

  protected:
    /// Starts job on a new thread with the cancel flag; refused (false) while one runs.
    bool launch(std::function<void(const std::atomic_bool &cancelled)> job);
    /// Cancels the job and waits for its thread.
    void stopAndWait();

  private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace cs
