// SPDX-License-Identifier: MIT
#include "analysis/run_analysis.h"

#include "analysis/flips.h"
#include "analysis/score_statistics.h"
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

/// The checkpoints not significantly worse than the peak after Holm's correction over every
/// comparison with it (tests: peak vs each checkpoint index, those of the curve's points).
void tiedWithTheBest(MetricAnalysis &m, const std::vector<std::optional<DifferenceTest>> &tests,
                     double alpha)
{
    std::vector<std::size_t> tested;
    std::vector<double> ps;
    for (std::size_t i : m.points)
        if (tests[i] && tests[i]->p) {
            tested.push_back(i);
            ps.push_back(*tests[i]->p);
        }
    m.compared = tested.size();
    m.holmP.assign(tests.size(), std::nullopt);
    const auto adjusted = stats::holm(ps);
    for (std::size_t k = 0; k < tested.size(); ++k) {
        m.holmP[tested[k]] = adjusted[k];
        if (adjusted[k] >= alpha) m.withinNoise.push_back(tested[k]);
    }
}

/// The smallest decline from the peak the decline test would find with the chosen power:
/// paired from the discordance between the peak and the last evaluation (or the one before
/// the peak when it is the last) where records exist, else from n and the peak's value.
std::optional<DetectableDecline> detectableDecline(const Run &run, const RunAnalysis &ra,
                                                   const MetricAnalysis &m,
                                                   const AnalysisSettings &settings)
{
    if (!m.proportion || m.points.empty()) return std::nullopt;
    const Checkpoint &peak = run.checkpoints[m.peak];
    std::optional<std::size_t> other;
    if (m.peak != m.last)
        other = m.last;
    else if (m.points.size() > 1)
        other = m.points[m.points.size() - 2];
    DetectableDecline d;
    if (m.metric == metric::Score) {
        std::optional<double> se;
        if (other) se = compositeDifferenceSe(peak, run.checkpoints[*other], settings, &d.paired);
        if (!se)
            if (const auto var = compositeVariance(peak, settings.weights))
                se = std::sqrt(2.0 * *var);
        const auto &spread = ra.compositeSpread[m.peak]; // computed once, with the score
        if (!se || !spread) return std::nullopt;
        d.size = stats::detectableShift(*se, settings.alpha, settings.power);
        d.n = spread->items;
        return d;
    }
    if (other)
        if (const auto f = flipsBetween(peak, run.checkpoints[*other], m.metric))
            if (const auto size = stats::detectableDeclinePaired(
                    double(f->lost.size() + f->gained.size()) / double(f->paired), f->paired,
                    settings.alpha, settings.power)) {
                d.size = *size;
                d.n = f->paired;
                d.paired = true;
                return d;
            }
    const MetricValue &mv = peak.metrics.at(m.metric);
    if (!mv.n) return std::nullopt;
    const auto size =
        stats::detectableDeclineUnpaired(mv.value, *mv.n, settings.alpha, settings.power);
    if (!size) return std::nullopt;
    d.size = *size;
    d.n = *mv.n;
    return d;
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
    // The peak against every other point, once: the decline test is the one against the last.
    std::vector<std::optional<DifferenceTest>> tests(run.checkpoints.size());
    for (std::size_t i : m.points)
        if (i != m.peak)
            tests[i] =
                metric == metric::Score
                    ? compareComposite(run.checkpoints[m.peak], run.checkpoints[i], settings)
                    : compareCheckpoints(run.checkpoints[m.peak], run.checkpoints[i], metric);
    if (better(value(m.peak), value(m.last))) {
        m.declineTest = *tests[m.last];
        if (!m.declineTest.p)
            m.verdict = Verdict::Untested;
        else
            m.verdict = *m.declineTest.p < settings.alpha ? Verdict::SignificantDecline
                                                          : Verdict::WithinNoise;
    }
    tiedWithTheBest(m, tests, settings.alpha);
    m.detectable = detectableDecline(run, ra, m, settings);
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
    for (const auto &cp : run.checkpoints) {
        ra.composite.push_back(compositeScore(cp, settings.weights));
        ra.compositeSpread.push_back(ra.composite.back() ? compositeSpread(cp, settings)
                                                         : std::nullopt);
    }
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
