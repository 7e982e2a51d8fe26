// SPDX-License-Identifier: MIT
#include "chart_view.h"

#include <QLegendMarker>
#include <QMouseEvent>
#include <QWheelEvent>

namespace cs {

ChartView::ChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMinimumSize(260, 200);
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
    if (event->angleDelta().y() == 0) { // horizontal scrolling: not a zoom
        QChartView::wheelEvent(event);
        return;
    }
    chart()->zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
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
    if (m_panning) {
        m_panning = false;
        event->accept();
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
