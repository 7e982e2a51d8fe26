// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

namespace cs {

/// A chart view with rubber-band zoom, Ctrl+wheel zoom, middle- or right-drag pan and
/// double-click reset, and legend entries that toggle their series. On a MetricChart, hovering
/// a point shows its tooltip and clicking it selects its checkpoint.
class ChartView : public QChartView
{
    Q_OBJECT
  public:
    /// Shows chart (taking ownership).
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);
    /// Connects legend markers to toggle their series; call after the chart is rebuilt.
    void connectLegend();

  protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

  private:
    /// A position in the view as the chart's own coordinates.
    QPointF chartPosition(const QPointF &viewPosition) const;

    QPointF m_pressedAt; // where the last press was, to tell a click from a drag
    QPointF m_panFrom;
    bool m_panning = false;
};

} // namespace cs
