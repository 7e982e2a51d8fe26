// SPDX-License-Identifier: MIT
#pragma once

#include "window/workspace_file.h"

#include <QCoreApplication>

#include <optional>

namespace cs {

class Session;

/// Opens and saves workspaces for the window: a workspace's settings go to the session at
/// once, what it showed (hidden runs, metric, x axis) once its paths are shown.
class WorkspaceIo
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceIo)
  public:
    /// What the window shows beyond the session.
    struct View
    {
        QString metric;         ///< metric shown ("" = small multiples)
        QString xAxis;          ///< "epoch" or "step"
        QByteArray windowState; ///< QMainWindow::saveState()
        QByteArray geometry;    ///< QWidget::saveGeometry()
    };

    /// Workspaces of this session.
    explicit WorkspaceIo(Session *session);

    /// Reads a workspace and gives its settings and steps per epoch to the session; out gets
    /// it (its paths to open, its layout). "" or why not.
    QString open(const QString &path, Workspace &out);
    /// The workspace whose paths these are, if one was opened for them; given once.
    std::optional<Workspace> takeOpenedFor(const QStringList &paths);
    /// Saves the session's paths (relative when below the workspace's folder), shown runs,
    /// settings and steps per epoch, with view. "" or why not.
    QString save(const QString &path, const View &view) const;

  private:
    Session *m_session;
    std::optional<Workspace> m_opened;
};

} // namespace cs
