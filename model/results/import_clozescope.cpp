// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "formats/results_format.h"
#include "formats/workspace_format.h"
#include "results/json_reader.h"
#include "util/confined_path.h"

#include <charconv>

namespace cs {
namespace {

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
            std::string why;
            const auto line = readExampleLine(record, why);
            if (!line) {
                sink.problem(Severity::Warning, where(lineNo), why);
                return;
            }
            for (auto &[metricId, mv] : cp.metrics) {
                const auto at = metricId.rfind('@');
                if (datasetName(mv.dataset) != line->dataset || at == std::string::npos) continue;
                int k = 0; // "real@5" -> 5; "real@5_acc" is no hit@k metric
                const char *end = metricId.data() + metricId.size();
                if (std::from_chars(metricId.data() + at + 1, end, k).ptr != end) continue;
                if (const auto hit = line->hits.find(k); hit != line->hits.end())
                    mv.examples.push_back({line->id, hit->second});
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

ImportedRecord recordOf(const ResultsFile &file, const ResultsCheckpoint &entry,
                        const std::string &dir, ImportSink &sink)
{
    ImportedRecord rec;
    rec.runName = file.runName;
    rec.experiment = file.experiment;
    rec.seqLen = file.seqLen;
    Checkpoint &cp = rec.checkpoint;
    cp.name = entry.name;
    cp.path = entry.path;
    cp.step = entry.step;
    if (entry.epoch) {
        cp.epoch = entry.epoch;
        cp.epochSource = EpochSource::File;
    }
    completeCheckpointIdentity(cp);
    cp.sources.push_back(sink.out().path);
    for (const ResultsMetric &m : entry.metrics) {
        const std::string id = sink.metric(cp, m.key, m.value, m.location, m.n);
        if (id.empty()) continue;
        MetricValue &mv = cp.metrics[id];
        mv.dataset = m.dataset;
        if (const auto set = file.datasets.find(m.dataset); set != file.datasets.end())
            if (!set->second.sha256.empty()) mv.dataset += ":" + set->second.sha256.substr(0, 12);
        if (m.stderr_) mv.stderr_ = *m.stderr_;
    }
    if (!entry.examples.empty()) {
        std::string why;
        if (const auto path = pathInside(dir, entry.examples, why))
            readExamples(*path, cp, sink);
        else
            sink.problem(Severity::Warning, entry.location + ".examples",
                         "per-example file not read: " + why);
    }
    return rec;
}

} // namespace

void importClozeScope(const nlohmann::json &doc, const std::string &dir, ImportSink &sink)
{
    ResultsFile file;
    if (!readResults(doc, file, [&](Severity s, const std::string &loc, const std::string &m) {
            sink.problem(s, loc, m);
        }))
        return;
    if (file.stepsPerEpoch) {
        RunFacts &facts = sink.out().runFacts[file.runName];
        facts.stepsPerEpoch = *file.stepsPerEpoch;
        facts.stepsPerEpochSource = "results file";
    }
    for (const ResultsCheckpoint &entry : file.checkpoints)
        if (!entry.metrics.empty()) sink.out().records.push_back(recordOf(file, entry, dir, sink));
}

void importWorkspace(const nlohmann::json &doc, ImportSink &sink)
{
    WorkspaceFile w;
    if (!readWorkspace(doc, w, [&](Severity s, const std::string &loc, const std::string &m) {
            // The analysis settings and the view are the workbench's; the runs are results'.
            if (loc.rfind("settings", 0) != 0) sink.problem(s, loc, m);
        }))
        return;
    for (const auto &[name, run] : w.runs) {
        RunFacts &facts = sink.out().runFacts[name];
        if (run.stepsPerEpoch) {
            facts.stepsPerEpoch = *run.stepsPerEpoch;
            facts.stepsPerEpochSource = "workspace";
        }
        facts.epochDecimals = run.epochDecimals;
    }
}

} // namespace cs
