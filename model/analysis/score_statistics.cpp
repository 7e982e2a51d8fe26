// SPDX-License-Identifier: MIT
#include "analysis/score_statistics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace cs {
namespace {

/// "Real@5" -> {"Real", 5}; k = 0 when the id has no "@k".
std::pair<std::string, int> splitAtK(const std::string &id)
{
    const auto at = id.rfind('@');
    if (at == std::string::npos || at + 1 >= id.size()) return {id, 0};
    int k = 0;
    for (std::size_t i = at + 1; i < id.size(); ++i) {
        if (id[i] < '0' || id[i] > '9' || k > 100000) return {id, 0};
        k = k * 10 + (id[i] - '0');
    }
    return {id.substr(0, at), k};
}

/// The items a metric was computed on: its dataset identity, else its name before "@k".
std::string itemSet(const std::string &id, const MetricValue &mv)
{
    return mv.dataset.empty() ? splitAtK(id).first : mv.dataset;
}

/// A weighted metric of a checkpoint.
struct Weighted
{
    std::string id;
    double weight = 0.0;
    const MetricValue *value = nullptr;
};

/// The weighted metrics of cp, or an empty list when one is missing.
std::vector<Weighted> weighted(const Checkpoint &cp, const std::map<std::string, double> &weights)
{
    std::vector<Weighted> out;
    for (const auto &[id, w] : weights) {
        const auto it = cp.metrics.find(id);
        if (it == cp.metrics.end()) return {};
        out.push_back({id, w, &it->second});
    }
    return out;
}

double sumOfWeights(const std::map<std::string, double> &weights)
{
    double sum = 0.0;
    for (const auto &[id, w] : weights)
        sum += w;
    return sum;
}

} // namespace

std::optional<double> compositeVariance(const Checkpoint &cp,
                                        const std::map<std::string, double> &weights)
{
    const auto ms = weighted(cp, weights);
    if (ms.empty()) return std::nullopt;
    std::vector<double> var;
    for (const auto &m : ms) {
        const MetricValue &v = *m.value;
        if (!v.n || *v.n <= 0 || v.value < 0 || v.value > 1) return std::nullopt;
        var.push_back(v.value * (1 - v.value) / double(*v.n));
    }
    double total = 0.0;
    for (std::size_t i = 0; i < ms.size(); ++i) {
        total += ms[i].weight * ms[i].weight * var[i];
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
            const MetricValue &a = *ms[i].value, &b = *ms[j].value;
            if (*a.n != *b.n || itemSet(ms[i].id, a) != itemSet(ms[j].id, b)) continue;
            // Same items. Top-k hits are nested (a top-1 hit is a top-5 hit), so
            // Cov = p_small (1 − p_large) / n; any other pair gets the largest covariance
            // possible, √(Va Vb), which never understates the spread.
            const auto [baseA, kA] = splitAtK(ms[i].id);
            const auto [baseB, kB] = splitAtK(ms[j].id);
            const double pSmall = kA <= kB ? a.value : b.value;
            const double pLarge = kA <= kB ? b.value : a.value;
            double cov = std::sqrt(var[i] * var[j]);
            if (kA > 0 && kB > 0 && baseA == baseB && pSmall <= pLarge)
                cov = pSmall * (1 - pLarge) / double(*a.n);
            total += 2 * ms[i].weight * ms[j].weight * cov;
        }
    }
    return total;
}

std::optional<std::vector<stats::ItemValues>>
compositeItems(const Checkpoint *a, const Checkpoint &b,
               const std::map<std::string, double> &weights)
{
    // Per set, the records that add to each item's value: Σ sign · weight · hit.
    struct Record
    {
        double factor = 0.0;
        const std::vector<ExampleOutcome> *examples = nullptr;
    };
    std::map<std::string, std::vector<Record>> sets;
    const auto add = [&](const Checkpoint &cp, double sign) {
        const auto ms = weighted(cp, weights);
        if (ms.empty()) return false;
        for (const auto &m : ms) {
            const MetricValue &v = *m.value;
            if (v.examples.empty() || (v.n && *v.n != std::int64_t(v.examples.size())))
                return false;
            sets[itemSet(m.id, v)].push_back({sign * m.weight, &v.examples});
        }
        return true;
    };
    if ((a && !add(*a, -1.0)) || !add(b, 1.0)) return std::nullopt;
    std::vector<stats::ItemValues> groups;
    for (const auto &[set, records] : sets) {
        const std::vector<ExampleOutcome> &first = *records.front().examples;
        std::vector<double> values(first.size(), 0.0);
        std::unordered_map<std::string, std::size_t> place; // built only when orders differ
        for (const Record &r : records) {
            const auto &ex = *r.examples;
            if (ex.size() != first.size()) return std::nullopt; // ids differ between records
            std::vector<bool> seen(first.size(), false);
            for (std::size_t i = 0; i < ex.size(); ++i) {
                std::size_t at = i;
                if (ex[i].id != first[i].id) { // another order: find the item by id
                    if (place.empty())
                        for (std::size_t k = 0; k < first.size(); ++k)
                            place.emplace(first[k].id, k);
                    const auto it = place.find(ex[i].id);
                    if (it == place.end()) return std::nullopt;
                    at = it->second;
                }
                if (seen[at]) return std::nullopt; // an id recorded twice
                seen[at] = true;
                values[at] += r.factor * (ex[i].hit ? 1.0 : 0.0);
            }
        }
        std::map<double, std::int64_t> counts;
        for (double v : values)
            ++counts[v];
        stats::ItemValues g;
        for (const auto &[value, count] : counts) {
            g.value.push_back(value);
            g.count.push_back(count);
        }
        groups.push_back(std::move(g));
    }
    return groups;
}

