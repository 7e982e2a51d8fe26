// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

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

/// Holm's step-down adjustment of p-values (same order as given; each at most 1).
std::vector<double> holm(const std::vector<double> &p);

/// Power of the pooled two-proportion z-test (two-sided, level alpha) to see a change from
/// p1 to p2 with n examples on each side (normal approximation).
double twoProportionPower(double p1, double p2, std::int64_t n, double alpha);

/// The smallest decline from p that the unpaired two-proportion z-test at level alpha finds
/// with the given power, n examples per side; nullopt when no decline down to 0 reaches it.
std::optional<double> detectableDeclineUnpaired(double p, std::int64_t n, double alpha,
                                                double power = 0.8);

/// The smallest decline (c − b)/n that McNemar's test at level alpha finds with the given
/// power over n pairs whose discordance rate (b + c)/n is psi (Connor's approximation);
/// nullopt when psi is 0 or no decline up to psi reaches it.
std::optional<double> detectableDeclinePaired(double psi, std::int64_t n, double alpha,
                                              double power = 0.8);

/// The smallest shift of a normally distributed difference with standard error se that a
/// two-sided z-test at level alpha finds with the given power.
double detectableShift(double se, double alpha, double power = 0.8);

/// Items as a distribution: each distinct per-item value and how many items have it.
struct ItemValues
{
    std::vector<double> value;       ///< a per-item value
    std::vector<std::int64_t> count; ///< items with it
    std::int64_t items() const;      ///< Σ count
    double mean() const;             ///< the mean over items
};

/// One bootstrap replicate of Σ_groups mean(group): each group's items resampled with
/// replacement (a multinomial draw over its distinct values, which is the same thing).
double bootstrapReplicate(const std::vector<ItemValues> &groups, std::mt19937_64 &rng);

/// Replicates of Σ_groups mean(group), seeded, sorted ascending.
std::vector<double> bootstrap(const std::vector<ItemValues> &groups, int resamples,
                              std::uint64_t seed);

/// Percentile interval of sorted replicates at the confidence level.
Interval percentileInterval(const std::vector<double> &sorted, double confidence);

/// Two-sided bootstrap p-value of "the statistic is 0": twice the smaller share of replicates
/// on either side of 0 (with the +1 correction of a Monte Carlo p-value), at most 1.
double bootstrapP(const std::vector<double> &replicates);

} // namespace cs::stats
