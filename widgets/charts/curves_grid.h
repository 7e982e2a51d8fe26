// SPDX-License-Identifier: MIT
#pragma once

#include "charts/metric_chart.h"

#include <QStringList>

#include <QWidget>
#include <optional>
#include <vector>

class QGridLayout;
class QLabel;

namespace cs {

class ChartView;
class CheckpointModel;
class Session;

/// Small multiples: a chart per metric (rows) and sequence length (columns), or one chart.
class CurvesGrid : public QWidget
{
    Q_OBJECT
  public:
    /// A grid over a session and its model; rebuilds when either changes.
    CurvesGrid(Session *session, CheckpointModel *model, QWidget *parent = nullptr);

    /// Shows one metric ("" = small multiples of the main metrics).
    void setMetric(const QString &metric);
    /// Epoch or step on the x axis.
    void setXAxis(XAxis x);
    /// The charts shown, row by row.
    QList<MetricChart *> charts() const { return m_charts; }
    /// The metrics of the rows.
    QStringList rowMetrics() const;

  public slots:
    /// Rebuilds every chart.
    void rebuild();

  signals:
    /// A point was clicked.
    void checkpointClicked(int runIndex, int checkpointIndex);
    /// A point was right-clicked: its context menu is wanted at globalPos.
    void checkpointMenuRequested(int runIndex, int checkpointIndex, const QString &metric,
                                 const QPoint &globalPos);

  private:
    QString legendHtml() const;
    /// What the grid says when it has no chart: how to begin, or why what was opened shows
    /// nothing (the first problems).
    QString emptyMessage() const;
    std::vector<std::optional<int>> columnLengths() const;

    Session *m_session;
    CheckpointModel *m_model;
    QGridLayout *m_grid;
    QString m_metric;
    XAxis m_x = XAxis::Epoch;
    QList<MetricChart *> m_charts;
    QList<ChartView *> m_views;
    QLabel *m_legend = nullptr;
    QString m_shape; // metrics and columns of the charts shown, to reuse them
};

} // namespace cs
