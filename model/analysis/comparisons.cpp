// SPDX-License-Identifier: MIT
#include "analysis/comparisons.h"

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

DifferenceTest testOrDescribe(const Checkpoint &a, const Checkpoint &b, const std::string &metric,
                              double va, double vb)
{
    if (metric != metric::Score) return compareCheckpoints(a, b, metric);
    DifferenceTest t;
    t.difference = vb - va;
    t.why = untested::compositeScore;
    return t;
}

} // namespace

MatchedComparison compareAtMatchedEpochs(const Run &a, const RunAnalysis &ra, const Run &b,
                                         const RunAnalysis &rb, const std::string &metric)
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
        row.test =
            testOrDescribe(a.checkpoints[ia], b.checkpoints[row.b], metric, row.valueA, row.valueB);
        mc.setsDiffer = mc.setsDiffer || !row.test.sameDataset;
        mc.rows.push_back(row);
    }
    return mc;
}

LengthComparison compareLengths(const Run &a, const RunAnalysis &ra, const Run &b,
                                const RunAnalysis &rb)
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
        row.test = testOrDescribe(a.checkpoints[ma.peak], b.checkpoints[mb->peak], ma.metric,
                                  row.valueA, row.valueB);
        lc.setsDiffer = lc.setsDiffer || !row.test.sameDataset;
        lc.rows.push_back(row);
    }
    return lc;
}

} // namespace cs
