// SPDX-License-Identifier: MIT
// lm-evaluation-harness results (v0.3 and v0.4) and their samples_<task>_*.jsonl.
#include "results/import_formats.h"

#include "results/json_reader.h"
#include "results/run_naming.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

namespace cs {
namespace {

namespace fs = std::filesystem;

/// "pretrained=x,revision=step13000,dtype=auto" -> {pretrained: x, revision: step13000, …}.
std::map<std::string, std::string> parseModelArgs(const std::string &args)
{
    std::map<std::string, std::string> out;
    std::stringstream ss(args);
    std::string part;
    while (std::getline(ss, part, ',')) {
        const auto eq = part.find('=');
        if (eq != std::string::npos) out[part.substr(0, eq)] = part.substr(eq + 1);
    }
    return out;
}

/// Run and checkpoint from config.model_args (revision=stepN, a checkpoint-N path).
void identify(const nlohmann::json &doc, ImportedRecord &rec)
{
    std::map<std::string, std::string> args;
    if (auto c = doc.find("config"); c != doc.end() && c->is_object())
        if (auto m = c->find("model_args"); m != c->end() && m->is_string())
            args = parseModelArgs(m->get<std::string>());
    Checkpoint &cp = rec.checkpoint;
    std::string model = args.count("pretrained") ? args["pretrained"] : doc.value("model_name", "");
    if (!model.empty()) {
        const auto parts = checkpointPathComponents(model);
        if (const auto at = stepPiece(parts)) { // …/run/iter_0500000/mp_rank_00/hf too
            cp.name = parts[*at];
            cp.path = model;
            rec.runName =
                runNameFromComponents({parts.begin(), parts.begin() + std::ptrdiff_t(*at)});
        } else if (!parts.empty()) {
            rec.runName = parts.back();
        }
    }
    if (args.count("revision")) {
        cp.name = args["revision"];
        cp.step = stepFromCheckpointName(cp.name);
    }
    completeCheckpointIdentity(cp);
    if (cp.name.empty()) cp.name = "final";
}

/// Reads samples_<task>_*.jsonl beside the results file: per-example outcomes of each metric.
void readSamples(const std::string &resultsPath, const std::string &task, Checkpoint &cp,
                 ImportSink &sink)
{
    const fs::path dir = fs::path(resultsPath).parent_path();
    std::string stem = fs::path(resultsPath).stem().string();
    const std::string suffix = stem.rfind("results_", 0) == 0 ? stem.substr(8) : "";
    std::error_code ec;
    std::vector<fs::path> candidates;
    for (const auto &e : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("samples_" + task + "_", 0) == 0 && e.path().extension() == ".jsonl")
            candidates.push_back(e.path());
    }
    fs::path chosen;
    for (const auto &c : candidates)
        if (!suffix.empty() && c.stem().string() == "samples_" + task + "_" + suffix) chosen = c;
    if (chosen.empty() && candidates.size() == 1) chosen = candidates.front();
    if (chosen.empty()) return;
    std::string text, err;
    if (!readTextFile(chosen.string(), text, err)) {
        sink.problem(Severity::Warning, "samples", chosen.string() + ": " + err);
        return;
    }
    std::map<std::string, std::vector<ExampleOutcome>> outcomes;
    forEachJsonLine(
        text,
        [&](const nlohmann::json &record, std::size_t lineNo) {
            const auto id = record.find("doc_id");
            const std::string exampleId =
                id == record.end()
                    ? std::to_string(lineNo)
                    : id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            for (const auto &[key, v] : record.items()) {
                if (v.is_boolean())
                    outcomes[key].push_back({exampleId, v.get<bool>()});
                else if (v.is_number() && (v.get<double>() == 0.0 || v.get<double>() == 1.0))
                    outcomes[key].push_back({exampleId, v.get<double>() == 1.0});
            }
        },
        [&](std::size_t lineNo, const std::string &why) {
            sink.problem(Severity::Warning,
                         chosen.filename().string() + " line " + std::to_string(lineNo),
                         why + "; skipped");
        });
    for (auto &[id, mv] : cp.metrics) {
        const std::string prefix = task + "/";
        if (id.rfind(prefix, 0) != 0) continue;
        std::string name = id.substr(prefix.size());
        name = name.substr(0, name.find(','));
        if (auto it = outcomes.find(name); it != outcomes.end() && !it->second.empty()) {
            mv.examples = it->second;
            if (!mv.n) mv.n = static_cast<std::int64_t>(mv.examples.size());
        }
    }
}

} // namespace

bool looksLikeLmEval(const nlohmann::json &doc)
{
    if (!doc.is_object()) return false;
    const auto r = doc.find("results");
    if (r == doc.end() || !r->is_object() || r->empty()) return false;
    for (const auto &[task, v] : r->items())
        if (!v.is_object()) return false;
    return doc.contains("versions") || doc.contains("config") || doc.contains("configs") ||
           doc.contains("n-shot");
}

void importLmEval(const nlohmann::json &doc, const std::string &path, ImportSink &sink)
{
    ImportedRecord rec;
    identify(doc, rec);
    Checkpoint &cp = rec.checkpoint;
    cp.sources.push_back(sink.out().path);
    const auto nSamples = doc.value("n-samples", nlohmann::json::object());
    for (const auto &[task, metrics] : doc.at("results").items()) {
        std::optional<std::int64_t> n;
        if (auto t = nSamples.find(task); t != nSamples.end() && t->is_object())
            n = integerValue(t->value("effective", t->value("original", nlohmann::json())));
        std::map<std::string, double> stderrs;
        for (const auto &[key, value] : metrics.items()) {
            if (key == "alias" || key == "samples" || value.is_string() || !value.is_primitive())
                continue; // "alias", "N/A" stderr
            const auto comma = key.find(',');
            std::string name = key.substr(0, comma);
            const std::string filter = comma == std::string::npos ? "none" : key.substr(comma + 1);
            const std::string suffix = filter == "none" ? "" : "," + filter;
            const std::string loc = "results." + task + "." + key;
            if (name.size() > 7 && name.compare(name.size() - 7, 7, "_stderr") == 0) {
                if (auto v = numberValue(value); v && std::isfinite(*v))
                    stderrs[task + "/" + name.substr(0, name.size() - 7) + suffix] = *v;
                continue;
            }
            sink.metric(cp, task + "/" + name + suffix, value, loc, n);
        }
        for (const auto &[id, se] : stderrs)
            if (auto it = cp.metrics.find(sink.canonical(id)); it != cp.metrics.end())
                it->second.stderr_ = se;
        readSamples(path, task, cp, sink);
    }
    if (cp.metrics.empty()) {
        sink.problem(Severity::Warning, "results", "no numeric results");
        return;
    }
    sink.out().records.push_back(std::move(rec));
}

} // namespace cs
