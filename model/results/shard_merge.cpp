// SPDX-License-Identifier: MIT
#include "results/shard_merge.h"

#include "formats/results_format.h"
#include "results/json_reader.h"
#include "util/atomic_file.h"
#include "util/confined_path.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace cs {
namespace {

namespace fs = std::filesystem;

struct Found
{
    fs::path file;
    nlohmann::json doc;
};

/// The part of a results file that must agree across the shards of one run: the sets (by
/// name, SHA-256 and n; not where each node kept its copy) and the settings.
nlohmann::json runIdentity(const nlohmann::json &doc)
{
    nlohmann::json sets = doc.value("datasets", nlohmann::json());
    if (sets.is_object())
        for (auto &[name, set] : sets.items())
            if (set.is_object()) set.erase("path");
    return {{"datasets", sets}, {"settings", doc.value("settings", nlohmann::json())}};
}

} // namespace

ShardMergeReport mergeShardResults(const std::vector<std::string> &shardDirs,
                                   const std::string &outDir)
{
    ShardMergeReport report;
    std::map<std::string, Found> byCheckpoint;        // "<run>/<checkpoint>" -> first seen
    std::map<std::string, nlohmann::json> identities; // run -> datasets and settings
    for (const std::string &shard : shardDirs) {
        std::error_code ec;
        for (fs::recursive_directory_iterator it(shard, ec), end; !ec && it != end;
             it.increment(ec)) {
            const fs::path file = it->path();
            const std::string name = file.filename().string();
            if (!it->is_regular_file(ec) || name.size() < 13 ||
                name.rfind(".results.json") != name.size() - 13)
                continue;
            const JsonDocument d = readJsonFile(file.string());
            if (!d.error.empty() || d.json.value("format", "") != kResultsFormat) {
                report.problems.push_back(file.string() + ": " +
                                          (d.error.empty() ? "not ClozeScope results" : d.error));
                continue;
            }
            const std::string run = file.parent_path().filename().string();
            const std::string key = run + "/" + name;
            const auto [idIt, firstOfRun] = identities.emplace(run, runIdentity(d.json));
            if (!firstOfRun && idIt->second != runIdentity(d.json)) {
                report.problems.push_back(
                    file.string() +
                    ": evaluated with other datasets or settings than the rest of run " + run);
                continue;
            }
            if (auto seen = byCheckpoint.find(key); seen != byCheckpoint.end()) {
                if (seen->second.doc.value("metrics", nlohmann::json()) !=
                    d.json.value("metrics", nlohmann::json()))
                    report.problems.push_back(file.string() + ": differs from " +
                                              seen->second.file.string());
                else
                    ++report.identical;
                continue;
            }
            byCheckpoint.emplace(key, Found{file, d.json});
        }
        if (ec) report.problems.push_back(shard + ": " + ec.message());
    }
    for (const auto &[key, found] : byCheckpoint) {
        const fs::path target = fs::path(outDir) / key;
        std::vector<fs::path> files{found.file};
        std::string error;
        if (found.doc.contains("examples") && found.doc["examples"].is_string()) {
            // Like every path inside a results file: inside its folder, or not read.
            if (const auto sidecar = pathInside(found.file.parent_path().string(),
                                                found.doc["examples"].get<std::string>(), error))
                files.push_back(*sidecar);
            else
                error = "per-example file not read: " + error;
        }
        // The examples first: a results file in the output is always complete.
        for (auto f = files.rbegin(); error.empty() && f != files.rend(); ++f) {
            std::string bytes;
            if (!readTextFile(f->string(), bytes, error)) break;
            error = writeFileAtomically((target.parent_path() / f->filename()).string(), bytes);
        }
        if (!error.empty())
            report.problems.push_back(found.file.string() + ": " + error);
        else
            ++report.copied;
    }
    return report;
}

} // namespace cs
