// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/run_analysis.h"

#include <string>
#include <vector>

namespace cs {

/// One epoch both runs evaluated.
struct MatchedRow
{
    double epoch = 0.0;  ///< the shared epoch
    std::size_t a = 0;   ///< checkpoint index in run A
    std::size_t b = 0;   ///< checkpoint index in run B
    double valueA = 0.0; ///< A's value
    double valueB = 0.0; ///< B's value
    DifferenceTest test; ///< A vs B (difference = B − A)
};

/// Two runs compared at the epochs both evaluated.
struct MatchedComparison
{
    std::string runA;             ///< key of run A
    std::string runB;             ///< key of run B
    std::string metric;           ///< metric compared
    std::vector<MatchedRow> rows; ///< shared epochs in order
    bool setsDiffer = false;      ///< evaluation sets differ (n or dataset)
};

/// Compares two runs at matched epochs (to 0.01); of several checkpoints at one epoch the
/// last is used.
MatchedComparison compareAtMatchedEpochs(const Run &a, const RunAnalysis &ra, const Run &b,
                                         const RunAnalysis &rb, const std::string &metric,
                                         const AnalysisSettings &settings = {});

/// One metric's best values at two sequence lengths of an experiment.
struct LengthRow
{
    std::string metric;    ///< metric id
    std::size_t peakA = 0; ///< peak checkpoint in the shorter run
    std::size_t peakB = 0; ///< peak checkpoint in the longer run
    double valueA = 0.0;   ///< best value, shorter
    double valueB = 0.0;   ///< best value, longer
    DifferenceTest test;   ///< B vs A
};

/// An experiment's runs at two sequence lengths compared metric by metric.
struct LengthComparison
{
    std::string experiment;      ///< the experiment
    std::string runA;            ///< key of the shorter run
    std::string runB;            ///< key of the longer run
    int lengthA = 0;             ///< shorter length
    int lengthB = 0;             ///< longer length
    std::vector<LengthRow> rows; ///< per metric
    bool setsDiffer = false;     ///< evaluation sets differ between the lengths
};

/// Peak-to-peak comparison of two runs of one experiment at different lengths.
LengthComparison compareLengths(const Run &a, const RunAnalysis &ra, const Run &b,
                                const RunAnalysis &rb, const AnalysisSettings &settings = {});

} // namespace cs
