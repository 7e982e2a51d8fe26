// SPDX-License-Identifier: MIT
#include "analysis/comparisons.h"

#include "analysis/score_statistics.h"
#include "results/metric_aliases.h"

#include <cmath>
#include <map>

namespace cs {
namespace {

/// Last checkpoint index at each epoch (rounded to 0.01) that has the metric.
std::map<long long, std::size_t> byEpoch(const Run &run, const RunAnalysis &ra,
                                         const std::string &metric)
{
    std::map<long long, std::size_t> out;
    for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
        const auto &cp = run.checkpoints[i];
        if (cp.epoch && metricValue(run, &ra, i, metric)) out[std::llround(*cp.epoch * 100.0)] = i;
    }
    return out;
}

DifferenceTest test(const Checkpoint &a, const Checkpoint &b, const std::string &metric,
                    const AnalysisSettings &settings)
{
    return metric == metric::Score ? compareComposite(a, b, settings)
                                   : compareCheckpoints(a, b, metric);
}

} // namespace

MatchedComparison compareAtMatchedEpochs(const Run &a, const RunAnalysis &ra, const Run &b,
                                         const RunAnalysis &rb, const std::string &metric,
                                         const AnalysisSettings &settings)
{
    MatchedComparison mc;
    mc.runA = a.key();
    mc.runB = b.key();
    mc.metric = metric;
    const auto ea = byEpoch(a, ra, metric), eb = byEpoch(b, rb, metric);
    for (const auto &[epoch, ia] : ea) {
        auto it = eb.find(epoch);
        if (it == eb.end()) continue;
        MatchedRow row;
        row.epoch = epoch / 100.0;
        row.a = ia;
        row.b = it->second;
        row.valueA = *metricValue(a, &ra, ia, metric);
        row.valueB = *metricValue(b, &rb, row.b, metric);
        row.test = test(a.checkpoints[ia], b.checkpoints[row.b], metric, settings);
        mc.setsDiffer = mc.setsDiffer || !row.test.sameDataset;
        mc.rows.push_back(row);
    }
    return mc;
}

LengthComparison compareLengths(const Run &a, const RunAnalysis &ra, const Run &b,
                                const RunAnalysis &rb, const AnalysisSettings &settings)
{
    LengthComparison lc;
    lc.experiment = a.experiment;
    lc.runA = a.key();
    lc.runB = b.key();
    lc.lengthA = a.seqLen.value_or(0);
    lc.lengthB = b.seqLen.value_or(0);
    for (const auto &ma : ra.metrics) {
        const MetricAnalysis *mb = rb.find(ma.metric);
        if (!mb || ma.points.empty() || mb->points.empty()) continue;
        LengthRow row;
        row.metric = ma.metric;
        row.peakA = ma.peak;
        row.peakB = mb->peak;
        row.valueA = *metricValue(a, &ra, ma.peak, ma.metric);
        row.valueB = *metricValue(b, &rb, mb->peak, ma.metric);
        row.test = test(a.checkpoints[ma.peak], b.checkpoints[mb->peak], ma.metric, settings);
        lc.setsDiffer = lc.setsDiffer || !row.test.sameDataset;
        lc.rows.push_back(row);
    }
    return lc;
}

} // namespace cs
