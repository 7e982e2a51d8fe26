// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace cs {

/// Watches the shown results (folders for new files, result files rewritten in place) and says
/// when they changed, once a burst of writes has settled; the window's own exports do not count.
class ResultsWatcher : public QObject
{
    Q_OBJECT
  public:
    /// Watches nothing yet.
    explicit ResultsWatcher(QObject *parent = nullptr);

    /// Watches these paths (and, below folders, at most 4 000 folders and results files)
    /// instead of the previous ones.
    void watch(const QStringList &paths);
    /// The window is about to write a file: changes in the next two seconds are its own.
    void markOwnWrite();
    /// Says changed() after the settling delay, as if a watched file had changed.
    void changeSoon();
    /// Forgets a change not yet said (an import is starting anyway).
    void forgetPending();

  signals:
    /// Watched results changed (not by the window itself).
    void changed();

  private:
    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    qint64 m_lastOwnWrite = 0; // ms since the epoch
};

} // namespace cs
