// SPDX-License-Identifier: MIT
#pragma once

#include "metric_chart.h"

#include <QString>
#include <QStringList>

namespace cs {

/// Imports paths and renders the curves (one metric, or small multiples when metric is empty)
/// to file without showing a window. Returns "" or the reason it failed; problems go to
/// problemCount.
QString exportChartHeadless(const QStringList &paths, const QString &file, const QString &metric,
                            XAxis x, int *problemCount = nullptr);

} // namespace cs
