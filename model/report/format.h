// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/statistics.h"

#include <optional>
#include <string>

namespace cs::fmt {

/// v rounded half up to the 4 decimals shown.
double shown(double v);
/// A metric value, 4 decimals.
std::string value(double v);
/// An epoch: at least one decimal, at most three ("3.0", "2.487").
std::string epoch(std::optional<double> e);
/// A p-value: "0.32", "0.046", "< 0.001".
std::string pValue(std::optional<double> p);
/// A p-value in a sentence: "p = 0.32", "p < 0.001" (never "p = < 0.001").
std::string pClause(std::optional<double> p);
/// A proportion as percentage points with one decimal, unsigned: 0.0386 -> "3.9".
std::string points(double proportion);
/// A signed difference: points with 2 decimals for proportions, else 4 decimals.
std::string change(double v, bool points);
/// to − from as shown: the difference of the 4-decimal values a reader sees, so tables add
/// up (0.6604 → 0.6467 is −1.37 points although the unrounded values differ by 1.375).
std::string difference(double from, double to, bool points);
/// An interval "[0.641, 0.679]".
std::string interval(const stats::Interval &i);
/// A number without trailing zeros ("131", "0.4").
std::string number(double v);

} // namespace cs::fmt
