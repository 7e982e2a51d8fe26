// SPDX-License-Identifier: MIT
#include "window/shown_exports.h"

#include "charts/chart_export.h"
#include "charts/curves_grid.h"
#include "models/session.h"
#include "report/report_builder.h"
#include "util/atomic_file.h"
#include "window/interface_language.h"
#include "window/results_watcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace cs {

ShownExports::ShownExports(const Session *session, CurvesGrid *curves, ResultsWatcher *watcher)
    : m_session(session), m_curves(curves), m_watcher(watcher)
{
}

QString ShownExports::writeCharts(const QString &path) const
{
    m_watcher->markOwnWrite();
    return exportWidget(m_curves, path);
}

QString ShownExports::writeTable(const QString &path) const
{
    TableFormat format = TableFormat::Csv;
    const QString suffix = QFileInfo(path).suffix().toLower();
    parseTableFormat(suffix == "tex" ? "latex" : suffix.toStdString(), format);
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
    m_watcher->markOwnWrite();
    return QString::fromStdString(
        writeFileAtomically(path.toStdString(), renderTable(table, format)));
}

QString ShownExports::writeReport(const QString &path) const
{
    m_watcher->markOwnWrite();
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
