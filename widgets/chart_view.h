// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

namespace cs {

/// A chart view with rubber-band zoom, wheel zoom, middle- or right-drag pan and
/// double-click reset, and legend entries that toggle their series.
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
    QPointF m_panFrom;
    bool m_panning = false;
};

} // namespace cs
