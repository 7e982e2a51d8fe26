// SPDX-License-Identifier: MIT
#include "window/workspace_io.h"

#include "models/session.h"

#include <QDir>
#include <QFileInfo>

namespace cs {

WorkspaceIo::WorkspaceIo(Session *session) : m_session(session) {}

QString WorkspaceIo::open(const QString &path, Workspace &out)
{
    Workspace w;
    if (QString error = loadWorkspace(path, w); !error.isEmpty()) return error;
    if (w.paths.isEmpty()) return tr("%1: the workspace names no results to open").arg(path);
    m_session->clearUserStepsPerEpoch();
    for (auto it = w.stepsPerEpoch.begin(); it != w.stepsPerEpoch.end(); ++it)
        m_session->setUserStepsPerEpoch(it.key(), it.value());
    m_session->setSettings(w.settings);
    m_opened = w;
    out = w;
    return {};
}

std::optional<Workspace> WorkspaceIo::takeOpenedFor(const QStringList &paths)
{
    std::optional<Workspace> w;
    if (m_opened && m_opened->paths == paths) w = m_opened;
    m_opened.reset();
    return w;
}

QString WorkspaceIo::save(const QString &path, const View &view) const
{
    Workspace w;
    // Below the workspace: relative, so both move together.
    const QDir base = QFileInfo(path).absoluteDir();
    for (const QString &p : m_session->paths()) {
        const QString relative = base.relativeFilePath(QFileInfo(p).absoluteFilePath());
        w.paths << (relative.startsWith("..") ? QFileInfo(p).absoluteFilePath() : relative);
    }
    for (const Run &run : m_session->results().runs)
        if (!m_session->isRunVisible(QString::fromStdString(run.key())))
            w.hiddenRuns << QString::fromStdString(run.key());
    w.settings = m_session->settings();
    w.stepsPerEpoch = m_session->userStepsPerEpoch();
    w.metric = view.metric;
    w.xAxis = view.xAxis;
    w.windowState = view.windowState;
    w.geometry = view.geometry;
    return saveWorkspace(w, path);
}

} // namespace cs
