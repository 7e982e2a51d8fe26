// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cs {

/// A saved workspace in the window's types: what was opened, what is shown, the analysis
/// settings and the layout. The file format is read and written by the core
/// (formats/workspace_format.h), whose "runs" part the importer also reads.
struct Workspace
{
    QStringList paths;                       ///< files and folders opened (absolute)
    QStringList hiddenRuns;                  ///< run keys not shown
    AnalysisSettings settings;               ///< analysis settings
    QMap<QString, double> stepsPerEpoch;     ///< run name -> steps per epoch the user set
    QString metric;                          ///< metric shown ("" = small multiples)
    QString xAxis = QStringLiteral("epoch"); ///< "epoch" or "step"
    QByteArray windowState;                  ///< QMainWindow::saveState()
    QByteArray geometry;                     ///< QWidget::saveGeometry()
};

/// Writes a workspace atomically; "" or the reason it failed.
QString saveWorkspace(const Workspace &workspace, const QString &path);
/// Reads a workspace; relative paths are taken from the file's folder. "" or the reason.
QString loadWorkspace(const QString &path, Workspace &out);

} // namespace cs
