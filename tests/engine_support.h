// SPDX-License-Identifier: MIT
// Comparisons the engine's suites share (numbers from the engine against transformers').
#pragma once

#include "engine/fill_mask.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cs::test {

/// The largest absolute difference of two rows; infinity when their lengths differ.
inline double maxAbsDiff(const std::vector<float> &a, const std::vector<double> &b)
{
    if (a.size() != b.size()) return INFINITY;
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::fabs(double(a[i]) - b[i]));
    return m;
}

/// The same for two rows of the engine.
inline double maxAbsDiff(const std::vector<float> &a, const std::vector<float> &b)
{
    return maxAbsDiff(a, std::vector<double>(b.begin(), b.end()));
}

/// The ids of a logit row's five best.
inline std::vector<int> top5(const std::vector<float> &row)
{
    return topIndices(std::vector<double>(row.begin(), row.end()), 5);
}

} // namespace cs::test
