// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "results/json_reader.h"
#include "util/confined_path.h"

namespace cs {
namespace {

const nlohmann::json *member(const nlohmann::json &obj, const char *key)
{
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

/// A string member; "" when absent, a warning when it has another type.
std::string text(const nlohmann::json &obj, const char *key, const std::string &loc,
                 ImportSink &sink)
{
    const nlohmann::json *v = member(obj, key);
    if (!v) return {};
    if (!v->is_string()) {
        sink.problem(Severity::Warning, loc + "." + key, "not a string; ignored");
        return {};
    }
    return v->get<std::string>();
}

/// The dataset name of an identity "real:9f2c…".
std::string datasetName(const std::string &identity)
{
    return identity.substr(0, identity.find(':'));
}

/// Reads the per-example JSONL sidecar into outcomes of the metrics of each dataset and k.
void readExamples(const std::string &path, Checkpoint &cp, ImportSink &sink)
{
    std::string body, err;
    if (!readTextFile(path, body, err)) {
        sink.problem(Severity::Warning, "examples", "per-example file " + path + ": " + err);
        return;
    }
    const auto where = [&](std::size_t lineNo) { return path + " line " + std::to_string(lineNo); };
    forEachJsonLine(
        body,
        [&](const nlohmann::json &record, std::size_t lineNo) {
            const nlohmann::json *id = member(record, "id"), *ds = member(record, "dataset"),
                                 *hits = member(record, "hits");
            if (!id || !id->is_string() || !ds || !ds->is_string() || !hits || !hits->is_object()) {
                sink.problem(Severity::Warning, where(lineNo),
                             "record needs \"id\", \"dataset\" and \"hits\"");
                return;
            }
            for (auto &[metricId, mv] : cp.metrics) {
                const auto at = metricId.rfind('@');
                if (datasetName(mv.dataset) != ds->get<std::string>() || at == std::string::npos)
                    continue;
                if (auto h = hits->find(metricId.substr(at + 1));
                    h != hits->end() && h->is_boolean())
                    mv.examples.push_back({id->get<std::string>(), h->get<bool>()});
            }
        },
        [&](std::size_t lineNo, const std::string &why) {
            sink.problem(Severity::Warning, where(lineNo), why);
        });
    for (auto &[metricId, mv] : cp.metrics)
        if (!mv.examples.empty() && mv.n && static_cast<std::int64_t>(mv.examples.size()) != *mv.n)
            sink.problem(Severity::Warning, "examples",
                         metricId + ": " + std::to_string(mv.examples.size()) +
                             " per-example records in " + path + ", but n = " +
                             std::to_string(*mv.n) + "; paired tests will not use them");
}

void readMetric(const std::string &key, const nlohmann::json &m, const nlohmann::json &datasets,
                const std::string &loc, Checkpoint &cp, ImportSink &sink)
{
    const nlohmann::json *value = m.is_object() ? member(m, "value") : &m;
    if (!value) {
        sink.problem(Severity::Warning, loc, "metric has no \"value\"; skipped");
        return;
    }
    std::optional<std::int64_t> n;
    if (const nlohmann::json *nv = member(m, "n"); nv && !(n = countValue(*nv)))
        sink.problem(Severity::Warning, loc + ".n", "\"n\" is not a positive integer; n unknown");
    const std::string id = sink.metric(cp, key, *value, loc, n);
    if (id.empty() || !m.is_object()) return;
    MetricValue &mv = cp.metrics[id];
    mv.dataset = text(m, "dataset", loc, sink);
    if (const nlohmann::json *ds = member(datasets, mv.dataset.c_str()))
        if (const nlohmann::json *sha = member(*ds, "sha256"); sha && sha->is_string())
            mv.dataset += ":" + sha->get<std::string>().substr(0, 12);
    if (const nlohmann::json *se = member(m, "stderr"))
        if (auto v = finiteNumber(*se); v && *v >= 0) mv.stderr_ = *v;
}

void importOne(const nlohmann::json &entry, const nlohmann::json &doc, const std::string &dir,
               const std::string &loc, ImportSink &sink)
{
    ImportedRecord rec;
    static const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json *runPtr = member(doc, "run");
    const nlohmann::json &run = runPtr ? *runPtr : none;
    rec.runName = text(run, "name", "run", sink);
    rec.experiment = text(run, "experiment", "run", sink);
    if (const nlohmann::json *len = member(run, "seq_len");
        len && !(rec.seqLen = seqLenValue(*len)))
        sink.problem(Severity::Warning, "run.seq_len", "not a positive integer; ignored");
    const nlohmann::json *ckptPtr = member(entry, "checkpoint");
    const nlohmann::json &ckpt = ckptPtr ? *ckptPtr : none;
    Checkpoint &cp = rec.checkpoint;
    if (ckpt.is_string()) cp.name = ckpt.get<std::string>();
    cp.name = cp.name.empty() ? text(ckpt, "name", loc + ".checkpoint", sink) : cp.name;
    cp.path = text(ckpt, "path", loc + ".checkpoint", sink);
    if (const nlohmann::json *st = member(ckpt, "step"); st && !(cp.step = integerValue(*st)))
        sink.problem(Severity::Warning, loc + ".checkpoint.step", "not an integer; ignored");
    if (const nlohmann::json *ep = member(ckpt, "epoch")) {
        if (auto e = finiteNumber(*ep)) {
            cp.epoch = *e;
            cp.epochSource = EpochSource::File;
        } else {
            sink.problem(Severity::Warning, loc + ".checkpoint.epoch",
                         "not a finite number; ignored");
        }
    }
    completeCheckpointIdentity(cp);
    cp.sources.push_back(sink.out().path);
    const nlohmann::json *datasets = member(doc, "datasets");
    const nlohmann::json *metrics = member(entry, "metrics");
    if (!metrics || !metrics->is_object() || metrics->empty()) {
        sink.problem(Severity::Warning, loc + ".metrics", "no metrics; checkpoint skipped");
        return;
    }
    for (const auto &[key, m] : metrics->items())
        readMetric(key, m, datasets ? *datasets : none, loc + ".metrics." + key, cp, sink);
    if (const nlohmann::json *ex = member(entry, "examples"); ex && ex->is_string()) {
        std::string why;
        if (const auto path = pathInside(dir, ex->get<std::string>(), why))
            readExamples(*path, cp, sink);
        else
            sink.problem(Severity::Warning, loc + ".examples", "per-example file not read: " + why);
    }
    sink.out().records.push_back(std::move(rec));
}

} // namespace

void importClozeScope(const nlohmann::json &doc, const std::string &dir, ImportSink &sink)
{
    const nlohmann::json *versionField = member(doc, "version");
    const auto version = versionField ? integerValue(*versionField) : std::nullopt;
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
    const nlohmann::json *run = member(doc, "run");
    const nlohmann::json *spe = run ? member(*run, "steps_per_epoch") : nullptr;
    if (auto v = spe ? finiteNumber(*spe) : std::nullopt; v && *v > 0) {
        RunFacts &facts = sink.out().runFacts[text(*run, "name", "run", sink)];
        facts.stepsPerEpoch = *v;
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
    if (const nlohmann::json *v = member(doc, "version"); v && integerValue(*v).value_or(0) > 1) {
        sink.problem(Severity::Error, "version",
                     "workspace version is newer than this ClozeScope reads (1)");
        return;
    }
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
            auto v = finiteNumber(*s);
            if (v && *v > 0) {
                facts.stepsPerEpoch = *v;
                facts.stepsPerEpochSource = "workspace";
            } else {
                sink.problem(Severity::Warning, loc + ".steps_per_epoch",
                             "not a positive number; ignored");
            }
        }
        if (auto d = settings.find("epoch_decimals"); d != settings.end()) {
            if (auto v = integerValue(*d); v && *v >= 0 && *v <= 6)
                facts.epochDecimals = static_cast<int>(*v);
            else
                sink.problem(Severity::Warning, loc + ".epoch_decimals",
                             "not an integer 0 … 6; ignored");
        }
    }
}

} // namespace cs
