// SPDX-License-Identifier: MIT
#include "charts/metric_chart.h"

#include "analysis/run_analysis.h"
#include "models/checkpoint_model.h"
#include "report/report_builder.h"
#include "window/interface_language.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {
namespace {

/// The property a series carries its Overlay in.
constexpr char kOverlayProperty[] = "clozescopeOverlay";

template <typename Series> Series *marked(Series *series, Overlay kind)
{
    series->setProperty(kOverlayProperty, int(kind));
    return series;
}

QScatterSeries *markerSeries(MarkerKind kind, const QColor &colour)
{
    auto *s = marked(new QScatterSeries, Overlay::Marker);
    s->setName(markerName(kind));
    switch (kind) {
    case MarkerKind::Peak:
        s->setMarkerShape(QScatterSeries::MarkerShapeStar);
        s->setMarkerSize(20);
        s->setColor(colour);
        s->setBorderColor(Qt::black);
        break;
    case MarkerKind::EarlyStop:
        s->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        s->setMarkerSize(16);
        s->setColor(QColor(200, 30, 30));
        s->setBorderColor(Qt::white);
        break;
    case MarkerKind::Restored:
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(22);
        s->setColor(Qt::transparent);
        s->setBorderColor(QColor(200, 30, 30));
        s->setPen(QPen(QColor(200, 30, 30), 2.5));
        break;
    case MarkerKind::WithinNoise:
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(12);
        s->setColor(Qt::white);
        s->setPen(QPen(colour, 1.5));
        break;
    case MarkerKind::Decline: break;
    }
    return s;
}

} // namespace

Overlay overlayOf(const QAbstractSeries *series)
{
    return Overlay(series->property(kOverlayProperty).toInt());
}

QString markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Peak: return QObject::tr("Peak");
    case MarkerKind::EarlyStop: return QObject::tr("Early stop");
    case MarkerKind::Restored: return QObject::tr("Restored by early stopping");
    case MarkerKind::WithinNoise: return QObject::tr("Tied with the best (Holm)");
    case MarkerKind::Decline: return QObject::tr("Decline after the peak");
    }
    return {};
}

MetricChart::MetricChart()
{
    setAnimationOptions(QChart::NoAnimation);
    legend()->setAlignment(Qt::AlignBottom);
    setMargins(QMargins(4, 4, 4, 4));
    m_ax = new QValueAxis;
    m_ay = new QValueAxis;
    m_ay->setLabelFormat(QStringLiteral("%.3f"));
    addAxis(m_ax, Qt::AlignBottom);
    addAxis(m_ay, Qt::AlignLeft);
}

QList<QPointF> MetricChart::markers(MarkerKind kind) const
{
    QList<QPointF> out;
    for (const auto &[k, p] : m_markers)
        if (k == kind) out << p;
    return out;
}

using Point = MetricChart::Point;
using RunPoints = MetricChart::RunPoints;

namespace {

/// The points of one run (its rows from first on) on this column and x axis.
RunPoints collectPoints(const CheckpointModel &model, int first, int column, XAxis x)
{
    RunPoints rp;
    rp.run = model.index(first, 0).data(CheckpointModel::RunIndexRole).toInt();
    for (int row = first; row < model.rowCount(); ++row) {
        const QModelIndex idx = model.index(row, column);
        if (idx.data(CheckpointModel::RunIndexRole).toInt() != rp.run) break;
        const QVariant v = idx.data(CheckpointModel::ValueRole);
        const QVariant xv =
            idx.data(x == XAxis::Epoch ? CheckpointModel::EpochRole : CheckpointModel::StepRole);
        if (v.isValid() && !xv.isValid()) ++rp.withoutX;
        if (!v.isValid() || !xv.isValid()) continue;
        rp.pts.push_back({xv.toDouble(), v.toDouble(), idx.row()});
        const QVariant lo = idx.data(CheckpointModel::IntervalLowRole);
        if (lo.isValid()) {
            rp.lower << QPointF(xv.toDouble(), lo.toDouble());
            rp.upper << QPointF(xv.toDouble(),
                                idx.data(CheckpointModel::IntervalHighRole).toDouble());
        }
    }
    return rp;
}

} // namespace

