// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cs {

/// Early stopping as Hugging Face's EarlyStoppingCallback applies it.
struct EarlyStopSettings
{
    std::string metric;     ///< metric watched; "" = the analysis criterion
    int patience = 3;       ///< evaluations without improvement before stopping
    double threshold = 0.0; ///< improvement must exceed this (metric units)
};

/// Every choice the analysis makes, so the report can state them.
struct AnalysisSettings
{
    /// Composite score weights, metric id -> weight.
    std::map<std::string, double> weights{{"Real@1", 0.4}, {"Real@5", 0.3}, {"LAMBADA@1", 0.3}};
    double alpha = 0.05;      ///< significance level of every test
    double confidence = 0.95; ///< level of the Wilson intervals
    std::string
        criterion; ///< metric that picks "the" checkpoint; "" = Real@1, else score, else first
    EarlyStopSettings earlyStop;   ///< early-stopping simulation
    double scoreTolerance = 1e-4;  ///< a file's own score differing more than this is flagged
    double power = 0.8;            ///< power at which the detectable decline is stated
    int bootstrapResamples = 2000; ///< resamples of every bootstrap over items
    std::uint64_t bootstrapSeed = 20240611; ///< seed of every bootstrap (reproducible figures)
};

} // namespace cs
