// SPDX-License-Identifier: MIT
#include "window/results_watcher.h"

#include "results/importers.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace cs {

ResultsWatcher::ResultsWatcher(QObject *parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(700);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (QDateTime::currentMSecsSinceEpoch() - m_lastOwnWrite > 2000) emit changed();
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
}

void ResultsWatcher::watch(const QStringList &paths)
{
    const QStringList old = m_watcher->files() + m_watcher->directories();
    if (!old.isEmpty()) m_watcher->removePaths(old);
    QStringList add;
    for (const QString &p : paths) {
        add << p;
        if (!QFileInfo(p).isDir()) continue;
        QDirIterator it(p, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext() && add.size() < 4000) {
            const QString entry = it.next();
            if (it.fileInfo().isDir() || containerOf(it.fileName().toStdString())) add << entry;
        }
    }
    m_watcher->addPaths(add);
}

void ResultsWatcher::markOwnWrite()
{
    m_lastOwnWrite = QDateTime::currentMSecsSinceEpoch();
}

void ResultsWatcher::changeSoon()
{
    m_settle->start();
}

void ResultsWatcher::forgetPending()
{
    m_settle->stop();
}

} // namespace cs
