// SPDX-License-Identifier: MIT
#include "charts/curves_grid.h"

#include "charts/chart_view.h"
#include "models/checkpoint_model.h"
#include "models/session.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QStackedLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace cs {
namespace {

/// Layouts whose charts are kept: small multiples and a couple of single metrics.
constexpr int kKeptPages = 3;

} // namespace

CurvesGrid::CurvesGrid(Session *session, CheckpointModel *model, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(model), m_stack(new QStackedLayout(this)),
      m_empty(new QLabel(this))
{
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_empty->setObjectName("emptyMessage");
    m_empty->setTextFormat(Qt::PlainText); // file names and reasons, never markup
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_empty);
    connect(session, &Session::changed, this, &CurvesGrid::rebuild);
    connect(session, &Session::visibilityChanged, this, &CurvesGrid::rebuild);
    rebuild();
}

void CurvesGrid::setMetric(const QString &metric)
{
    m_metric = metric;
    rebuild();
}

void CurvesGrid::setXAxis(XAxis x)
{
    m_x = x;
    rebuild();
}

QStringList CurvesGrid::rowMetrics() const
{
    if (!m_metric.isEmpty())
        return m_session->metrics().contains(m_metric) ? QStringList{m_metric} : QStringList{};
    // The metrics the shown runs have: the cloze ones first, then others (a Trainer's
    // eval_accuracy, eval_loss) up to four rows; no row a shown run cannot fill.
    const QStringList shown = m_session->metrics(true);
    QStringList rows;
    for (const QString &m : {QStringLiteral("Real@1"), QStringLiteral("Real@5"),
                             QStringLiteral("LAMBADA@1"), QStringLiteral("score")})
        if (shown.contains(m)) rows << m;
    for (int i = 0; rows.size() < 4 && i < shown.size(); ++i)
        if (!rows.contains(shown[i])) rows << shown[i];
    return rows;
}

QString CurvesGrid::legendHtml() const
{
    QString html = "<span style='font-size:small'>";
    std::vector<std::string> seen;
    for (const QString &key : m_session->visibleRuns()) {
        const int i = m_session->runIndex(key);
        const Run &run = m_session->results().runs[std::size_t(i)];
        if (std::find(seen.begin(), seen.end(), run.experiment) != seen.end()) continue;
        seen.push_back(run.experiment);
        html += QStringLiteral("<span style='color:%1'>━━</span>&nbsp;%2 &nbsp;&nbsp; ")
                    .arg(m_session->runColour(i).name(),
                         QString::fromStdString(run.experiment).toHtmlEscaped());
    }
    html +=
        "<br>★&nbsp;" + markerName(MarkerKind::Peak) +
        " &nbsp; <span style='color:#9ab'>●</span>&nbsp;" + markerName(MarkerKind::WithinNoise) +
        " &nbsp; <span style='color:#c81e1e'>▲</span>&nbsp;" + markerName(MarkerKind::EarlyStop) +
        " &nbsp; <span style='color:#c81e1e'>◯</span>&nbsp;" + markerName(MarkerKind::Restored) +
        " &nbsp; <span style='color:#999'>▬</span>&nbsp;" + markerName(MarkerKind::Decline) +
        " &nbsp; ░&nbsp;" +
        tr("%1 % interval").arg(std::lround(m_session->settings().confidence * 100)) + "</span>";
    return html;
}

std::vector<std::optional<int>> CurvesGrid::columnLengths() const
{
    std::set<int> lengths;
    bool unknownLength = false;
    for (const QString &key : m_session->visibleRuns()) {
        const Run &run = m_session->results().runs[std::size_t(m_session->runIndex(key))];
        if (run.seqLen)
            lengths.insert(*run.seqLen);
        else
            unknownLength = true;
    }
    std::vector<std::optional<int>> columns;
    if (lengths.size() > 1 && !unknownLength)
        for (int l : lengths)
            columns.emplace_back(l);
    else
        columns.emplace_back(std::nullopt);
    return columns;
}

