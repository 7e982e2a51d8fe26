// SPDX-License-Identifier: MIT
#include "results/import_formats.h"

#include "results/csv_reader.h"
#include "results/json_reader.h"

#include <cerrno>
#include <cstdlib>

namespace cs {
namespace {

bool isMetricMap(const nlohmann::json &j)
{
    if (!j.is_object() || j.empty()) return false;
    for (const auto &[k, v] : j.items())
        if (!numberValue(v) && !v.is_null() && !isNonMetricKey(k)) return false;
    return true;
}

/// The evaluator's rules apply to records that carry its coref_samples count.
RecordRules rulesFor(const nlohmann::json &obj, bool seedEvaluatorFile)
{
    RecordRules rules;
    rules.seedEvaluator = obj.contains("coref_samples");
    if (rules.seedEvaluator || seedEvaluatorFile) rules.lambadaN = kDefaultLambadaLimit;
    return rules;
}

void addRecord(const nlohmann::json &obj, const std::string &loc, const std::string &run,
               ImportSink &sink, bool seedEvaluatorFile = false)
{
    ImportedRecord rec = parseRecord(obj, loc, sink, rulesFor(obj, seedEvaluatorFile));
    if (!run.empty() && rec.runName.empty()) rec.runName = run;
    if (rec.checkpoint.metrics.empty()) {
        sink.problem(Severity::Warning, loc, "record has no metric values; skipped",
                     ProblemCode::NoResults);
        return;
    }
    if (rec.checkpoint.name.empty() && !rec.checkpoint.epoch) {
        sink.problem(Severity::Warning, loc, "record names no checkpoint, step or epoch; skipped",
                     ProblemCode::NoResults);
        return;
    }
    sink.out().records.push_back(std::move(rec));
}

/// {checkpoint-name: {metric: value}}
void importCheckpointMap(const nlohmann::json &obj, const std::string &base, const std::string &run,
                         ImportSink &sink)
{
    for (const auto &[name, metrics] : obj.items()) {
        nlohmann::json rec = metrics;
        if (!rec.contains("checkpoint") && !rec.contains("name")) rec["name"] = name;
        addRecord(rec, base.empty() ? name : base + "." + name, run, sink);
    }
}

void importRecordList(const nlohmann::json &list, const std::string &base, const std::string &run,
                      ImportSink &sink)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string loc = indexLocation(base, i);
        if (!list[i].is_object()) {
            sink.problem(Severity::Warning, loc, "entry is not an object; skipped");
            continue;
        }
        addRecord(list[i], loc, run, sink);
    }
}

std::optional<double> parseCell(const std::string &cell)
{
    if (cell.empty()) return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (errno != 0 || end == cell.c_str() || *end != '\0') return std::nullopt;
    return v;
}

} // namespace

void importLooseJson(const nlohmann::json &doc, ImportSink &sink)
{
    if (doc.is_array()) {
        importRecordList(doc, "", "", sink);
        return;
    }
    if (!doc.is_object()) {
        sink.problem(Severity::Error, "(top level)", "expected an object or a list of records");
        return;
    }
    if (auto r = doc.find("results"); r != doc.end() && r->is_array()) {
        importRecordList(*r, "results", "", sink);
        return;
    }
    bool allMaps = true, allNested = true;
    for (const auto &[k, v] : doc.items()) {
        allMaps = allMaps && isMetricMap(v);
        bool nested = v.is_array() || (v.is_object() && !v.empty());
        if (v.is_object())
            for (const auto &[k2, v2] : v.items())
                nested = nested && isMetricMap(v2);
        allNested = allNested && nested;
    }
    if (allMaps) {
        importCheckpointMap(doc, "", "", sink);
    } else if (allNested) {
        for (const auto &[run, v] : doc.items()) {
            if (v.is_array())
                importRecordList(v, run, run, sink);
            else
                importCheckpointMap(v, run, run, sink);
        }
    } else {
        sink.problem(Severity::Error, "(top level)",
                     "no results found: expected {checkpoint: {metric: value}}, a list of records, "
                     "or {run: …} of those",
                     ProblemCode::NoResults);
    }
}

void importJsonLines(const std::string &text, ImportSink &sink)
{
    const auto loc = [](std::size_t lineNo) { return "line " + std::to_string(lineNo); };
    forEachJsonLine(
        text,
        [&](const nlohmann::json &record, std::size_t lineNo) {
            addRecord(record, loc(lineNo), "", sink);
        },
        [&](std::size_t lineNo, const std::string &why) {
            sink.problem(Severity::Warning, loc(lineNo), why + "; line skipped");
        });
}

bool csvHasRecordColumns(const std::string &text)
{
    const CsvTable t = parseCsv(text.substr(0, text.find('\n')));
    return csvColumn(t, "checkpoint") >= 0 || csvColumn(t, "step") >= 0 ||
           csvColumn(t, "global_step") >= 0;
}

void importRecordCsv(const std::string &text, ImportSink &sink, bool seedEvaluatorCsv)
{
    const CsvTable t = parseCsv(text);
    if (!t.error.empty()) sink.problem(Severity::Warning, "end of file", t.error);
    if (t.header.empty()) {
        sink.problem(Severity::Error, "line 1", "the file is empty (no header row)");
        return;
    }
    if (t.rows.empty()) sink.problem(Severity::Warning, "line 2", "no data rows under the header");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string loc = "line " + std::to_string(t.rowLines[r]);
        const auto &row = t.rows[r];
        if (row.size() != t.header.size()) {
            sink.problem(Severity::Warning, loc,
                         "row has " + std::to_string(row.size()) + " cells, the header " +
                             std::to_string(t.header.size()) + "; row skipped");
            continue;
        }
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto &key = t.header[c];
            if (auto v = parseCell(row[c]))
                obj[key] = *v;
            else if (!row[c].empty())
                obj[key] = row[c];
        }
        addRecord(obj, loc, "", sink, seedEvaluatorCsv);
    }
}

} // namespace cs
