// SPDX-License-Identifier: MIT
#include "metric_chart.h"

#include "checkpoint_model.h"
#include "report/report_builder.h"
#include "session.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cs {
namespace {

struct Point
{
    double x = 0.0, y = 0.0;
    int row = -1;
};

QScatterSeries *markerSeries(MarkerKind kind, const QColor &colour)
{
    auto *s = new QScatterSeries;
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

QString markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Peak: return QObject::tr("Peak");
    case MarkerKind::EarlyStop: return QObject::tr("Early stop");
    case MarkerKind::Restored: return QObject::tr("Restored by early stopping");
    case MarkerKind::WithinNoise: return QObject::tr("Within noise of the peak");
    case MarkerKind::Decline: return QObject::tr("Decline after the peak");
    }
    return {};
}

MetricChart::MetricChart()
{
    setAnimationOptions(QChart::NoAnimation);
    legend()->setAlignment(Qt::AlignBottom);
    setMargins(QMargins(4, 4, 4, 4));
}

QList<QPointF> MetricChart::markers(MarkerKind kind) const
{
    QList<QPointF> out;
    for (const auto &[k, p] : m_markers)
        if (k == kind) out << p;
    return out;
}

void MetricChart::build(const Session &session, const CheckpointModel &model, const QString &metric,
                        XAxis x, std::optional<int> seqLen)
{
    removeAllSeries();
    for (QAbstractAxis *a : axes())
        removeAxis(a);
    m_metric = metric;
    m_curves = 0;
    m_markers.clear();
    const int column = model.metricColumn(metric);
    setTitle(QString::fromStdString(metricLabel(metric.toStdString())) +
             (seqLen ? QStringLiteral(" @ %1").arg(*seqLen) : QString()));
    auto *ax = new QValueAxis, *ay = new QValueAxis;
    ax->setTitleText(x == XAxis::Epoch ? tr("Epoch") : tr("Step"));
    ay->setLabelFormat(QStringLiteral("%.3f"));
    addAxis(ax, Qt::AlignBottom);
    addAxis(ay, Qt::AlignLeft);
    if (column < 0) return;

    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    QList<QAbstractSeries *> declines;
    QSet<QString> inLegend; // one legend entry per marker kind, not one per run
    auto attach = [&](QAbstractSeries *s) {
        addSeries(s);
        s->attachAxis(ax);
        s->attachAxis(ay);
        const auto legendMarkers = legend()->markers(s);
        for (QLegendMarker *m : legendMarkers)
            m->setVisible(!inLegend.contains(s->name()));
        inLegend.insert(s->name());
    };
    const auto &results = session.results();
    for (int r = 0; r < int(results.runs.size()); ++r) {
        const Run &run = results.runs[std::size_t(r)];
        if (!session.isRunVisible(QString::fromStdString(run.key())) ||
            (seqLen && run.seqLen != seqLen))
            continue;
        std::vector<Point> pts;
        auto *band = new QAreaSeries(new QLineSeries, new QLineSeries);
        for (int c = 0; c < int(run.checkpoints.size()); ++c) {
            const QModelIndex idx = model.index(model.rowOf(r, c), column);
            const QVariant v = idx.data(CheckpointModel::ValueRole);
            const QVariant xv = idx.data(x == XAxis::Epoch ? CheckpointModel::EpochRole
                                                           : CheckpointModel::StepRole);
            if (!v.isValid() || !xv.isValid()) continue;
            pts.push_back({xv.toDouble(), v.toDouble(), idx.row()});
            const QVariant lo = idx.data(CheckpointModel::IntervalLowRole),
                           hi = idx.data(CheckpointModel::IntervalHighRole);
            if (lo.isValid()) {
                band->lowerSeries()->append(xv.toDouble(), lo.toDouble());
                band->upperSeries()->append(xv.toDouble(), hi.toDouble());
                ymin = std::min(ymin, lo.toDouble());
                ymax = std::max(ymax, hi.toDouble());
            }
        }
        if (pts.empty()) {
            delete band;
            continue;
        }
        ++m_curves;
        const QColor colour = session.runColour(r);
        if (band->upperSeries()->count() > 1) {
            QColor fill = colour;
            fill.setAlpha(40);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setName(
                tr("%1 % interval").arg(std::lround(session.settings().confidence * 100)));
            attach(band);
        } else {
            delete band;
        }
        auto *line = new QLineSeries;
        line->setName(QString::fromStdString(run.displayName()));
        line->setPen(QPen(colour, 2));
        line->setPointsVisible(true);
        for (const auto &p : pts) {
            line->append(p.x, p.y);
            xmin = std::min(xmin, p.x);
            xmax = std::max(xmax, p.x);
            ymin = std::min(ymin, p.y);
            ymax = std::max(ymax, p.y);
        }
        attach(line);
        connect(line, &QLineSeries::hovered, this,
                [&model, pts, column](const QPointF &at, bool state) {
                    if (!state) {
                        QToolTip::hideText();
                        return;
                    }
                    const auto nearest = std::min_element(
                        pts.begin(), pts.end(), [&](const Point &a, const Point &b) {
                            return std::hypot(a.x - at.x(), a.y - at.y()) <
                                   std::hypot(b.x - at.x(), b.y - at.y());
                        });
                    const QModelIndex idx = model.index(nearest->row, column);
                    QString tip = idx.data(Qt::ToolTipRole).toString();
                    tip += "\n" + tr("step %1, epoch %2")
                                      .arg(idx.data(CheckpointModel::StepRole).toString(),
                                           idx.data(CheckpointModel::EpochRole).toString());
                    QToolTip::showText(QCursor::pos(), tip);
                });
        connect(line, &QLineSeries::clicked, this, [this, &model, pts](const QPointF &at) {
            const auto nearest =
                std::min_element(pts.begin(), pts.end(), [&](const Point &a, const Point &b) {
                    return std::fabs(a.x - at.x()) < std::fabs(b.x - at.x());
                });
            const QModelIndex idx = model.index(nearest->row, 0);
            emit checkpointClicked(idx.data(CheckpointModel::RunIndexRole).toInt(),
                                   idx.data(CheckpointModel::CheckpointIndexRole).toInt());
        });

        // Markers from the same model roles and the run's analysis.
        const RunAnalysis &ra = session.analysed().analyses[std::size_t(r)];
        auto *peak = markerSeries(MarkerKind::Peak, colour),
             *noise = markerSeries(MarkerKind::WithinNoise, colour);
        std::optional<Point> peakPoint;
        for (const auto &p : pts) {
            const QModelIndex idx = model.index(p.row, column);
            if (idx.data(CheckpointModel::IsPeakRole).toBool()) {
                peak->append(p.x, p.y);
                peakPoint = p;
                m_markers.append({MarkerKind::Peak, QPointF(p.x, p.y)});
            } else if (idx.data(CheckpointModel::WithinNoiseRole).toBool()) {
                noise->append(p.x, p.y);
                m_markers.append({MarkerKind::WithinNoise, QPointF(p.x, p.y)});
            }
        }
        attach(noise);
        if (ra.earlyStop && ra.earlyStop->metric == metric.toStdString()) {
            const auto pointOf = [&](std::size_t cpIndex) -> std::optional<Point> {
                const int row = model.rowOf(r, int(cpIndex));
                for (const auto &p : pts)
                    if (p.row == row) return p;
                return std::nullopt;
            };
            if (const auto stop = pointOf(ra.earlyStop->stopAt); stop && ra.earlyStop->stopped) {
                auto *s = markerSeries(MarkerKind::EarlyStop, colour);
                s->append(stop->x, stop->y);
                m_markers.append({MarkerKind::EarlyStop, QPointF(stop->x, stop->y)});
                attach(s);
            }
            if (const auto restored = pointOf(ra.earlyStop->restored);
                restored && ra.earlyStop->stopped) {
                auto *s = markerSeries(MarkerKind::Restored, colour);
                s->append(restored->x, restored->y);
                m_markers.append({MarkerKind::Restored, QPointF(restored->x, restored->y)});
                attach(s);
            }
        }
        attach(peak);
        const MetricAnalysis *ma = ra.find(metric.toStdString());
        if (ma && peakPoint &&
            (ma->verdict == Verdict::WithinNoise || ma->verdict == Verdict::SignificantDecline ||
             ma->verdict == Verdict::Untested)) {
            const Point last = pts.back();
            if (last.x > peakPoint->x) {
                // The stretch from the peak to the last evaluation, drawn as a wide band under
                // the curve: red when the decline is significant, the run's colour otherwise.
                auto *segment = new QLineSeries;
                for (const auto &p : pts)
                    if (p.x >= peakPoint->x) segment->append(p.x, p.y);
                const bool significant = ma->verdict == Verdict::SignificantDecline;
                QColor c = significant ? QColor(220, 40, 40) : colour;
                c.setAlpha(significant ? 110 : 60);
                segment->setPen(QPen(c, 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                segment->setName(significant ? tr("Significant decline after the peak")
                                             : tr("Decline after the peak (within noise)"));
                m_markers.append({MarkerKind::Decline, QPointF(peakPoint->x, last.x)});
                declines << segment;
            }
        }
    }
    if (m_curves == 0) return;
    const double ypad = std::max((ymax - ymin) * 0.08, 1e-3),
                 xpad = std::max((xmax - xmin) * 0.03, 0.05);
    ax->setRange(xmin - xpad, xmax + xpad);
    ay->setRange(ymin - ypad, ymax + ypad);
    if (x == XAxis::Epoch) {
        ax->setTickType(QValueAxis::TicksDynamic);
        ax->setTickAnchor(0.0);
        ax->setTickInterval(xmax - xmin > 12 ? 2.0 : xmax - xmin > 3 ? 1.0 : 0.5);
        ax->setLabelFormat(QStringLiteral("%.1f"));
    } else {
        ax->setLabelFormat(QStringLiteral("%.0f"));
        ax->applyNiceNumbers();
    }
    ay->applyNiceNumbers();
    // Decline bands go under the curves: insert them first, then re-add the rest on top.
    const QList<QAbstractSeries *> drawn = series();
    for (QAbstractSeries *s : drawn)
        removeSeries(s);
    inLegend.clear();
    for (QAbstractSeries *s : declines)
        attach(s);
    for (QAbstractSeries *s : drawn)
        attach(s);
}

} // namespace cs
