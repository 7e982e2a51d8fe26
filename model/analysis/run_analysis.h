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
inline const std::string valueMissing = "value missing";                 ///< no value
inline const std::string examplesUnknown = "number of examples unknown"; ///< no n, no SE
} // namespace untested

/// Which test a difference was tested with.
enum class TestKind {
    None,            ///< not tested (DifferenceTest::why says why)
    McNemarExact,    ///< exact McNemar on per-example records (paired)
    TwoProportionZ,  ///< pooled two-proportion z (unpaired, approximate)
    ReportedErrorsZ, ///< z on the standard errors a file reports (unpaired, approximate)
    PairedBootstrap, ///< bootstrap over the items both recorded (paired), composite score
    DeltaMethodZ,    ///< z on delta-method standard errors (unpaired, approximate), score
};

/// The outcome of testing the difference between two checkpoints on one metric.
struct DifferenceTest
{
    double difference = 0.0; ///< b − a, in the metric's units
    std::optional<double> p; ///< two-sided p-value; nullopt when no test is possible
    std::string test; ///< "McNemar exact (paired)", "two-proportion z (unpaired, approximate)"
    bool sameDataset = true;        ///< false when n or dataset identity differ
    std::string why;                ///< when p is missing: the reason
    TestKind kind = TestKind::None; ///< which test gave p
    std::size_t paired = 0;         ///< examples paired (0: an unpaired test)
    int resamples = 0;              ///< bootstrap resamples (PairedBootstrap)
    bool pairingLost = false;       ///< unpaired, though both evaluated one set (same SHA-256):
                                    ///< pairing was possible had the per-example records been kept
};

/// The uncertainty of one checkpoint's composite score.
struct ScoreSpread
{
    stats::Interval interval; ///< at the settings' confidence, within [0, Σ weights]
    double se = 0.0;          ///< standard error (delta method) or bootstrap SD
    bool bootstrap = false;   ///< bootstrap over items (records kept), else the delta method
    std::int64_t items = 0;   ///< items behind it, every set together
};

/// The smallest decline from the peak a test at the chosen level would have found with the
/// chosen power: what "no significant decline" can and cannot rule out.
struct DetectableDecline
{
    double size = 0.0;   ///< in the metric's units (a proportion for proportions)
    std::int64_t n = 0;  ///< examples behind it
    bool paired = false; ///< from the discordance of per-example records, else from n and p
};

/// How a run ended relative to its peak.
enum class Verdict { NoDecline, WithinNoise, SignificantDecline, Untested };

/// Words for a verdict.
const char *verdictName(Verdict v);

/// Peak, decline and noise band of one metric of one run.
struct MetricAnalysis
{
    std::string metric;                       ///< metric id
    bool lowerIsBetter = false;               ///< direction
    bool proportion = false;                  ///< values are proportions: differences in points
    std::vector<std::size_t> points;          ///< checkpoint indices that have the metric, in order
    std::size_t peak = 0;                     ///< checkpoint index of the peak
    std::size_t last = 0;                     ///< checkpoint index of the last evaluation
    double change = 0.0;                      ///< last − peak (points ×100 for proportions)
    DifferenceTest declineTest;               ///< peak vs last
    Verdict verdict = Verdict::NoDecline;     ///< overfitting verdict
    std::vector<std::size_t> withinNoise;     ///< tied with the best: not significantly worse than
                                              ///< the peak after Holm's correction
    std::vector<std::optional<double>> holmP; ///< per checkpoint index: Holm-adjusted p vs peak
    std::size_t compared = 0;                 ///< checkpoints tested against the peak
    std::optional<DetectableDecline> detectable; ///< power: the smallest decline it could see
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
    std::string runKey;                                      ///< Run::key()
    std::vector<std::optional<double>> composite;            ///< composite score per checkpoint
    std::vector<std::optional<ScoreSpread>> compositeSpread; ///< its interval per checkpoint
    std::vector<MetricAnalysis> metrics;                     ///< per metric, in display order
    std::string criterion;                                   ///< metric that picks the checkpoint
    std::optional<EarlyStopOutcome> earlyStop;               ///< early-stopping simulation
    std::vector<ScoreDisagreement> scoreFlags;               ///< file scores that disagree
    std::size_t fileScoresChecked = 0;                       ///< how many file scores were compared

    /// Analysis of one metric, or nullptr.
    const MetricAnalysis *find(const std::string &metric) const;
};

/// Value of a metric at a checkpoint; the composite for "score".
std::optional<double> metricValue(const Run &run, const RunAnalysis *analysis, std::size_t index,
                                  const std::string &metric);

/// Composite score of a checkpoint; nullopt when a weighted metric is missing.
std::optional<double> compositeScore(const Checkpoint &cp,
                                     const std::map<std::string, double> &weights);

/// True when both values are ClozeScope results of the same set (same SHA-256) and one has no
/// per-example records: a paired test was possible had they been kept.
bool pairingWasPossible(const MetricValue &a, const MetricValue &b);

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

/// Interval of a run's value at a checkpoint: the composite's spread for "score", else
/// metricInterval.
std::optional<stats::Interval> valueInterval(const Run &run, const RunAnalysis &ra,
                                             std::size_t index, const std::string &metric,
                                             double confidence);

/// Wilson interval of a checkpoint's metric, when its n is known.
std::optional<stats::Interval> metricInterval(const Checkpoint &cp, const std::string &metric,
                                              double confidence);

} // namespace cs
