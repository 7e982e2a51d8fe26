// SPDX-License-Identifier: MIT
#include "analysis/run_analysis.h"

#include "results/metric_aliases.h"

#include <algorithm>
#include <cmath>

namespace cs {
namespace {

std::string chooseCriterion(const std::vector<std::string> &metrics, const std::string &wanted)
{
    auto has = [&](const std::string &m) {
        return std::find(metrics.begin(), metrics.end(), m) != metrics.end();
    };
    if (!wanted.empty() && has(wanted)) return wanted;
    for (const std::string &m : {metric::Real1, metric::Score})
        if (has(m)) return m;
    for (const auto &m : metrics)
        if (!defaultAliases().lowerIsBetter(m)) return m;
    return metrics.empty() ? std::string() : metrics.front();
}

MetricAnalysis analyseMetric(const Run &run, const RunAnalysis &ra, const std::string &metric,
                             const AnalysisSettings &settings)
{
    MetricAnalysis m;
    m.metric = metric;
    m.lowerIsBetter = defaultAliases().lowerIsBetter(metric);
    m.proportion = !m.lowerIsBetter;
    for (std::size_t i = 0; i < run.checkpoints.size(); ++i)
        if (auto v = metricValue(run, &ra, i, metric)) {
            m.points.push_back(i);
            m.proportion = m.proportion && *v >= 0.0 && *v <= 1.0;
        }
    if (m.points.empty()) return m;
    auto value = [&](std::size_t i) { return *metricValue(run, &ra, i, metric); };
    auto better = [&](double a, double b) { return m.lowerIsBetter ? a < b : a > b; };
    m.peak = m.points.front();
    for (std::size_t i : m.points) {
        const double v = value(i), best = value(m.peak);
        if (better(v, best)) {
            m.peak = i;
        } else if (v == best && metric != metric::Score) {
            const auto ci = ra.composite[i], cp = ra.composite[m.peak];
            if (ci && (!cp || *ci > *cp))
                m.peak = i; // tie: higher composite wins, else the earlier stays
        }
    }
    m.last = m.points.back();
    const double scale = m.proportion ? 100.0 : 1.0;
    m.change = (value(m.last) - value(m.peak)) * scale;
    const bool declined = better(value(m.peak), value(m.last));
    if (declined && metric != metric::Score) {
        m.declineTest =
            compareCheckpoints(run.checkpoints[m.peak], run.checkpoints[m.last], metric);
        if (!m.declineTest.p)
            m.verdict = Verdict::Untested;
        else
            m.verdict = *m.declineTest.p < settings.alpha ? Verdict::SignificantDecline
                                                          : Verdict::WithinNoise;
    } else if (declined) {
        m.verdict = Verdict::Untested;
        m.declineTest.difference = value(m.last) - value(m.peak);
        m.declineTest.why = untested::compositeScore;
    }
    if (metric != metric::Score)
        for (std::size_t i : m.points) {
            if (i == m.peak) continue;
            const auto t = compareCheckpoints(run.checkpoints[m.peak], run.checkpoints[i], metric);
            if (t.p && *t.p >= settings.alpha) m.withinNoise.push_back(i);
        }
    return m;
}

void checkFileScores(const Run &run, RunAnalysis &ra, const AnalysisSettings &settings)
{
    const double weights[] = {
        settings.weights.count(metric::Real1) ? settings.weights.at(metric::Real1) : 0.4,
        settings.weights.count(metric::Real5) ? settings.weights.at(metric::Real5) : 0.3,
        settings.weights.count(metric::Lambada1) ? settings.weights.at(metric::Lambada1) : 0.3};
    for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
        const Checkpoint &cp = run.checkpoints[i];
        for (const FileScore &fs : cp.fileScores) {
            std::map<std::string, double> w;
            for (std::size_t k = 0; k < fs.basis.size() && k < 3; ++k)
                w[fs.basis[k]] = weights[k];
            const auto computed = compositeScore(cp, w);
            if (!computed) continue;
            ++ra.fileScoresChecked;
            if (std::fabs(*computed - fs.value) > settings.scoreTolerance)
                ra.scoreFlags.push_back({i, fs.value, *computed, fs.source});
        }
    }
}

} // namespace

RunAnalysis analyseRun(const Run &run, const AnalysisSettings &settings)
{
    RunAnalysis ra;
    ra.runKey = run.key();
    for (const auto &cp : run.checkpoints)
        ra.composite.push_back(compositeScore(cp, settings.weights));
    const auto metrics = runMetrics(run, &ra);
    ra.criterion = chooseCriterion(metrics, settings.criterion);
    for (const auto &id : metrics)
        ra.metrics.push_back(analyseMetric(run, ra, id, settings));
    checkFileScores(run, ra, settings);

    const std::string esMetric =
        settings.earlyStop.metric.empty() ? ra.criterion : settings.earlyStop.metric;
    if (const MetricAnalysis *m = ra.find(esMetric); m && !m->points.empty()) {
        std::vector<double> values;
        for (std::size_t i : m->points)
            values.push_back(*metricValue(run, &ra, i, esMetric));
        EarlyStopOutcome es = simulateEarlyStopping(
            values, m->lowerIsBetter, settings.earlyStop.patience, settings.earlyStop.threshold);
        es.metric = esMetric;
        es.stopAt = m->points[es.stopAt];
        es.restored = m->points[es.restored];
        const Checkpoint &stop = run.checkpoints[es.stopAt],
                         &end = run.checkpoints[m->points.back()];
        if (stop.epoch && end.epoch) es.savedEpochs = *end.epoch - *stop.epoch;
        if (stop.step && end.step) es.savedSteps = *end.step - *stop.step;
        ra.earlyStop = es;
    }
    return ra;
}

} // namespace cs