void MetricChart::build(const CheckpointModel &model, const QString &metric, XAxis x,
                        std::optional<int> seqLen)
{
    m_metric = metric;
    m_model = &model;
    m_curves = 0;
    m_markers.clear();
    m_peaks.clear();
    setTitle(QString::fromStdString(metricLabel(metric.toStdString(), interfaceLanguage())) +
             (seqLen ? QStringLiteral(" @ %1").arg(*seqLen) : QString()));
    m_ax->setTitleText(x == XAxis::Epoch ? tr("Epoch") : tr("Step"));
    const int column = model.metricColumn(metric);
    std::vector<RunPoints> runs;
    int withoutX = 0; // values of shown runs that have no place on this x axis
    // Rows come run by run: each run's first row starts its points.
    for (int row = 0; column >= 0 && row < model.rowCount(); ++row) {
        const QModelIndex idx = model.index(row, 0);
        if (row > 0 && model.index(row - 1, 0).data(CheckpointModel::RunIndexRole) ==
                           idx.data(CheckpointModel::RunIndexRole))
            continue;
        const QVariant len = idx.data(CheckpointModel::SeqLenRole);
        if (!idx.data(CheckpointModel::RunShownRole).toBool() ||
            (seqLen && (!len.isValid() || len.toInt() != *seqLen)))
            continue;
        RunPoints rp = collectPoints(model, row, column, x);
        withoutX += rp.withoutX;
        if (!rp.pts.empty()) runs.push_back(std::move(rp));
    }
    m_curves = int(runs.size());
    if (runs.empty() && withoutX > 0) // a blank chart says why
        setTitle(title() + "\n" +
                 (x == XAxis::Epoch ? tr("No epochs known: choose x = Step, or double-click a "
                                         "run's steps per epoch")
                                    : tr("No steps known: choose x = Epoch")));
    // With many runs, bands, decline bands and per-point noise colouring would hide each other
    // (and cost the redraw most of its time); curves, peaks and early stops stay.
    const bool bands = runs.size() <= kMaxBandedRuns;
    for (std::size_t i = 0; i < runs.size(); ++i)
        fillSlot(slot(i), model, runs[i], column, bands);
    for (std::size_t i = runs.size(); i < m_slots.size(); ++i)
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_slots[i].decline),
                                   static_cast<QAbstractSeries *>(m_slots[i].band),
                                   static_cast<QAbstractSeries *>(m_slots[i].line)})
            s->setVisible(false);
    fillMarkers();
    refreshLegend();
    if (isZoomed()) zoomReset(); // a zoom of the previous data would come back on double-click
    if (!runs.empty()) setRanges(runs, x, bands);
}

namespace {

/// The slot and point nearest to position among the shown curves, and its distance in pixels.
struct Nearest
{
    std::size_t slot = 0, point = 0;
    qreal distance = std::numeric_limits<qreal>::infinity();
};

} // namespace

int MetricChart::rowAt(const QPointF &position, qreal radius) const
{
    // By pixels on the screen, not by the line series' own hover and click: a rubber band takes
    // the press from the series, and hover needs an active window.
    Nearest best;
    for (std::size_t i = 0; i < std::size_t(m_curves) && i < m_slots.size(); ++i) {
        const Slot &sl = m_slots[i];
        if (!sl.line->isVisible()) continue;
        for (std::size_t k = 0; k < sl.pts.size(); ++k) {
            const QPointF at = const_cast<MetricChart *>(this)->mapToPosition( // not const in Qt
                QPointF(sl.pts[k].x, sl.pts[k].y), sl.line);
            const qreal d = std::hypot(at.x() - position.x(), at.y() - position.y());
            if (d < best.distance) best = {i, k, d};
        }
    }
    return best.distance <= radius ? m_slots[best.slot].pts[best.point].row : -1;
}

