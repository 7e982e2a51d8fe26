// SPDX-License-Identifier: MIT
#include "analysis/flips.h"

#include "analysis/statistics.h"

#include <algorithm>
#include <unordered_map>

namespace cs {

std::optional<Flips> flipsBetween(const Checkpoint &from, const Checkpoint &to,
                                  const std::string &metric, std::string *why)
{
    const auto fail = [&](const char *reason) -> std::optional<Flips> {
        if (why) *why = reason;
        return std::nullopt;
    };
    const auto ia = from.metrics.find(metric), ib = to.metrics.find(metric);
    if (ia == from.metrics.end() || ib == to.metrics.end())
        return fail("the metric is missing at one of the checkpoints");
    const MetricValue &a = ia->second, &b = ib->second;
    if (a.examples.empty() || b.examples.empty())
        return fail("per-example records were not kept for both checkpoints");
    Flips f;
    f.metric = metric;
    const auto count = [&f](const std::string &id, bool before, bool after) {
        ++f.paired;
        if (before && !after) f.lost.push_back(id);
        if (!before && after) f.gained.push_back(id);
        f.bothRight += before && after;
    };
    const bool sameOrder =
        a.examples.size() == b.examples.size() &&
        std::equal(a.examples.begin(), a.examples.end(), b.examples.begin(),
                   [](const ExampleOutcome &x, const ExampleOutcome &y) { return x.id == y.id; });
    if (sameOrder) { // ClozeScope writes every checkpoint's records in the set's order
        for (std::size_t i = 0; i < b.examples.size(); ++i)
            count(b.examples[i].id, a.examples[i].hit, b.examples[i].hit);
    } else {
        std::unordered_map<std::string, bool> hitsA;
        for (const auto &e : a.examples)
            hitsA[e.id] = e.hit;
        for (const auto &e : b.examples)
            if (const auto it = hitsA.find(e.id); it != hitsA.end()) count(e.id, it->second, e.hit);
    }
    const auto complete = [&](const MetricValue &m) {
        return std::int64_t(m.examples.size()) == f.paired && (!m.n || *m.n == f.paired);
    };
    if (f.paired == 0 || !complete(a) || !complete(b))
        return fail("the two checkpoints' records do not cover the same examples");
    f.p = stats::mcnemarExact(std::int64_t(f.lost.size()), std::int64_t(f.gained.size()));
    return f;
}

} // namespace cs
