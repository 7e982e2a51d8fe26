// SPDX-License-Identifier: MIT
#pragma once

#include <QChart>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cs {

class CheckpointModel;

/// What the x axis shows.
enum class XAxis { Epoch, Step };

/// Kinds of marker drawn on a curve.
enum class MarkerKind { Peak, EarlyStop, Restored, WithinNoise, Decline };

/// What a chart series draws; each series carries its kind (overlayOf), so nothing depends on
/// its translated name.
enum class Overlay { RunCurve, IntervalBand, Decline, Marker };

/// The kind of a series a MetricChart made.
Overlay overlayOf(const QAbstractSeries *series);

/// One metric against epoch or step for the visible runs (optionally of one sequence length):
/// a curve per run, its interval band, and the analysis markers. Built from the shared
/// CheckpointModel's roles only (values, intervals, peak, noise, verdict, early stop, colour),
/// so table and chart show the same numbers. Rebuilding reuses the series
/// objects (their data is replaced), which keeps redraws fast.
class MetricChart : public QChart
{
    Q_OBJECT
  public:
    /// An empty chart.
    MetricChart();

    /// Shows metric against x for the runs shown (of seqLen only, when given).
    void build(const CheckpointModel &model, const QString &metric, XAxis x,
               std::optional<int> seqLen);
    /// Positions (x, value) of the markers of a kind, in build order; for tests and exports.
    QList<QPointF> markers(MarkerKind kind) const;
    /// Number of runs drawn.
    int curveCount() const { return m_curves; }
    /// The model row of the shown curve point nearest to position (chart coordinates) within
    /// radius pixels; -1 when none is that near.
    int rowAt(const QPointF &position, qreal radius) const;
    /// What hovering that point says: checkpoint, value, interval, step and epoch.
    QString toolTipAt(const QPointF &position, qreal radius) const;
    /// Emits checkpointClicked for the point near position; false when none is.
    bool clickAt(const QPointF &position, qreal radius);
    /// Emits checkpointMenuRequested for the point near position (a right click; the menu at
    /// globalPos); false when none is.
    bool menuAt(const QPointF &position, qreal radius, const QPoint &globalPos);
    /// The metric shown.
    const QString &metric() const { return m_metric; }

    /// Most runs in one chart that still get interval bands, decline bands and noise colouring.
    static constexpr std::size_t kMaxBandedRuns = 6;

    /// One plotted point: x, value, and the model row it comes from.
    struct Point
    {
        double x = 0.0, y = 0.0;
        int row = -1;
    };
    /// A run's points for one metric, with its interval band.
    struct RunPoints
    {
        int run = -1;
        std::vector<Point> pts;
        QList<QPointF> lower, upper;
        int withoutX = 0; ///< values left out for want of an epoch (or step)
    };

  signals:
    /// A point was clicked: run index and checkpoint index.
    void checkpointClicked(int runIndex, int checkpointIndex);
    /// A point was right-clicked: its context menu is wanted at globalPos.
    void checkpointMenuRequested(int runIndex, int checkpointIndex, const QString &metric,
                                 const QPoint &globalPos);

  private:
    /// The series of one run slot, reused from build to build.
    struct Slot
    {
        QLineSeries *decline = nullptr;
        QAreaSeries *band = nullptr;
        QLineSeries *line = nullptr;
        std::vector<Point> pts;
        int column = -1;
    };

    void attach(QAbstractSeries *series);
    Slot &slot(std::size_t index);
    void fillSlot(Slot &slot, const CheckpointModel &model, const RunPoints &rp, int column,
                  bool bands);
    void fillMarkers();
    void refreshLegend();
    void setRanges(const std::vector<RunPoints> &runs, XAxis x, bool bands);

    QString m_metric;
    int m_curves = 0;
    const CheckpointModel *m_model = nullptr;
    QList<QPair<MarkerKind, QPointF>> m_markers;
    QList<QPair<QPointF, QColor>> m_peaks;
    std::vector<Slot> m_slots;
    QScatterSeries *m_peakSeries = nullptr;
    QScatterSeries *m_stopSeries = nullptr;
    QScatterSeries *m_restoredSeries = nullptr;
    QValueAxis *m_ax = nullptr;
    QValueAxis *m_ay = nullptr;
};

/// Name of a marker kind for legends ("Peak", "Early stop", …).
QString markerName(MarkerKind kind);

} // namespace cs