QString MetricChart::toolTipAt(const QPointF &position, qreal radius) const
{
    const int row = rowAt(position, radius);
    if (row < 0 || !m_model) return {};
    const QModelIndex idx = m_model->index(row, m_model->metricColumn(m_metric));
    return idx.data(Qt::ToolTipRole).toString() + "\n" +
           tr("step %1, epoch %2")
               .arg(idx.data(CheckpointModel::StepRole).toString(),
                    idx.data(CheckpointModel::EpochRole).toString());
}

bool MetricChart::clickAt(const QPointF &position, qreal radius)
{
    const int row = rowAt(position, radius);
    if (row < 0 || !m_model) return false;
    const QModelIndex idx = m_model->index(row, 0);
    emit checkpointClicked(idx.data(CheckpointModel::RunIndexRole).toInt(),
                           idx.data(CheckpointModel::CheckpointIndexRole).toInt());
    return true;
}

bool MetricChart::menuAt(const QPointF &position, qreal radius, const QPoint &globalPos)
{
    const int row = rowAt(position, radius);
    if (row < 0 || !m_model) return false;
    const QModelIndex idx = m_model->index(row, 0);
    emit checkpointMenuRequested(idx.data(CheckpointModel::RunIndexRole).toInt(),
                                 idx.data(CheckpointModel::CheckpointIndexRole).toInt(), m_metric,
                                 globalPos);
    return true;
}

void MetricChart::attach(QAbstractSeries *s)
{
    addSeries(s);
    s->attachAxis(m_ax);
    s->attachAxis(m_ay);
}

MetricChart::Slot &MetricChart::slot(std::size_t index)
{
    while (m_slots.size() <= index) {
        // Created once, in drawing order: decline band, interval band, curve.
        Slot s;
        s.decline = marked(new QLineSeries, Overlay::Decline);
        s.band = marked(new QAreaSeries(new QLineSeries, new QLineSeries), Overlay::IntervalBand);
        s.band->setPen(Qt::NoPen);
        s.line = marked(new QLineSeries, Overlay::RunCurve);
        for (QAbstractSeries *series :
             {static_cast<QAbstractSeries *>(s.decline), static_cast<QAbstractSeries *>(s.band),
              static_cast<QAbstractSeries *>(s.line)})
            attach(series);
        s.band->upperSeries()->setParent(s.band); // the area series does not own its boundaries
        s.band->lowerSeries()->setParent(s.band);
        m_slots.push_back(s);
    }
    if (!m_peakSeries) { // markers on top of every curve: re-added after new slots
        m_peakSeries = markerSeries(MarkerKind::Peak, Qt::black);
        m_stopSeries = markerSeries(MarkerKind::EarlyStop, Qt::black);
        m_restoredSeries = markerSeries(MarkerKind::Restored, Qt::black);
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_stopSeries),
                                   static_cast<QAbstractSeries *>(m_restoredSeries),
                                   static_cast<QAbstractSeries *>(m_peakSeries)})
            attach(s);
    } else if (series().last() != m_peakSeries) {
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_stopSeries),
                                   static_cast<QAbstractSeries *>(m_restoredSeries),
                                   static_cast<QAbstractSeries *>(m_peakSeries)}) {
            removeSeries(s);
            attach(s);
        }
    }
    return m_slots[index];
}

