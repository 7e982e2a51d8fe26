// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"
#include "analysis/statistics.h"
#include "results/result_types.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

/// The reasons a difference cannot be tested (DifferenceTest::why), for interfaces to word.
namespace untested {
inline const std::string compositeScore = "the composite score has no test"; ///< score
inline const std::string valueMissing = "value missing";                     ///< no value
inline const std::string examplesUnknown = "number of examples unknown";     ///< no n, no SE
} // namespace untested

/// The outcome of testing the difference between two checkpoints on one metric.
struct DifferenceTest
{
    double difference = 0.0; ///< b − a, in the metric's units
    std::optional<double> p; ///< two-sided p-value; nullopt when no test is possible
    std::string test; ///< "McNemar exact (paired)", "two-proportion z (unpaired, approximate)"
    bool sameDataset = true; ///< false when n or dataset identity differ
    std::string why;         ///< when p is missing: the reason
    std::size_t paired = 0;  ///< examples paired for McNemar's test (0: another test)
};

/// How a run ended relative to its peak.
enum class Verdict { NoDecline, WithinNoise, SignificantDecline, Untested };

/// Words for a verdict.
const char *verdictName(Verdict v);

/// Peak, decline and noise band of one metric of one run.
struct MetricAnalysis
{
    std::string metric;                   ///< metric id
    bool lowerIsBetter = false;           ///< direction
    bool proportion = false;              ///< values are proportions: differences in points
    std::vector<std::size_t> points;      ///< checkpoint indices that have the metric, in order
    std::size_t peak = 0;                 ///< checkpoint index of the peak
    std::size_t last = 0;                 ///< checkpoint index of the last evaluation
    double change = 0.0;                  ///< last − peak (points ×100 for proportions)
    DifferenceTest declineTest;           ///< peak vs last
    Verdict verdict = Verdict::NoDecline; ///< overfitting verdict
    std::vector<std::size_t> withinNoise; ///< checkpoint indices not distinguishable from the peak
};

/// Early-stopping outcome.
struct EarlyStopOutcome
{
    std::string metric;                     ///< metric watched
    bool stopped = false;                   ///< patience ran out at some evaluation
    std::size_t stopAt = 0;                 ///< checkpoint index where training would stop
    std::size_t restored = 0;               ///< checkpoint index restored (the best so far)
    std::optional<double> savedEpochs;      ///< epochs of training not needed
    std::optional<std::int64_t> savedSteps; ///< steps not needed
};

/// A file's own score that disagrees with the composite computed from its metrics.
struct ScoreDisagreement
{
    std::size_t checkpoint = 0; ///< checkpoint index
    double fileScore = 0.0;     ///< the file's value
    double computed = 0.0;      ///< ClozeScope's value from the same metrics
    std::string source;         ///< where the file's value is
};

/// Everything ClozeScope says about one run.
struct RunAnalysis
{
    std::string runKey;                           ///< Run::key()
    std::vector<std::optional<double>> composite; ///< composite score per checkpoint
    std::vector<MetricAnalysis> metrics;          ///< per metric, in display order
    std::string criterion;                        ///< metric that picks the checkpoint
    std::optional<EarlyStopOutcome> earlyStop;    ///< early-stopping simulation
    std::vector<ScoreDisagreement> scoreFlags;    ///< file scores that disagree
    std::size_t fileScoresChecked = 0;            ///< how many file scores were compared

    /// Analysis of one metric, or nullptr.
    const MetricAnalysis *find(const std::string &metric) const;
};

/// Value of a metric at a checkpoint; the composite for "score".
std::optional<double> metricValue(const Run &run, const RunAnalysis *analysis, std::size_t index,
                                  const std::string &metric);

/// Composite score of a checkpoint; nullopt when a weighted metric is missing.
std::optional<double> compositeScore(const Checkpoint &cp,
                                     const std::map<std::string, double> &weights);

/// Tests the difference of two checkpoints on a metric (McNemar where both have
/// per-example records, else unpaired two-proportion z where both have n).
DifferenceTest compareCheckpoints(const Checkpoint &a, const Checkpoint &b,
                                  const std::string &metric);

/// Simulates EarlyStoppingCallback over a series of values in evaluation order.
EarlyStopOutcome simulateEarlyStopping(const std::vector<double> &values, bool lowerIsBetter,
                                       int patience, double threshold);

/// Analyses one run under the settings.
RunAnalysis analyseRun(const Run &run, const AnalysisSettings &settings);

/// Metric ids of a run (plus "score" when the composite exists), in display order.
std::vector<std::string> runMetrics(const Run &run, const RunAnalysis *analysis);

/// Wilson interval of a checkpoint's metric, when its n is known.
std::optional<stats::Interval> metricInterval(const Checkpoint &cp, const std::string &metric,
                                              double confidence);

} // namespace cs
