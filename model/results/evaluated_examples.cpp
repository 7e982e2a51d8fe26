// SPDX-License-Identifier: MIT
#include "results/evaluated_examples.h"

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

/// A string member of an object, or "".
std::string stringMember(const nlohmann::json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it == obj.end() ? std::string() : stringValue(*it).value_or(std::string());
}

/// Where the cloze set a results file names may be read: by its file name inside the results
/// file's folder, then the set files the user chose. Its recorded path is not followed: a
/// results file reaches nothing outside its folder.
std::vector<fs::path> setCandidates(const nlohmann::json &set, const fs::path &resultsDir,
                                    const std::vector<std::string> &chosenSets)
{
    std::vector<fs::path> out;
    std::string why;
    if (const std::string file = stringMember(set, "file"); !file.empty())
        if (auto inside = pathInside(resultsDir.string(), file, why)) out.push_back(*inside);
    // Without a SHA-256 to tell sets apart, a chosen file must at least have the set's name.
    const std::string sha = stringMember(set, "sha256"), file = stringMember(set, "file");
    for (const std::string &chosen : chosenSets)
        if (!sha.empty() || fs::path(chosen).filename() == fs::path(file).filename())
            out.push_back(chosen);
    return out;
}

/// Texts and answers of a set by example id; a problem when it cannot be found or has changed.
std::map<std::string, ClozeExample> readSet(const std::string &name, const nlohmann::json &set,
                                            const fs::path &resultsDir,
                                            const std::vector<std::string> &chosenSets,
                                            CheckpointExamples &out)
{
    std::map<std::string, ClozeExample> byId;
    const std::string sha = stringMember(set, "sha256");
    std::vector<std::string> changed; // found, but not the bytes that were evaluated
    for (const fs::path &candidate : setCandidates(set, resultsDir, chosenSets)) {
        std::string bytes, error;
        if (!readTextFile(candidate.string(), bytes, error)) continue;
        if (!sha.empty() && sha256Hex(bytes) != sha) {
            changed.push_back(candidate.string());
            continue;
        }
        for (ClozeExample &e : parseClozeDataset(candidate.string(), bytes).examples)
            byId.emplace(e.id, std::move(e));
        return byId;
    }
    const std::string recorded = stringMember(set, "path"), file = stringMember(set, "file");
    out.missingSets.push_back({name, recorded.empty() ? file : recorded, sha});
    if (!changed.empty())
        out.problems.push_back({Severity::Warning, changed.front(), "sha256",
                                "cloze set \"" + name +
                                    "\" has changed since the evaluation (another SHA-256); "
                                    "its texts are not shown"});
    else
        out.problems.push_back(
            {Severity::Warning, out.resultsFile, "datasets." + name,
             "cloze set \"" + name + "\" (" + (recorded.empty() ? file : recorded) +
                 ") not found beside the results (a results file's paths are not followed "
                 "outside its folder): locate the set to show its texts"});
    return byId;
}

/// The entry of a results file for one checkpoint: the file itself, or the element of its
/// "checkpoints" list of that name.
const nlohmann::json *checkpointEntry(const nlohmann::json &doc, const std::string &name)
{
    const auto list = doc.find("checkpoints");
    if (list == doc.end() || !list->is_array()) return &doc;
    for (const auto &entry : *list) {
        if (!entry.is_object()) continue;
        const auto ck = entry.find("checkpoint");
        if (ck == entry.end()) continue;
        const std::string entryName = ck->is_string()   ? ck->get<std::string>()
                                      : ck->is_object() ? stringMember(*ck, "name")
                                                        : std::string();
        if (entryName == name) return &entry;
    }
    return nullptr;
}

EvaluatedExample exampleOf(const nlohmann::json &record)
{
    EvaluatedExample e;
    e.id = stringMember(record, "id");
    e.dataset = stringMember(record, "dataset");
    if (const auto it = record.find("rank"); it != record.end())
        if (auto r = integerValue(*it)) e.rank = int(*r);
    if (const auto it = record.find("gold_logprob"); it != record.end())
        e.goldLogprob = numberValue(*it);
    if (const auto top = record.find("top");
        top != record.end() && top->is_array() && !top->empty() && (*top)[0].is_object())
        if (const auto tokens = (*top)[0].find("tokens");
            tokens != (*top)[0].end() && tokens->is_array())
            for (const auto &t : *tokens)
                if (t.is_string()) e.best.push_back(t.get<std::string>());
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
    if (!doc.error.empty() || !doc.json.is_object()) {
        out.problems.push_back({Severity::Error, resultsFile, "",
                                doc.error.empty() ? "not a JSON object" : doc.error});
        return out;
    }
    const fs::path dir = fs::path(resultsFile).parent_path();
    const nlohmann::json *entry = checkpointEntry(doc.json, checkpoint);
    if (!entry) {
        out.problems.push_back({Severity::Warning, resultsFile, "checkpoints",
                                "no entry for " + checkpoint + " in this file"});
        return out;
    }
    if (const auto ck = entry->find("checkpoint"); ck != entry->end() && ck->is_object())
        out.checkpointPath = stringMember(*ck, "path");
    if (const auto settings = doc.json.find("settings");
        settings != doc.json.end() && settings->is_object()) {
        if (auto v = integerValue(settings->value("max_length", nlohmann::json())))
            out.maxLength = int(*v);
        if (auto v = integerValue(settings->value("right_keep", nlohmann::json())))
            out.rightKeep = int(*v);
        out.dtype = stringMember(*settings, "dtype");
    }
    const std::string sidecar = stringMember(*entry, "examples");
    if (sidecar.empty()) {
        out.problems.push_back(
            {Severity::Info, resultsFile, "examples", "no per-example records in this file"});
        return out;
    }
    std::string body, error;
    const auto sidecarPath = pathInside(dir.string(), sidecar, error);
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
    if (const auto ds = doc.json.find("datasets"); ds != doc.json.end() && ds->is_object())
        for (const auto &[name, set] : ds->items())
            if (set.is_object()) sets[name] = readSet(name, set, dir, chosenSets, out);
    std::set<std::string> unnamed; // sets records name that the results file does not
    forEachJsonLine(
        body,
        [&](const nlohmann::json &record, std::size_t) {
            EvaluatedExample e = exampleOf(record);
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
