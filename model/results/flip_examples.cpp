// SPDX-License-Identifier: MIT
#include "results/flip_examples.h"

#include <map>

namespace cs {
namespace {

/// "real:9f2c…" -> "real".
std::string setName(const std::string &identity)
{
    return identity.substr(0, identity.find(':'));
}

/// The evaluated examples of a checkpoint (problems appended), and those of one set by id.
std::map<std::string, EvaluatedExample> examplesOf(const Checkpoint &cp, const std::string &set,
                                                   const std::vector<std::string> &chosenSets,
                                                   std::vector<Problem> &problems,
                                                   CheckpointExamples &read)
{
    std::map<std::string, EvaluatedExample> out;
    const std::string file = resultsFileOf(cp);
    if (file.empty()) return out;
    read = readEvaluatedExamples(file, cp.name, chosenSets);
    problems.insert(problems.end(), read.problems.begin(), read.problems.end());
    for (auto &e : read.examples)
        if (e.dataset == set) out.emplace(e.id, std::move(e));
    return out;
}

} // namespace

std::string resultsFileOf(const Checkpoint &cp)
{
    static const std::string suffix = ".results.json";
    for (const std::string &s : cp.sources)
        if (s.size() > suffix.size() &&
            s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
            return s;
    return {};
}

std::optional<DescribedFlips> describeFlips(const Checkpoint &from, const Checkpoint &to,
                                            const std::string &metric,
                                            const std::vector<std::string> &chosenSets,
                                            std::string *why)
{
    auto flips = flipsBetween(from, to, metric, why);
    if (!flips) return std::nullopt;
    DescribedFlips d;
    d.from = from.name;
    d.to = to.name;
    const std::string set = setName(to.metrics.at(metric).dataset);
    CheckpointExamples readFrom, readTo;
    const auto before = examplesOf(from, set, chosenSets, d.problems, readFrom);
    const auto after = examplesOf(to, set, chosenSets, d.problems, readTo);
    d.checkpointPath = readTo.checkpointPath;
    d.resultsFile = readTo.resultsFile;
    d.maxLength = readTo.maxLength;
    d.rightKeep = readTo.rightKeep;
    d.dtype = readTo.dtype;
    const auto add = [&](const std::string &id, bool lost) {
        FlippedExample f;
        f.id = id;
        f.dataset = set;
        f.lost = lost;
        if (const auto b = before.find(id); b != before.end()) f.rankFrom = b->second.rank;
        if (const auto a = after.find(id); a != after.end()) {
            f.rankTo = a->second.rank;
            f.text = a->second.text;
            f.answers = a->second.answers;
            f.bestTo = a->second.best;
        }
        d.examples.push_back(std::move(f));
    };
    for (const auto &id : flips->lost)
        add(id, true);
    for (const auto &id : flips->gained)
        add(id, false);
    d.flips = std::move(*flips);
    return d;
}

} // namespace cs
