// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace cs::stats {

/// A confidence interval.
struct Interval
{
    double low = 0.0;  ///< lower bound
    double high = 0.0; ///< upper bound
};

/// Standard normal cumulative distribution.
double normalCdf(double z);
/// Quantile of the standard normal distribution, 0 < p < 1.
double normalQuantile(double p);

/// Wilson score interval for a proportion p observed over n examples.
Interval wilson(double p, std::int64_t n, double confidence = 0.95);

/// Exact two-sided McNemar test: binomial(b + c, 1/2) on the discordant pairs b and c.
double mcnemarExact(std::int64_t b, std::int64_t c);

/// Pooled two-proportion z-test, two-sided p-value (unpaired, approximate).
double twoProportionZ(double p1, std::int64_t n1, double p2, std::int64_t n2);

/// The count behind a proportion: round(p · n).
std::int64_t countOf(double p, std::int64_t n);

} // namespace cs::stats
