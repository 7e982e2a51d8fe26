// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"
#include "analysis/run_analysis.h"
#include "analysis/statistics.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

/// The composite score's spread at a checkpoint: a bootstrap over items where every weighted
/// metric has complete per-example records, else the delta method from the counts (Real@1 and
/// Real@5 share their items and a Real@1 hit is a Real@5 hit; another set is independent);
/// nullopt when a weighted metric has no n or is not a proportion.
std::optional<ScoreSpread> compositeSpread(const Checkpoint &cp, const AnalysisSettings &s);

/// Variance of the composite score by the delta method, or nullopt (see compositeSpread).
std::optional<double> compositeVariance(const Checkpoint &cp,
                                        const std::map<std::string, double> &weights);

/// Per-item values of Σ w·(hit at b − hit at a) (a = nullptr: Σ w·hit at b), grouped by the
/// set the items belong to; nullopt unless every weighted metric records every example of its
/// set at both.
std::optional<std::vector<stats::ItemValues>>
compositeItems(const Checkpoint *a, const Checkpoint &b,
               const std::map<std::string, double> &weights);

/// Tests b's composite score against a's: a paired bootstrap over the shared items where both
/// have complete records, else a z-test on the delta-method standard errors (unpaired).
DifferenceTest compareComposite(const Checkpoint &a, const Checkpoint &b,
                                const AnalysisSettings &s);

/// Standard error of the composite difference b − a: bootstrap SD over shared items when the
/// records allow, else from the two delta-method variances; nullopt when neither is known.
std::optional<double> compositeDifferenceSe(const Checkpoint &a, const Checkpoint &b,
                                            const AnalysisSettings &s, bool *paired = nullptr);

} // namespace cs
