// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "results/json_reader.h"

namespace cs {
namespace {

RecordRules seedRules(const nlohmann::json &doc, ImportSink &sink)
{
    RecordRules rules;
    rules.seedEvaluator = true;
    rules.lambadaN = kDefaultLambadaLimit;
    if (auto it = doc.find("lambada_limit"); it != doc.end() && !it->is_null()) {
        if (auto v = integerValue(*it); v && *v > 0)
            rules.lambadaN = *v;
        else
            sink.problem(Severity::Warning, "lambada_limit",
                         "\"lambada_limit\" is not a positive integer; using " +
                             std::to_string(kDefaultLambadaLimit));
    }
    return rules;
}

} // namespace

bool looksLikeSeedRecord(const nlohmann::json &obj)
{
    if (!obj.is_object()) return false;
    const bool metrics =
        obj.contains("real1") || obj.contains("lambada_top1") || obj.contains("coref_f1");
    return metrics &&
           (obj.contains("checkpoint") || obj.contains("checkpoint_info") || obj.contains("step"));
}

void importSeedCheckpoint(const nlohmann::json &doc, ImportSink &sink)
{
    sink.out().records.push_back(parseRecord(doc, "(top level)", sink, seedRules(doc, sink)));
}

void importSeedSummary(const nlohmann::json &doc, ImportSink &sink)
{
    const RecordRules rules = seedRules(doc, sink);
    const auto &results = doc.at("results");
    if (!results.is_array()) {
        sink.problem(Severity::Error, "results", "\"results\" is not a list");
        return;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::string loc = indexLocation("results", i);
        if (!results[i].is_object()) {
            sink.problem(Severity::Warning, loc, "entry is not an object; skipped");
            continue;
        }
        ImportedRecord rec = parseRecord(results[i], loc, sink, rules);
        if (rec.checkpoint.metrics.empty()) {
            sink.problem(Severity::Warning, loc, "entry has no metric values; skipped",
                         ProblemCode::NoResults);
            continue;
        }
        sink.out().records.push_back(std::move(rec));
    }
    if (auto it = doc.find("status"); it != doc.end() && it->is_string() && *it != "completed")
        sink.problem(Severity::Info, "status",
                     "the evaluation was \"" + it->get<std::string>() +
                         "\" when this file was written");
}

void importSeedFinal(const nlohmann::json &doc, ImportSink &sink)
{
    nlohmann::json copy = doc;
    copy.erase("checkpoint"); // the checkpoint training started from, not this run's
    ImportedRecord rec = parseRecord(copy, "(top level)", sink, seedRules(doc, sink));
    rec.checkpoint.name = "final";
    if (auto it = doc.find("epochs"); it != doc.end())
        if (auto e = finiteNumber(*it)) {
            rec.checkpoint.epoch = *e;
            rec.checkpoint.epochSource = EpochSource::File;
        }
    sink.out().records.push_back(std::move(rec));
}

} // namespace cs
