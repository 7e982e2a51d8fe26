// SPDX-License-Identifier: MIT
#pragma once

#include "charts/metric_chart.h"

#include <QString>
#include <QStringList>

namespace cs {

/// Imports paths and renders the curves (one metric, or small multiples when metric is empty)
/// to file without showing a window. Returns "" or the reason it failed; the import's problems
/// (warnings and errors, as the CLI prints them: "warning: file: place: reason") go to
/// problems.
QString exportChartHeadless(const QStringList &paths, const QString &file, const QString &metric,
                            XAxis x, QStringList *problems = nullptr);

} // namespace cs
