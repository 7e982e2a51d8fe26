// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace cs {

/// Renders a widget (the chart grid) to PNG, SVG or PDF by the file's suffix, exactly as it
/// is drawn, markers included; written atomically. Returns "" or the reason it failed.
QString exportWidget(QWidget *widget, const QString &path);

} // namespace cs
