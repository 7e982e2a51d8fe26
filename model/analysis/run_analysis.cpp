// SPDX-License-Identifier: MIT
#include "analysis/run_analysis.h"

#include "analysis/flips.h"
#include "results/metric_aliases.h"

#include <algorithm>
#include <cmath>

namespace cs {

const char *verdictName(Verdict v)
{
    switch (v) {
    case Verdict::NoDecline: return "no decline";
    case Verdict::WithinNoise: return "within noise";
    case Verdict::SignificantDecline: return "significant decline";
    case Verdict::Untested: return "decline, not tested";
    }
    return "?";
}

const MetricAnalysis *RunAnalysis::find(const std::string &metric) const
{
    auto it = std::find_if(metrics.begin(), metrics.end(),
                           [&](const MetricAnalysis &m) { return m.metric == metric; });
    return it == metrics.end() ? nullptr : &*it;
}

std::optional<double> compositeScore(const Checkpoint &cp,
                                     const std::map<std::string, double> &weights)
{
    if (weights.empty()) return std::nullopt;
    double sum = 0.0;
    for (const auto &[id, w] : weights) {
        auto it = cp.metrics.find(id);
        if (it == cp.metrics.end()) return std::nullopt;
        sum += w * it->second.value;
    }
    return sum;
}

std::optional<double> metricValue(const Run &run, const RunAnalysis *analysis, std::size_t index,
                                  const std::string &metric)
{
    if (index >= run.checkpoints.size()) return std::nullopt;
    if (metric == metric::Score)
        return analysis && index < analysis->composite.size() ? analysis->composite[index]
                                                              : std::nullopt;
    const auto &m = run.checkpoints[index].metrics;
    auto it = m.find(metric);
    return it == m.end() ? std::nullopt : std::optional<double>(it->second.value);
}

std::optional<stats::Interval> metricInterval(const Checkpoint &cp, const std::string &metric,
                                              double confidence)
{
    auto it = cp.metrics.find(metric);
    if (it == cp.metrics.end()) return std::nullopt;
    const MetricValue &mv = it->second;
    const bool proportion = mv.value >= 0 && mv.value <= 1;
    if (mv.n && proportion) return stats::wilson(mv.value, *mv.n, confidence);
    if (mv.stderr_ && *mv.stderr_ >= 0) {
        // The standard error the file reports (lm-evaluation-harness): a normal interval.
        const double half = stats::normalQuantile(0.5 + confidence / 2.0) * *mv.stderr_;
        stats::Interval i{mv.value - half, mv.value + half};
        if (proportion) i = {std::max(0.0, i.low), std::min(1.0, i.high)};
        return i;
    }
    return std::nullopt;
}

bool pairingWasPossible(const MetricValue &a, const MetricValue &b)
{
    // ClozeScope's own results name a set with its SHA-256 ("real:9f2c…").
    return a.dataset.find(':') != std::string::npos && a.dataset == b.dataset &&
           (a.examples.empty() || b.examples.empty());
}

std::optional<stats::Interval> valueInterval(const Run &run, const RunAnalysis &ra,
                                             std::size_t index, const std::string &metric,
                                             double confidence)
{
    if (index >= run.checkpoints.size()) return std::nullopt;
    if (metric != metric::Score) return metricInterval(run.checkpoints[index], metric, confidence);
    if (index >= ra.compositeSpread.size() || !ra.compositeSpread[index]) return std::nullopt;
    return ra.compositeSpread[index]->interval;
}

DifferenceTest compareCheckpoints(const Checkpoint &a, const Checkpoint &b,
                                  const std::string &metric)
{
    DifferenceTest t;
    auto ia = a.metrics.find(metric), ib = b.metrics.find(metric);
    if (ia == a.metrics.end() || ib == b.metrics.end()) {
        t.why = untested::valueMissing;
        return t;
    }
    const MetricValue &ma = ia->second, &mb = ib->second;
    t.difference = mb.value - ma.value;
    t.sameDataset = ma.n == mb.n && ma.dataset == mb.dataset;
    if (const auto flips = flipsBetween(a, b, metric)) {
        t.p = flips->p;
        t.test = "McNemar exact (paired, " + std::to_string(flips->paired) + " examples)";
        t.paired = std::size_t(flips->paired);
        t.kind = TestKind::McNemarExact;
        return t;
    }
    t.pairingLost = pairingWasPossible(ma, mb);
    if (ma.n && mb.n && ma.value >= 0 && ma.value <= 1 && mb.value >= 0 && mb.value <= 1) {
        t.p = stats::twoProportionZ(ma.value, *ma.n, mb.value, *mb.n);
        t.test = "two-proportion z (unpaired, approximate)";
        t.kind = TestKind::TwoProportionZ;
        return t;
    }
    if (ma.stderr_ && mb.stderr_ && (*ma.stderr_ > 0 || *mb.stderr_ > 0)) {
        const double z = std::fabs(t.difference) /
                         std::sqrt(*ma.stderr_ * *ma.stderr_ + *mb.stderr_ * *mb.stderr_);
        t.p = 2.0 * (1.0 - stats::normalCdf(z));
        t.test = "z on the reported standard errors (unpaired, approximate)";
        t.kind = TestKind::ReportedErrorsZ;
        return t;
    }
    t.why = untested::examplesUnknown;
    return t;
}

EarlyStopOutcome simulateEarlyStopping(const std::vector<double> &values, bool lowerIsBetter,
                                       int patience, double threshold)
{
    EarlyStopOutcome out;
    std::optional<double> best;
    std::size_t bestAt = 0;
    int counter = 0;
    auto better = [&](double v, double b) { return lowerIsBetter ? v < b : v > b; };
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!best || (better(v, *best) && std::fabs(v - *best) > threshold))
            counter = 0;
        else
            ++counter;
        if (!best || better(v, *best)) {
            best = v;
            bestAt = i;
        }
        if (counter >= patience) {
            out.stopped = true;
            out.stopAt = i;
            out.restored = bestAt;
            return out;
        }
    }
    out.stopAt = values.empty() ? 0 : values.size() - 1;
    out.restored = bestAt;
    return out;
}

std::vector<std::string> runMetrics(const Run &run, const RunAnalysis *analysis)
{
    std::vector<std::string> ids;
    for (const auto &cp : run.checkpoints)
        for (const auto &[id, mv] : cp.metrics)
            ids.push_back(id);
    if (analysis && std::any_of(analysis->composite.begin(), analysis->composite.end(),
                                [](const auto &v) { return v.has_value(); }))
        ids.push_back(metric::Score);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return MetricAliases::ordered(ids);
}

} // namespace cs
