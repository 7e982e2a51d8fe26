// SPDX-License-Identifier: MIT
#include "charts/curves_grid.h"

#include "charts/chart_view.h"
#include "models/checkpoint_model.h"
#include "models/session.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>
#include <set>

namespace cs {

CurvesGrid::CurvesGrid(Session *session, CheckpointModel *model, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(model), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
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

void CurvesGrid::rebuild()
{
    const auto columns = columnLengths();
    const QStringList rows = m_session->visibleRuns().isEmpty() ? QStringList{} : rowMetrics();
    const QString shape = rows.join(',') + '|' + QString::number(columns.size());
    if (shape == m_shape && !m_charts.isEmpty()) {
        // Same grid: rebuild the series in the existing charts (much cheaper than new views).
        int k = 0;
        for (int r = 0; r < rows.size(); ++r)
            for (const auto &len : columns) {
                m_charts[k]->build(*m_model, rows[r], m_x, len);
                m_views[k++]->connectLegend();
            }
        if (m_legend) m_legend->setText(legendHtml());
        return;
    }
    m_shape = shape;
    m_views.clear();
    m_charts.clear();
    m_legend = nullptr;
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int r = 0; r < m_grid->rowCount(); ++r) // stretches outlive the rows they were set on
        m_grid->setRowStretch(r, 0);
    if (rows.isEmpty()) {
        auto *label = new QLabel(emptyMessage(), this);
        label->setObjectName("emptyMessage");
        label->setTextFormat(Qt::PlainText); // file names and reasons, never markup
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        m_grid->addWidget(label, 0, 0);
        return;
    }
    const bool several = rows.size() * columns.size() > 1;
    if (several) { // one legend for the whole grid instead of one per chart
        m_legend = new QLabel(legendHtml(), this);
        m_legend->setObjectName("gridLegend");
        m_legend->setTextFormat(Qt::RichText);
        m_legend->setWordWrap(true);
        m_grid->addWidget(m_legend, 0, 0, 1, int(columns.size()));
    }
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < int(columns.size()); ++c) {
            auto *chart = new MetricChart;
            chart->legend()->setVisible(!several);
            chart->build(*m_model, rows[r], m_x, columns[std::size_t(c)]);
            auto *view = new ChartView(chart, this);
            view->connectLegend();
            connect(chart, &MetricChart::checkpointClicked, this, &CurvesGrid::checkpointClicked);
            connect(chart, &MetricChart::checkpointMenuRequested, this,
                    &CurvesGrid::checkpointMenuRequested);
            m_grid->addWidget(view, r + (several ? 1 : 0), c);
            m_grid->setRowStretch(r + (several ? 1 : 0), 1);
            m_views << view;
            m_charts << chart;
        }
}

} // namespace cs
