// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "results/json_reader.h"
#include "results/run_naming.h"

#include <cmath>
#include <set>

namespace cs {
namespace {

void readTrainerBest(const nlohmann::json &doc, RunFacts &facts)
{
    auto it = doc.find("best_model_checkpoint");
    if (it == doc.end() || !it->is_string()) return;
    TrainerBest best;
    const auto parts = checkpointPathComponents(it->get<std::string>());
    best.checkpoint = parts.empty() ? it->get<std::string>() : parts.back();
    best.step = stepFromCheckpointName(best.checkpoint);
    if (auto s = doc.find("best_global_step"); s != doc.end())
        if (auto v = integerValue(*s)) best.step = *v;
    if (auto m = doc.find("best_metric"); m != doc.end())
        if (auto v = numberValue(*m)) best.metric = *v;
    facts.trainerBest = best;
}

} // namespace

void importTrainerState(const nlohmann::json &doc, ImportSink &sink)
{
    RunFacts &facts = sink.out().runFacts[""];
    readTrainerBest(doc, facts);
    if (auto g = doc.find("global_step"); g != doc.end()) facts.finalStep = integerValue(*g);
    const auto &history = doc.at("log_history");
    if (!history.is_array()) {
        sink.problem(Severity::Error, "log_history", "\"log_history\" is not a list");
        return;
    }
    std::size_t evalEntries = 0;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const std::string loc = indexLocation("log_history", i);
        const auto &entry = history[i];
        if (!entry.is_object()) {
            sink.problem(Severity::Warning, loc, "entry is not an object; skipped");
            continue;
        }
        std::optional<long long> step;
        std::optional<double> epoch;
        if (auto s = entry.find("step"); s != entry.end()) step = integerValue(*s);
        if (auto e = entry.find("epoch"); e != entry.end()) epoch = numberValue(*e);
        if (step && epoch && std::isfinite(*epoch)) {
            facts.trainerEpochs[*step] = *epoch;
            if (*epoch > 0) facts.stepsPerEpoch = static_cast<double>(*step) / *epoch;
        }
        bool isEval = false;
        for (const auto &[key, value] : entry.items())
            isEval = isEval || isEvalMetricKey(key);
        if (!isEval) continue;
        ++evalEntries;
        ImportedRecord rec;
        Checkpoint &cp = rec.checkpoint;
        cp.step = step;
        if (epoch && std::isfinite(*epoch)) {
            cp.epoch = *epoch;
            cp.epochSource = EpochSource::File;
        }
        completeCheckpointIdentity(cp);
        cp.sources.push_back(sink.out().path);
        for (const auto &[key, value] : entry.items())
            if (isEvalMetricKey(key)) sink.metric(cp, key, value, loc + "." + key);
        if (!cp.metrics.empty()) sink.out().records.push_back(std::move(rec));
    }
    if (facts.stepsPerEpoch) facts.stepsPerEpochSource = "trainer_state.json";
    if (evalEntries == 0)
        sink.problem(Severity::Info, "log_history",
                     "no evaluation entries (eval_* keys) in log_history; only training logs");
}

void importTrainerResults(const nlohmann::json &doc, ImportSink &sink)
{
    ImportedRecord rec;
    Checkpoint &cp = rec.checkpoint;
    cp.name = "final";
    cp.sources.push_back(sink.out().path);
    if (auto e = doc.find("epoch"); e != doc.end())
        if (auto v = numberValue(*e); v && std::isfinite(*v)) {
            cp.epoch = *v;
            cp.epochSource = EpochSource::File;
        }
    // eval_samples counts sequences, not the tokens eval_accuracy is over: no n is claimed.
    for (const auto &[key, value] : doc.items())
        if (isEvalMetricKey(key)) sink.metric(cp, key, value, key);
    if (cp.metrics.empty()) {
        sink.problem(Severity::Info, "(top level)",
                     "no evaluation metrics (eval_* keys) in this file");
        return;
    }
    sink.out().records.push_back(std::move(rec));
}

} // namespace cs