QString CurvesGrid::emptyMessage() const
{
    const ResultSet &results = m_session->results();
    if (!results.runs.empty()) return tr("No run is shown: tick one in the Runs list.");
    if (m_session->paths().isEmpty())
        return tr("Open a results folder or file (File ▸ Open, or drop it here).");
    // Opened, and nothing came of it: say why here, not only in the Problems tab.
    QStringList why;
    for (const Problem &p : results.problems)
        if (why.size() < 3 && (p.severity != Severity::Info || results.problems.size() == 1))
            why << QDir::toNativeSeparators(QString::fromStdString(p.file)) +
                       (p.file.empty() ? "" : ": ") + QString::fromStdString(p.message);
    if (why.isEmpty())
        for (const Problem &p : results.problems)
            if (why.size() < 3) why << QString::fromStdString(p.message);
    return tr("Nothing to show from %1.").arg(m_session->paths().join(", ")) + "\n\n" +
           why.join("\n") + (why.isEmpty() ? "" : "\n\n" + tr("All problems: the Problems tab."));
}

void CurvesGrid::showEmpty()
{
    m_charts.clear();
    m_empty->setText(emptyMessage());
    m_stack->setCurrentWidget(m_empty);
}

CurvesGrid::Page CurvesGrid::buildPage(const QStringList &rows,
                                       const std::vector<std::optional<int>> &columns)
{
    Page page;
    page.widget = new QWidget(this);
    auto *grid = new QGridLayout(page.widget);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    const bool several = rows.size() * columns.size() > 1;
    if (several) { // one legend for the whole grid instead of one per chart
        page.legend = new QLabel(legendHtml(), page.widget);
        page.legend->setObjectName("gridLegend");
        page.legend->setTextFormat(Qt::RichText);
        page.legend->setWordWrap(true);
        grid->addWidget(page.legend, 0, 0, 1, int(columns.size()));
    }
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < int(columns.size()); ++c) {
            auto *chart = new MetricChart;
            chart->legend()->setVisible(!several);
            chart->build(*m_model, rows[r], m_x, columns[std::size_t(c)]);
            auto *view = new ChartView(chart, page.widget);
            view->connectLegend();
            connect(chart, &MetricChart::checkpointClicked, this, &CurvesGrid::checkpointClicked);
            connect(chart, &MetricChart::checkpointMenuRequested, this,
                    &CurvesGrid::checkpointMenuRequested);
            grid->addWidget(view, r + (several ? 1 : 0), c);
            grid->setRowStretch(r + (several ? 1 : 0), 1);
            page.views << view;
            page.charts << chart;
        }
    m_stack->addWidget(page.widget);
    return page;
}

void CurvesGrid::rebuild()
{
    const auto columns = columnLengths();
    const QStringList rows = m_session->visibleRuns().isEmpty() ? QStringList{} : rowMetrics();
    if (rows.isEmpty()) return showEmpty();
    const QString shape = rows.join(',') + '|' + QString::number(columns.size());
    m_recent.removeAll(shape);
    m_recent.prepend(shape);
    if (!m_pages.contains(shape)) {
        while (m_recent.size() > kKeptPages) { // the least recently shown layout goes
            const Page old = m_pages.take(m_recent.takeLast());
            m_stack->removeWidget(old.widget);
            delete old.widget;
        }
        m_pages.insert(shape, buildPage(rows, columns));
    } else {
        // A layout shown before: refill its charts (much cheaper than new views).
        const Page &page = m_pages[shape];
        int k = 0;
        for (int r = 0; r < rows.size(); ++r)
            for (const auto &len : columns) {
                page.charts[k]->build(*m_model, rows[r], m_x, len);
                page.views[k++]->connectLegend();
            }
        if (page.legend) page.legend->setText(legendHtml());
    }
    const Page &shown = m_pages[shape];
    m_charts = shown.charts;
    m_stack->setCurrentWidget(shown.widget);
}

} // namespace cs