void MetricChart::fillSlot(Slot &slot, const CheckpointModel &model, const RunPoints &rp,
                           int column, bool bands)
{
    const QModelIndex first = model.index(rp.pts.front().row, column);
    const QColor colour = first.data(CheckpointModel::RunColourRole).value<QColor>();
    const QVariant verdictData = first.data(CheckpointModel::VerdictRole);
    const auto verdict = Verdict(verdictData.toInt());
    slot.pts = rp.pts;
    slot.column = column;
    const Point *peak = nullptr;
    for (const auto &p : rp.pts)
        if (model.index(p.row, column).data(CheckpointModel::IsPeakRole).toBool()) peak = &p;

    // The stretch from the peak to the last evaluation: a wide band under the curve, red when
    // the decline is significant, the run's colour otherwise.
    const bool declined = bands && verdictData.isValid() && peak && peak->x < rp.pts.back().x &&
                          (verdict == Verdict::WithinNoise ||
                           verdict == Verdict::SignificantDecline || verdict == Verdict::Untested);
    QList<QPointF> stretch;
    if (declined) {
        for (const auto &p : rp.pts)
            if (p.x >= peak->x) stretch << QPointF(p.x, p.y);
        const bool significant = verdict == Verdict::SignificantDecline;
        QColor c = significant ? QColor(220, 40, 40) : colour;
        c.setAlpha(significant ? 110 : 60);
        slot.decline->setPen(QPen(c, 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        slot.decline->setName(significant ? tr("Significant decline after the peak")
                                          : tr("Decline after the peak (within noise)"));
        m_markers.append({MarkerKind::Decline, QPointF(peak->x, rp.pts.back().x)});
    }
    slot.decline->replace(stretch);
    slot.decline->setVisible(declined);

    const bool banded = bands && rp.upper.size() > 1;
    slot.band->upperSeries()->replace(banded ? rp.upper : QList<QPointF>{});
    slot.band->lowerSeries()->replace(banded ? rp.lower : QList<QPointF>{});
    QColor fill = colour;
    fill.setAlpha(40);
    slot.band->setBrush(fill);
    const double level =
        model.headerData(column, Qt::Horizontal, CheckpointModel::ConfidenceRole).toDouble();
    slot.band->setName(tr("%1 % interval").arg(std::lround(level * 100)));
    slot.band->setVisible(banded);

    QList<QPointF> points;
    for (const auto &p : rp.pts)
        points << QPointF(p.x, p.y);
    QLineSeries *line = slot.line;
    line->replace(points);
    line->setName(first.data(CheckpointModel::RunNameRole).toString());
    // Many runs: thin cosmetic lines (readable, and drawn without the path stroker).
    QPen pen(colour, bands ? 2 : 1);
    pen.setCosmetic(!bands);
    line->setPen(pen);
    line->setPointsVisible(bands);
    line->setVisible(true);
    const QColor pale((colour.red() + 2 * 255) / 3, (colour.green() + 2 * 255) / 3,
                      (colour.blue() + 2 * 255) / 3);
    QHash<int, QHash<QXYSeries::PointConfiguration, QVariant>> looks;
    for (int i = 0; i < int(rp.pts.size()); ++i) {
        const Point &p = rp.pts[std::size_t(i)];
        if (&p == peak) {
            m_peaks.append({QPointF(p.x, p.y), colour});
            m_markers.append({MarkerKind::Peak, QPointF(p.x, p.y)});
        }
        if (!bands) continue;
        // Points tied with the best (Holm) are drawn pale, those significantly below it solid.
        auto &look = looks[i];
        look[QXYSeries::PointConfiguration::Size] = 6.0;
        if (model.index(p.row, column).data(CheckpointModel::WithinNoiseRole).toBool()) {
            look[QXYSeries::PointConfiguration::Color] = pale;
            m_markers.append({MarkerKind::WithinNoise, QPointF(p.x, p.y)});
        }
    }
    line->setPointsConfiguration(looks); // one update for the whole run (empty clears)
    for (const auto &p : rp.pts) {
        const int marks = model.index(p.row, column).data(CheckpointModel::EarlyStopRole).toInt();
        if (marks & CheckpointModel::StoppedHere)
            m_markers.append({MarkerKind::EarlyStop, QPointF(p.x, p.y)});
        if (marks & CheckpointModel::RestoredHere)
            m_markers.append({MarkerKind::Restored, QPointF(p.x, p.y)});
    }
}

void MetricChart::fillMarkers()
{
    if (!m_peakSeries) return;
    // One series per kind of marker for the whole chart, coloured per point.
    QList<QPointF> peaks;
    for (const auto &[at, colour] : m_peaks)
        peaks << at;
    m_peakSeries->replace(peaks);
    QHash<int, QHash<QXYSeries::PointConfiguration, QVariant>>
        colours; // one update, not one per point
    for (int i = 0; i < m_peaks.size(); ++i)
        colours[i][QXYSeries::PointConfiguration::Color] = m_peaks[i].second;
    m_peakSeries->setPointsConfiguration(colours);
    m_stopSeries->replace(markers(MarkerKind::EarlyStop));
    m_restoredSeries->replace(markers(MarkerKind::Restored));
    m_stopSeries->setVisible(m_stopSeries->count() > 0);
    m_restoredSeries->setVisible(m_restoredSeries->count() > 0);
}

void MetricChart::refreshLegend()
{
    // One legend entry per run and per kind of marker, none for hidden series.
    QSet<QString> shown;
    const auto legendMarkers = legend()->markers();
    for (QLegendMarker *m : legendMarkers) {
        QAbstractSeries *s = m->series();
        // Runs always get their entry; bands and declines one entry per kind.
        const bool perRun = overlayOf(s) == Overlay::RunCurve;
        const bool visible = s->isVisible() && (perRun || !shown.contains(s->name()));
        m->setVisible(visible);
        if (visible) shown.insert(s->name());
    }
}

namespace {

/// Ticks every 0.5 epoch up to 3 epochs, else every 1, 2, 5, 10, 20, 50, … epochs: the
/// smallest that gives at most 12 ticks.
double epochTickInterval(double span)
{
    if (span <= 3) return 0.5;
    double interval = 1.0;
    for (int i = 0; span / interval > 12 && i < 60; ++i)
        interval *= i % 3 == 1 ? 2.5 : 2.0; // 1, 2, 5, 10, 20, 50, …
    return interval;
}

} // namespace

void MetricChart::setRanges(const std::vector<RunPoints> &runs, XAxis x, bool bands)
{
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (const RunPoints &rp : runs) {
        for (const auto &p : rp.pts) {
            xmin = std::min(xmin, p.x);
            xmax = std::max(xmax, p.x);
            ymin = std::min(ymin, p.y);
            ymax = std::max(ymax, p.y);
        }
        if (bands)
            for (int i = 0; i < rp.lower.size(); ++i) {
                ymin = std::min(ymin, rp.lower[i].y());
                ymax = std::max(ymax, rp.upper[i].y());
            }
    }
    const double ypad = std::max((ymax - ymin) * 0.08, 1e-3),
                 xpad = std::max((xmax - xmin) * 0.03, 0.05);
    // Fixed ticks while the range changes, dynamic ones (epochs) only after: thousands of steps
    // under half-epoch ticks, even for a moment, asked Qt for thousands of labels (a two-minute
    // freeze on switching to Step).
    m_ax->setTickType(QValueAxis::TicksFixed);
    // Epochs and steps start at 0: the padding does not run the axis below it.
    m_ax->setRange(xmin >= 0 ? std::max(0.0, xmin - xpad) : xmin - xpad, xmax + xpad);
    if (x == XAxis::Epoch) {
        m_ax->setTickAnchor(0.0);
        m_ax->setTickInterval(epochTickInterval(xmax - xmin));
        m_ax->setLabelFormat(QStringLiteral("%.1f"));
        m_ax->setTickType(QValueAxis::TicksDynamic);
    } else {
        m_ax->setLabelFormat(QStringLiteral("%.0f"));
        m_ax->applyNiceNumbers();
    }
    // A non-negative quantity's axis does not go below 0, nor a share's above 1 (nice numbers
    // keep 0 and 1: both are multiples of every tick interval they choose).
    const double ylow = ymin >= 0 ? std::max(0.0, ymin - ypad) : ymin - ypad;
    const double yhigh = ymin >= 0 && ymax <= 1 ? std::min(1.0, ymax + ypad) : ymax + ypad;
    m_ay->setRange(ylow, yhigh);
    m_ay->applyNiceNumbers();
}

} // namespace cs
