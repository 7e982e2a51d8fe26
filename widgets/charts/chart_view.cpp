// SPDX-License-Identifier: MIT
#include "charts/chart_view.h"

#include "charts/metric_chart.h"

#include <QLegendMarker>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace cs {

namespace {

/// How near (pixels) the pointer must be to a point to hover or click it.
constexpr qreal kPointRadius = 10;
/// How far (pixels) a press may move and still be a click, not a rubber-band zoom.
constexpr qreal kClickSlop = 4;

} // namespace

ChartView::ChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMinimumSize(260, 240); // below this the x axis is lost; the charts scroll instead
    setMouseTracking(true);   // hover without a button held, active window or not
}

QPointF ChartView::chartPosition(const QPointF &viewPosition) const
{
    return chart()->mapFromScene(mapToScene(viewPosition.toPoint()));
}

void ChartView::connectLegend()
{
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker *m : markers) {
        m->disconnect(this);
        QFont f = m->font();
        f.setStrikeOut(!m->series()->isVisible()); // rebuilt series are shown again
        m->setFont(f);
        connect(m, &QLegendMarker::clicked, this, [m] {
            QAbstractSeries *s = m->series();
            s->setVisible(!s->isVisible());
            m->setVisible(true);
            QFont font = m->font();
            font.setStrikeOut(!s->isVisible());
            m->setFont(font);
        });
    }
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    // The wheel scrolls the charts (they scroll in a small window); Ctrl+wheel zooms.
    if (!(event->modifiers() & Qt::ControlModifier) || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    chart()->zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    m_pressedAt = event->position();
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        m_panning = true;
        m_panFrom = event->position();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (auto *metric = qobject_cast<MetricChart *>(chart());
        metric && event->buttons() == Qt::NoButton) {
        const QString tip = metric->toolTipAt(chartPosition(event->position()), kPointRadius);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(mapToGlobal(event->position().toPoint()), tip, viewport());
    }
    if (m_panning) {
        const QPointF d = event->position() - m_panFrom;
        chart()->scroll(-d.x(), d.y());
        m_panFrom = event->position();
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPointF moved = event->position() - m_pressedAt;
    if (m_panning) {
        m_panning = false;
        // A right click that did not pan: the point's context menu.
        if (auto *metric = qobject_cast<MetricChart *>(chart());
            metric && event->button() == Qt::RightButton &&
            std::hypot(moved.x(), moved.y()) <= kClickSlop)
            metric->menuAt(chartPosition(event->position()), kPointRadius,
                           mapToGlobal(event->position().toPoint()));
        event->accept();
        return;
    }
    // A press released (nearly) where it was is a click, not a zoom into the few pixels the
    // hand moved: on a point, it selects its checkpoint.
    if (auto *metric = qobject_cast<MetricChart *>(chart());
        metric && event->button() == Qt::LeftButton &&
        std::hypot(moved.x(), moved.y()) <= kClickSlop) {
        if (auto *band = findChild<QRubberBand *>()) band->hide();
        QGraphicsView::mouseReleaseEvent(event); // past QChartView's rubber-band zoom
        metric->clickAt(chartPosition(event->position()), kPointRadius);
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    chart()->zoomReset();
    event->accept();
}

} // namespace cs
