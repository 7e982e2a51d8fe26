// SPDX-License-Identifier: MIT
#include "results/evaluated_examples.h"

#include "formats/results_format.h"
#include "results/cloze_dataset.h"
#include "results/json_reader.h"
#include "util/confined_path.h"
#include "util/sha256.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace cs {
namespace {

namespace fs = std::filesystem;

/// Where the cloze set a results file names may be read: by its file name inside the results
/// file's folder, then the set files the user chose. Its recorded path is not followed: a
/// results file reaches nothing outside its folder.
std::vector<fs::path> setCandidates(const ResultsDataset &set, const fs::path &resultsDir,
                                    const std::vector<std::string> &chosenSets)
{
    std::vector<fs::path> out;
    std::string why;
    if (!set.file.empty())
        if (auto inside = pathInside(resultsDir.string(), set.file, why)) out.push_back(*inside);
    // Without a SHA-256 to tell sets apart, a chosen file must at least have the set's name.
    for (const std::string &chosen : chosenSets)
        if (!set.sha256.empty() || fs::path(chosen).filename() == fs::path(set.file).filename())
            out.push_back(chosen);
    return out;
}

/// Texts and answers of a set by example id; a problem when it cannot be found or has changed.
std::map<std::string, ClozeExample> readSet(const std::string &name, const ResultsDataset &set,
                                            const fs::path &resultsDir,
                                            const std::vector<std::string> &chosenSets,
                                            CheckpointExamples &out)
{
    std::map<std::string, ClozeExample> byId;
    std::vector<std::string> changed; // found, but not the bytes that were evaluated
    for (const fs::path &candidate : setCandidates(set, resultsDir, chosenSets)) {
        std::string bytes, error;
        if (!readTextFile(candidate.string(), bytes, error)) continue;
        if (!set.sha256.empty() && sha256Hex(bytes) != set.sha256) {
            changed.push_back(candidate.string());
            continue;
        }
        for (ClozeExample &e : parseClozeDataset(candidate.string(), bytes).examples)
            byId.emplace(e.id, std::move(e));
        return byId;
    }
    const std::string recorded = set.path.empty() ? set.file : set.path;
    out.missingSets.push_back({name, recorded, set.sha256});
    if (!changed.empty())
        out.problems.push_back({Severity::Warning, changed.front(), "sha256",
                                "cloze set \"" + name +
                                    "\" has changed since the evaluation (another SHA-256); "
                                    "its texts are not shown"});
    else
        out.problems.push_back(
            {Severity::Warning, out.resultsFile, "datasets." + name,
             "cloze set \"" + name + "\" (" + recorded +
                 ") not found beside the results (a results file's paths are not followed "
                 "outside its folder): locate the set to show its texts"});
    return byId;
}

/// The entry of a results file for one checkpoint: the file's own (one checkpoint at the top
/// level), else the one of that name in its "checkpoints" list.
const ResultsCheckpoint *checkpointEntry(const ResultsFile &file, const std::string &name)
{
    if (file.checkpoints.size() == 1 && file.checkpoints.front().location == "(top level)")
        return &file.checkpoints.front();
    for (const ResultsCheckpoint &cp : file.checkpoints)
        if (cp.name == name) return &cp;
    return nullptr;
}

EvaluatedExample exampleOf(const ExampleLine &line)
{
    EvaluatedExample e;
    e.id = line.id;
    e.dataset = line.dataset;
    e.rank = line.rank;
    e.goldLogprob = line.goldLogprob;
    if (!line.top.empty()) e.best = line.top.front().tokens;
    return e;
}

} // namespace

CheckpointExamples readEvaluatedExamples(const std::string &resultsFile,
                                         const std::string &checkpoint,
                                         const std::vector<std::string> &chosenSets)
{
    CheckpointExamples out;
    out.resultsFile = resultsFile;
    const JsonDocument doc = readJsonFile(resultsFile);
    ResultsFile file;
    std::string formatError;
    if (doc.error.empty() && doc.json.is_object())
        readResults(doc.json, file, [&](Severity s, const std::string &loc, const std::string &m) {
            if (s == Severity::Error && formatError.empty()) formatError = loc + ": " + m;
        });
    if (!doc.error.empty() || !doc.json.is_object() || !formatError.empty()) {
        out.problems.push_back({Severity::Error, resultsFile, "",
                                !doc.error.empty()     ? doc.error
                                : !formatError.empty() ? formatError
                                                       : "not a JSON object"});
        return out;
    }
    const fs::path dir = fs::path(resultsFile).parent_path();
    const ResultsCheckpoint *entry = checkpointEntry(file, checkpoint);
    if (!entry) {
        out.problems.push_back({Severity::Warning, resultsFile, "checkpoints",
                                "no entry for " + checkpoint + " in this file"});
        return out;
    }
    out.checkpointPath = entry->path;
    if (file.settings) {
        out.maxLength = file.settings->maxLength.value_or(out.maxLength);
        out.rightKeep = file.settings->rightKeep.value_or(out.rightKeep);
        out.dtype = file.settings->dtype;
    }
    if (entry->examples.empty()) {
        out.problems.push_back(
            {Severity::Info, resultsFile, "examples", "no per-example records in this file"});
        return out;
    }
    std::string body, error;
    const auto sidecarPath = pathInside(dir.string(), entry->examples, error);
    if (!sidecarPath) {
        out.problems.push_back(
            {Severity::Warning, resultsFile, "examples", "per-example file not read: " + error});
        return out;
    }
    if (!readTextFile(*sidecarPath, body, error)) {
        out.problems.push_back({Severity::Warning, *sidecarPath, "", error});
        return out;
    }
    std::map<std::string, std::map<std::string, ClozeExample>> sets;
    for (const auto &[name, set] : file.datasets)
        sets[name] = readSet(name, set, dir, chosenSets, out);
    std::set<std::string> unnamed; // sets records name that the results file does not
    forEachJsonLine(
        body,
        [&](const nlohmann::json &record, std::size_t lineNo) {
            std::string why;
            const auto line = readExampleLine(record, why);
            if (!line) {
                out.problems.push_back(
                    {Severity::Warning, *sidecarPath, "line " + std::to_string(lineNo), why});
                return;
            }
            EvaluatedExample e = exampleOf(*line);
            const auto set = sets.find(e.dataset);
            if (set == sets.end()) {
                unnamed.insert(e.dataset);
            } else if (const auto found = set->second.find(e.id); found != set->second.end()) {
                e.text = found->second.text;
                e.answers = found->second.answers;
            }
            out.examples.push_back(std::move(e));
        },
        [&](std::size_t lineNo, const std::string &why) {
            out.problems.push_back(
                {Severity::Warning, *sidecarPath, "line " + std::to_string(lineNo), why});
        });
    for (const std::string &name : unnamed)
        out.problems.push_back({Severity::Warning, resultsFile, "datasets",
                                "records of set \"" + name +
                                    "\" but the results name no such set; their texts are not "
                                    "shown"});
    return out;
}

} // namespace cs
