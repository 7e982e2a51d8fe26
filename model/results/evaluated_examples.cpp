// SPDX-License-Identifier: MIT
#include "results/evaluated_examples.h"

#include "results/cloze_dataset.h"
#include "results/json_reader.h"
#include "util/sha256.h"

#include <filesystem>
#include <map>
#include <sstream>

namespace cs {
namespace {

namespace fs = std::filesystem;

/// A string member of an object, or "".
std::string stringMember(const nlohmann::json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The cloze set a results file names: recorded path first, then by name near the file.
std::vector<fs::path> setCandidates(const nlohmann::json &set, const fs::path &resultsDir)
{
    std::vector<fs::path> out;
    if (const std::string path = stringMember(set, "path"); !path.empty()) out.push_back(path);
    if (const std::string file = stringMember(set, "file"); !file.empty()) {
        out.push_back(resultsDir / file);
        out.push_back(resultsDir.parent_path() / file);
    }
    return out;
}

/// Texts and answers of a set by example id; a problem when it cannot be found or has changed.
std::map<std::string, ClozeExample> readSet(const std::string &name, const nlohmann::json &set,
                                            const fs::path &resultsDir, CheckpointExamples &out)
{
    std::map<std::string, ClozeExample> byId;
    const std::string sha = stringMember(set, "sha256");
    for (const fs::path &candidate : setCandidates(set, resultsDir)) {
        std::string bytes, error;
        if (!readTextFile(candidate.string(), bytes, error)) continue;
        if (!sha.empty() && sha256Hex(bytes) != sha) {
            out.problems.push_back({Severity::Warning, candidate.string(), "sha256",
                                    "set \"" + name +
                                        "\" has changed since the evaluation (other "
                                        "SHA-256); its texts are not shown"});
            continue;
        }
        for (ClozeExample &e : parseClozeDataset(candidate.string(), bytes).examples)
            byId.emplace(e.id, std::move(e));
        return byId;
    }
    out.problems.push_back({Severity::Warning, out.resultsFile, "datasets." + name,
                            "cloze set \"" + stringMember(set, "file") +
                                "\" not found at its recorded path nor beside the results; "
                                "texts of its examples are not shown"});
    return byId;
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

CheckpointExamples readEvaluatedExamples(const std::string &resultsFile)
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
    if (const auto ck = doc.json.find("checkpoint"); ck != doc.json.end() && ck->is_object())
        out.checkpointPath = stringMember(*ck, "path");
    const std::string sidecar = stringMember(doc.json, "examples");
    if (sidecar.empty()) {
        out.problems.push_back(
            {Severity::Info, resultsFile, "examples", "no per-example records in this file"});
        return out;
    }
    std::string body, error;
    const std::string sidecarPath = (dir / sidecar).string();
    if (!readTextFile(sidecarPath, body, error)) {
        out.problems.push_back({Severity::Warning, sidecarPath, "", error});
        return out;
    }
    std::map<std::string, std::map<std::string, ClozeExample>> sets;
    if (const auto ds = doc.json.find("datasets"); ds != doc.json.end() && ds->is_object())
        for (const auto &[name, set] : ds->items())
            if (set.is_object()) sets[name] = readSet(name, set, dir, out);
    std::istringstream in(body);
    std::string line;
    for (std::size_t lineNo = 1; std::getline(in, line); ++lineNo) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const JsonDocument record = parseJson(line);
        if (!record.error.empty() || !record.json.is_object()) {
            out.problems.push_back({Severity::Warning, sidecarPath,
                                    "line " + std::to_string(lineNo),
                                    record.error.empty() ? "not a JSON object" : record.error});
            continue;
        }
        EvaluatedExample e = exampleOf(record.json);
        if (const auto set = sets.find(e.dataset); set != sets.end())
            if (const auto found = set->second.find(e.id); found != set->second.end()) {
                e.text = found->second.text;
                e.answers = found->second.answers;
            }
        out.examples.push_back(std::move(e));
    }
    return out;
}

} // namespace cs