std::optional<ScoreSpread> compositeSpread(const Checkpoint &cp, const AnalysisSettings &s)
{
    const double top = sumOfWeights(s.weights);
    const auto clamp = [&](stats::Interval i) {
        return stats::Interval{std::max(0.0, i.low), std::min(top, i.high)};
    };
    ScoreSpread out;
    if (const auto groups = compositeItems(nullptr, cp, s.weights)) {
        const auto reps = stats::bootstrap(*groups, s.bootstrapResamples, s.bootstrapSeed);
        out.bootstrap = true;
        out.interval = clamp(stats::percentileInterval(reps, s.confidence));
        const double mean = std::accumulate(reps.begin(), reps.end(), 0.0) / double(reps.size());
        double ss = 0.0;
        for (double r : reps)
            ss += (r - mean) * (r - mean);
        out.se = std::sqrt(ss / double(std::max<std::size_t>(1, reps.size() - 1)));
        for (const auto &g : *groups)
            out.items += g.items();
        return out;
    }
    const auto var = compositeVariance(cp, s.weights);
    if (!var) return std::nullopt;
    const double value = *compositeScore(cp, s.weights);
    out.se = std::sqrt(*var);
    const double half = stats::normalQuantile(0.5 + s.confidence / 2.0) * out.se;
    out.interval = clamp({value - half, value + half});
    std::map<std::string, std::int64_t> perSet;
    for (const auto &m : weighted(cp, s.weights))
        perSet[itemSet(m.id, *m.value)] = *m.value->n;
    for (const auto &[set, n] : perSet)
        out.items += n;
    return out;
}

std::optional<double> compositeDifferenceSe(const Checkpoint &a, const Checkpoint &b,
                                            const AnalysisSettings &s, bool *paired)
{
    if (paired) *paired = false;
    if (const auto groups = compositeItems(&a, b, s.weights)) {
        // Var of a sum of independent set means: Σ Var(item value) / n, exactly.
        double var = 0.0;
        for (const auto &g : *groups) {
            const double mean = g.mean(), n = double(g.items());
            double ss = 0.0;
            for (std::size_t i = 0; i < g.value.size(); ++i)
                ss += double(g.count[i]) * (g.value[i] - mean) * (g.value[i] - mean);
            var += ss / n / n;
        }
        if (paired) *paired = true;
        return std::sqrt(var);
    }
    const auto va = compositeVariance(a, s.weights), vb = compositeVariance(b, s.weights);
    if (!va || !vb) return std::nullopt;
    return std::sqrt(*va + *vb);
}

DifferenceTest compareComposite(const Checkpoint &a, const Checkpoint &b, const AnalysisSettings &s)
{
    DifferenceTest t;
    const auto sa = compositeScore(a, s.weights), sb = compositeScore(b, s.weights);
    if (!sa || !sb) {
        t.why = untested::valueMissing;
        return t;
    }
    t.difference = *sb - *sa;
    const auto wa = weighted(a, s.weights), wb = weighted(b, s.weights);
    for (std::size_t i = 0; i < wa.size(); ++i)
        t.sameDataset = t.sameDataset && wa[i].value->n == wb[i].value->n &&
                        wa[i].value->dataset == wb[i].value->dataset;
    if (const auto groups = compositeItems(&a, b, s.weights)) {
        std::int64_t items = 0;
        for (const auto &g : *groups)
            items += g.items();
        t.p = stats::bootstrapP(stats::bootstrap(*groups, s.bootstrapResamples, s.bootstrapSeed));
        t.test = "paired bootstrap over items (" + std::to_string(items) + " examples, " +
                 std::to_string(s.bootstrapResamples) + " resamples)";
        t.paired = std::size_t(items);
        t.kind = TestKind::PairedBootstrap;
        t.resamples = s.bootstrapResamples;
        return t;
    }
    for (std::size_t i = 0; i < wa.size(); ++i)
        t.pairingLost = t.pairingLost || pairingWasPossible(*wa[i].value, *wb[i].value);
    const auto va = compositeVariance(a, s.weights), vb = compositeVariance(b, s.weights);
    if (!va || !vb) {
        t.why = untested::examplesUnknown;
        return t;
    }
    const double se = std::sqrt(*va + *vb);
    t.p = se > 0 ? 2.0 * (1.0 - stats::normalCdf(std::fabs(t.difference) / se))
                 : (t.difference == 0 ? 1.0 : 0.0);
    t.test = "z on delta-method standard errors (unpaired, approximate)";
    t.kind = TestKind::DeltaMethodZ;
    return t;
}

} // namespace cs
