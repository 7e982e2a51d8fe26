// SPDX-License-Identifier: MIT
#include "analysis/flips.h"

#include "analysis/statistics.h"

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
    std::unordered_map<std::string, bool> hitsA;
    for (const auto &e : a.examples)
        hitsA[e.id] = e.hit;
    Flips f;
    f.metric = metric;
    for (const auto &e : b.examples) {
        const auto it = hitsA.find(e.id);
        if (it == hitsA.end()) continue;
        ++f.paired;
        if (it->second && !e.hit) f.lost.push_back(e.id);
        if (!it->second && e.hit) f.gained.push_back(e.id);
        f.bothRight += it->second && e.hit;
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
