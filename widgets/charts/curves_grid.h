// SPDX-License-Identifier: MIT
#pragma once

#include "charts/metric_chart.h"

#include <QHash>
#include <QStringList>

#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QStackedLayout;

namespace cs {

class ChartView;
class CheckpointModel;
class Session;

/// Small multiples: a chart per metric (rows) and sequence length (columns), or one chart. The
/// grids of the last few layouts are kept, so switching back and forth (one metric ↔ small
/// multiples) refills existing charts instead of building new views.
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
    /// The charts of one layout (a shape: its row metrics and column count).
    struct Page
    {
        QWidget *widget = nullptr;
        QList<MetricChart *> charts;
        QList<ChartView *> views;
        QLabel *legend = nullptr;
    };
    /// Builds the page of a layout and puts it on the stack.
    Page buildPage(const QStringList &rows, const std::vector<std::optional<int>> &columns);
    /// Shows the empty message instead of charts.
    void showEmpty();
    QString legendHtml() const;
    /// What the grid says when it has no chart: how to begin, or why what was opened shows
    /// nothing (the first problems).
    QString emptyMessage() const;
    std::vector<std::optional<int>> columnLengths() const;

    Session *m_session;
    CheckpointModel *m_model;
    QStackedLayout *m_stack;
    QLabel *m_empty;
    QString m_metric;
    XAxis m_x = XAxis::Epoch;
    QList<MetricChart *> m_charts; ///< the shown page's
    QHash<QString, Page> m_pages;  ///< by shape
    QStringList m_recent;          ///< shapes of m_pages, most recently shown first
};

} // namespace cs
