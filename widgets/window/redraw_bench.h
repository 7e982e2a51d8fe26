// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cs {

/// The redraw benchmark: a generated tree of runs × checkpoints is loaded, then every change a
/// user can make to the charts (a redraw, the x axis either way, small multiples to one metric
/// and back, on either axis) is made and painted repeat times. Returns the report printed by
/// `clozescope --bench-redraw`.
QString runRedrawBenchmark(int runs, int checkpoints, int repeat);

} // namespace cs
