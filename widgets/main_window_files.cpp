// SPDX-License-Identifier: MIT
// MainWindow's files: workspaces, where dialogs start, saving with a confirmation, exports.
#include "main_window.h"

#include "chart_export.h"
#include "curves_grid.h"
#include "interface_language.h"
#include "report/report_builder.h"
#include "session.h"
#include "util/atomic_file.h"
#include "workspace_file.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>

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
    if (QString error = loadWorkspace(path, w); !error.isEmpty()) return error;
    if (w.paths.isEmpty()) return tr("%1: the workspace names no results to open").arg(path);
    m_session->clearUserStepsPerEpoch();
    for (auto it = w.stepsPerEpoch.begin(); it != w.stepsPerEpoch.end(); ++it)
        m_session->setUserStepsPerEpoch(it.key(), it.value());
    m_session->setSettings(w.settings);
    if (!w.geometry.isEmpty()) restoreGeometry(w.geometry);
    if (!w.windowState.isEmpty()) restoreState(w.windowState);
    m_pendingWorkspace = w;
    m_openingWorkspace =
        true; // a workspace naming a workspace is read as results, not opened again
    openPaths(w.paths);
    m_openingWorkspace = false;
    return {};
}

void MainWindow::markOwnWrite() const
{
    m_lastOwnWrite = QDateTime::currentMSecsSinceEpoch();
}

QString MainWindow::saveWorkspaceTo(const QString &path) const
{
    markOwnWrite();
    Workspace w;
    const QDir base =
        QFileInfo(path).absoluteDir(); // below the workspace: relative, so both move together
    for (const QString &p : m_session->paths()) {
        const QString relative = base.relativeFilePath(QFileInfo(p).absoluteFilePath());
        w.paths << (relative.startsWith("..") ? QFileInfo(p).absoluteFilePath() : relative);
    }
    for (const Run &run : m_session->results().runs)
        if (!m_session->isRunVisible(QString::fromStdString(run.key())))
            w.hiddenRuns << QString::fromStdString(run.key());
    w.settings = m_session->settings();
    w.stepsPerEpoch = m_session->userStepsPerEpoch();
    w.metric = m_metric->currentData().toString();
    w.xAxis = m_xAxis->currentIndex() == 1 ? "step" : "epoch";
    w.windowState = saveState();
    w.geometry = saveGeometry();
    return saveWorkspace(w, path);
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
           [this](const QString &path) {
               markOwnWrite();
               return exportWidget(m_curves, path);
           });
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
    TableFormat format = TableFormat::Csv;
    const QString suffix = QFileInfo(path).suffix().toLower();
    parseTableFormat(suffix == "tex" ? "latex" : suffix.toStdString(), format);
    // What is shown: the charts' metrics, the ticked runs; for a paper (Markdown, LaTeX) a
    // column per metric with its interval.
    std::vector<std::string> metrics;
    for (const QString &m : m_curves->rowMetrics())
        metrics.push_back(m.toStdString());
    const AnalysedResults analysed = m_session->analysed();
    const auto shown = [&](std::size_t run) {
        return m_session->isRunVisible(QString::fromStdString(analysed.set->runs[run].key()));
    };
    const bool forPeople = format == TableFormat::Markdown || format == TableFormat::Latex;
    const Table table = metricTable(
        analysed, metrics, forPeople ? MetricTableLayout::Compact : MetricTableLayout::Data, shown);
    if (table.rows.empty()) return tr("Nothing is shown to export: tick a run with values.");
    markOwnWrite();
    return QString::fromStdString(
        writeFileAtomically(path.toStdString(), renderTable(table, format)));
}

QString MainWindow::writeReport(const QString &path)
{
    markOwnWrite();
    // HTML carries the curves inside it (one file to send); Markdown links a PNG beside it.
    const bool html = QFileInfo(path).suffix().toLower() == "html";
    const QString chart = QFileInfo(path).completeBaseName() + "-curves.png";
    QTemporaryDir scratch;
    const QString chartPath =
        html ? scratch.filePath(chart) : QFileInfo(path).dir().filePath(chart);
    QString error = exportWidget(m_curves, chartPath);
    std::vector<std::string> inputs;
    for (const QString &p : m_session->paths())
        inputs.push_back(p.toStdString());
    AnalysedResults analysed = m_session->analysed();
    analysed.language = interfaceLanguage(); // the CLI: report --lang
    Document doc = buildReport(analysed, inputs);
    Block image;
    image.kind = Block::Kind::Image;
    image.text = chart.toStdString();
    if (QFile png(chartPath); html && error.isEmpty() && png.open(QIODevice::ReadOnly))
        image.text = "data:image/png;base64," + png.readAll().toBase64().toStdString();
    image.items = {tr("Curves as shown in ClozeScope").toStdString()};
    doc.blocks.insert(doc.blocks.begin() + 1, image);
    const std::string written =
        writeFileAtomically(path.toStdString(), html ? renderHtml(doc) : renderMarkdown(doc));
    return written.empty() ? error : QString::fromStdString(written);
}

} // namespace cs
