// SPDX-License-Identifier: MIT
#pragma once

#include <QChart>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace cs {

class CheckpointModel;
class Session;

/// What the x axis shows.
enum class XAxis { Epoch, Step };

/// Kinds of marker drawn on a curve.
enum class MarkerKind { Peak, EarlyStop, Restored, WithinNoise, Decline };

/// One metric against epoch or step for the visible runs (optionally of one sequence length):
/// a curve per run, its interval band, and the analysis markers. Built from the shared
/// CheckpointModel, so table and chart show the same numbers.
class MetricChart : public QChart
{
    Q_OBJECT
  public:
    /// An empty chart.
    MetricChart();

    /// Rebuilds every series for metric against x, runs of seqLen only when given.
    void build(const Session &session, const CheckpointModel &model, const QString &metric, XAxis x,
               std::optional<int> seqLen);
    /// Positions (x, value) of the markers of a kind, in build order; for tests and exports.
    QList<QPointF> markers(MarkerKind kind) const;
    /// Number of runs drawn.
    int curveCount() const { return m_curves; }
    /// The metric shown.
    const QString &metric() const { return m_metric; }

  signals:
    /// A point was clicked: run index and checkpoint index.
    void checkpointClicked(int runIndex, int checkpointIndex);

  private:
    QString m_metric;
    int m_curves = 0;
    QList<QPair<MarkerKind, QPointF>> m_markers;
};

/// Name of a marker kind for legends ("Peak", "Early stop", …).
QString markerName(MarkerKind kind);

} // namespace cs
