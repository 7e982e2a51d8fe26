// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cs {

/// The redraw benchmark: a generated tree of runs × checkpoints is loaded, then the chart
/// grid is rebuilt and painted repeat times (small multiples, then one metric). Returns the
/// report printed by `clozescope --bench-redraw`.
QString runRedrawBenchmark(int runs, int checkpoints, int repeat);

} // namespace cs
