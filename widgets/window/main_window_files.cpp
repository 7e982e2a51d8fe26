// SPDX-License-Identifier: MIT
// MainWindow's files: where dialogs start, saving with a confirmation; workspaces (WorkspaceIo)
// and exports (ShownExports) are wired here.
#include "window/main_window.h"

#include "models/session.h"
#include "window/results_watcher.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace cs {

QString MainWindow::lastFolder() const
{
    const QString folder = QSettings().value("dialogs/lastFolder").toString();
    return QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString MainWindow::rememberFolder(const QString &path)
{
    const QFileInfo info(path);
    QSettings().setValue("dialogs/lastFolder",
                         info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    return path;
}

QString MainWindow::openWorkspace(const QString &path)
{
    Workspace w;
    if (QString error = m_workspaces.open(path, w); !error.isEmpty()) return error;
    if (!w.geometry.isEmpty()) restoreGeometry(w.geometry);
    if (!w.windowState.isEmpty()) restoreState(w.windowState);
    m_openingWorkspace = true; // a workspace naming a workspace is read as results, not opened
    openPaths(w.paths);
    m_openingWorkspace = false;
    return {};
}

QString MainWindow::saveWorkspaceTo(const QString &path) const
{
    m_watcher->markOwnWrite();
    return m_workspaces.save(path, {m_metric->currentData().toString(),
                                    m_xAxis->currentIndex() == 1 ? "step" : "epoch", saveState(),
                                    saveGeometry()});
}

void MainWindow::saveAs(const QString &title, const QString &name, const QString &filter,
                        const std::function<QString(const QString &)> &write)
{
    const QString path =
        QFileDialog::getSaveFileName(this, title, QDir(lastFolder()).filePath(name), filter);
    if (path.isEmpty()) return;
    if (const QString error = write(rememberFolder(path)); !error.isEmpty())
        QMessageBox::warning(this, title, error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 10000);
}

void MainWindow::exportCharts()
{
    saveAs(tr("Export charts"), "curves.png", tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"),
           [this](const QString &path) { return m_exports.writeCharts(path); });
}

void MainWindow::exportTable()
{
    saveAs(tr("Export table"), "checkpoints.csv",
           tr("CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;JSON (*.json)"),
           [this](const QString &path) { return writeTable(path); });
}

void MainWindow::exportReport()
{
    saveAs(tr("Export report"), "report.html", tr("HTML (*.html);;Markdown (*.md)"),
           [this](const QString &path) { return writeReport(path); });
}

QString MainWindow::writeTable(const QString &path)
{
    return m_exports.writeTable(path);
}

QString MainWindow::writeReport(const QString &path)
{
    return m_exports.writeReport(path);
}

} // namespace cs
