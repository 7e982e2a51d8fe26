// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "results/json_reader.h"

#include <filesystem>
#include <sstream>

namespace cs {
namespace {

/// Reads the per-example JSONL sidecar into outcomes per (dataset, k).
void readExamples(const std::string &path, Checkpoint &cp, ImportSink &sink)
{
    std::string text, err;
    if (!readTextFile(path, text, err)) {
        sink.problem(Severity::Warning, "examples", "per-example file " + path + ": " + err);
        return;
    }
    std::istringstream in(text);
    std::string line;
    std::size_t lineNo = 0;
    for (auto &[id, mv] : cp.metrics)
        mv.examples.clear();
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        JsonDocument d = parseJson(line);
        const std::string where = path + " line " + std::to_string(lineNo);
        if (!d.error.empty() || !d.json.is_object()) {
            sink.problem(Severity::Warning, where, d.error.empty() ? "not a JSON object" : d.error);
            continue;
        }
        const auto id = stringValue(d.json.value("id", nlohmann::json()));
        const auto ds = stringValue(d.json.value("dataset", nlohmann::json()));
        const auto hits = d.json.find("hits");
        if (!id || !ds || hits == d.json.end() || !hits->is_object()) {
            sink.problem(Severity::Warning, where, "record needs \"id\", \"dataset\" and \"hits\"");
            continue;
        }
        for (auto &[metricId, mv] : cp.metrics) {
            if (mv.dataset.rfind(*ds, 0) != 0) continue;
            const auto at = metricId.rfind('@');
            if (at == std::string::npos) continue;
            if (auto h = hits->find(metricId.substr(at + 1)); h != hits->end() && h->is_boolean())
                mv.examples.push_back({*id, h->get<bool>()});
        }
    }
}

void importOne(const nlohmann::json &entry, const nlohmann::json &doc, const std::string &dir,
               const std::string &loc, ImportSink &sink)
{
    ImportedRecord rec;
    const auto run = doc.value("run", nlohmann::json::object());
    rec.runName = run.value("name", "");
    rec.experiment = run.value("experiment", "");
    if (auto v = integerValue(run.value("seq_len", nlohmann::json())))
        rec.seqLen = static_cast<int>(*v);
    const auto ckpt = entry.value("checkpoint", nlohmann::json::object());
    Checkpoint &cp = rec.checkpoint;
    cp.name = ckpt.value("name", "");
    cp.path = ckpt.value("path", "");
    cp.step = integerValue(ckpt.value("step", nlohmann::json()));
    if (auto e = numberValue(ckpt.value("epoch", nlohmann::json()))) {
        cp.epoch = *e;
        cp.epochSource = EpochSource::File;
    }
    completeCheckpointIdentity(cp);
    cp.sources.push_back(sink.out().path);
    const auto datasets = doc.value("datasets", nlohmann::json::object());
    const auto metrics = entry.value("metrics", nlohmann::json::object());
    if (!metrics.is_object() || metrics.empty()) {
        sink.problem(Severity::Warning, loc + ".metrics", "no metrics; checkpoint skipped");
        return;
    }
    for (const auto &[key, m] : metrics.items()) {
        const std::string mloc = loc + ".metrics." + key;
        const nlohmann::json value = m.is_object() ? m.value("value", nlohmann::json()) : m;
        std::optional<std::int64_t> n;
        if (m.is_object()) n = integerValue(m.value("n", nlohmann::json()));
        const std::string id = sink.metric(cp, key, value, mloc, n);
        if (id.empty() || !m.is_object()) continue;
        MetricValue &mv = cp.metrics[id];
        mv.dataset = m.value("dataset", "");
        if (auto ds = datasets.find(mv.dataset); ds != datasets.end() && ds->is_object())
            if (auto sha = ds->find("sha256"); sha != ds->end() && sha->is_string())
                mv.dataset += ":" + sha->get<std::string>().substr(0, 12);
        if (auto se = numberValue(m.value("stderr", nlohmann::json()))) mv.stderr_ = *se;
    }
    if (auto ex = entry.find("examples"); ex != entry.end() && ex->is_string())
        readExamples((std::filesystem::path(dir) / ex->get<std::string>()).string(), cp, sink);
    sink.out().records.push_back(std::move(rec));
}

} // namespace

void importClozeScope(const nlohmann::json &doc, const std::string &dir, ImportSink &sink)
{
    const auto version = integerValue(doc.value("version", nlohmann::json()));
    if (!version || *version < 1) {
        sink.problem(Severity::Error, "version", "missing or invalid \"version\"");
        return;
    }
    if (*version > 1) {
        sink.problem(Severity::Error, "version",
                     "format version " + std::to_string(*version) +
                         " is newer than this ClozeScope reads (1); please update");
        return;
    }
    const auto run = doc.value("run", nlohmann::json::object());
    if (auto spe = numberValue(run.value("steps_per_epoch", nlohmann::json())); spe && *spe > 0) {
        RunFacts &facts = sink.out().runFacts[run.value("name", "")];
        facts.stepsPerEpoch = *spe;
        facts.stepsPerEpochSource = "results file";
    }
    if (auto list = doc.find("checkpoints"); list != doc.end()) {
        if (!list->is_array()) {
            sink.problem(Severity::Error, "checkpoints", "\"checkpoints\" is not a list");
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i)
            importOne((*list)[i], doc, dir, indexLocation("checkpoints", i), sink);
    } else {
        importOne(doc, doc, dir, "(top level)", sink);
    }
}

void importWorkspace(const nlohmann::json &doc, ImportSink &sink)
{
    const auto runs = doc.find("runs");
    if (runs == doc.end()) return;
    if (!runs->is_object()) {
        sink.problem(Severity::Error, "runs", "\"runs\" is not an object {run: settings}");
        return;
    }
    for (const auto &[name, settings] : runs->items()) {
        const std::string loc = "runs." + name;
        if (!settings.is_object()) {
            sink.problem(Severity::Warning, loc, "run settings are not an object; skipped");
            continue;
        }
        RunFacts &facts = sink.out().runFacts[name];
        if (auto s = settings.find("steps_per_epoch"); s != settings.end()) {
            auto v = numberValue(*s);
            if (v && *v > 0) {
                facts.stepsPerEpoch = *v;
                facts.stepsPerEpochSource = "workspace";
            } else {
                sink.problem(Severity::Warning, loc + ".steps_per_epoch",
                             "not a positive number; ignored");
            }
        }
        if (auto d = settings.find("epoch_decimals"); d != settings.end())
            if (auto v = integerValue(*d); v && *v >= 0 && *v <= 6)
                facts.epochDecimals = static_cast<int>(*v);
    }
}

} // namespace cs
