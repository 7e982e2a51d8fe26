// SPDX-License-Identifier: MIT
#include "results/file_import.h"

#include "results/import_formats.h"
#include "results/json_reader.h"
#include "results/run_naming.h"

#include <algorithm>
#include <filesystem>

namespace cs {
namespace {

namespace fs = std::filesystem;

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string extensionOf(const std::string &path)
{
    std::string ext = fs::path(path).extension().string();
    for (auto &c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

FileKind classifyJson(const std::string &fileName, const nlohmann::json &doc)
{
    if (doc.is_object()) {
        const std::string format = stringValue(doc.value("format", nlohmann::json())).value_or("");
        if (format == "clozescope-results") return FileKind::ClozeScopeResults;
        if (format == "clozescope-workspace") return FileKind::Workspace;
        if (doc.contains("log_history")) return FileKind::TrainerState;
        if (looksLikeLmEval(doc)) return FileKind::LmEval;
        if (endsWith(fileName, "final_results.json") && looksLikeSeedRecord(doc))
            return FileKind::SeedFinal;
        if (endsWith(fileName, "final_results.json") && doc.contains("real1"))
            return FileKind::SeedFinal;
        if (looksLikeSeedRecord(doc)) return FileKind::SeedCheckpoint;
        if (auto r = doc.find("results");
            r != doc.end() && r->is_array() && !r->empty() && looksLikeSeedRecord(r->front()))
            return FileKind::SeedSummary;
        if (endsWith(fileName, "all_results.json") || endsWith(fileName, "eval_results.json") ||
            endsWith(fileName, "test_results.json"))
            return FileKind::TrainerResults;
    }
    return FileKind::LooseJson;
}

void importJsonDocument(const std::string &path, const std::string &text, FileImport &out,
                        ImportSink &sink)
{
    JsonDocument doc = parseJson(text);
    if (!doc.error.empty()) {
        sink.problem(Severity::Error, doc.location, doc.error);
        return;
    }
    out.kind = classifyJson(fs::path(path).filename().string(), doc.json);
    const std::string dir = fs::path(path).parent_path().string();
    try {
        switch (out.kind) {
        case FileKind::ClozeScopeResults: importClozeScope(doc.json, dir, sink); break;
        case FileKind::Workspace: importWorkspace(doc.json, sink); break;
        case FileKind::TrainerState: importTrainerState(doc.json, sink); break;
        case FileKind::TrainerResults: importTrainerResults(doc.json, sink); break;
        case FileKind::SeedCheckpoint: importSeedCheckpoint(doc.json, sink); break;
        case FileKind::SeedSummary: importSeedSummary(doc.json, sink); break;
        case FileKind::SeedFinal: importSeedFinal(doc.json, sink); break;
        case FileKind::LmEval: importLmEval(doc.json, path, sink); break;
        default: importLooseJson(doc.json, sink); break;
        }
    } catch (const nlohmann::json::exception &e) {
        sink.problem(Severity::Error, "(structure)",
                     std::string("unexpected structure: ") + e.what());
    }
}

void importCsv(const std::string &fileName, const std::string &text, FileImport &out,
               ImportSink &sink)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.kind = FileKind::Unknown;
        sink.problem(Severity::Error, "line 1", "the file is empty");
        return;
    }
    const CsvTable head = parseCsv(text.substr(0, text.find('\n')));
    const CsvFlavour flavour = csvFlavour(head.header);
    if (flavour == CsvFlavour::None) {
        if (csvHasRecordColumns(text)) {
            out.kind = FileKind::SeedCsv;
            importRecordCsv(text, sink,
                            head.header.end() !=
                                std::find(head.header.begin(), head.header.end(), "lambada_top1"));
        }
        return;
    }
    const CsvTable table = parseCsv(text);
    if (!table.error.empty()) sink.problem(Severity::Warning, "end of file", table.error);
    if (table.rows.empty())
        sink.problem(Severity::Warning, "line 2", "no data rows under the header");
    switch (flavour) {
    case CsvFlavour::TensorBoard:
        out.kind = FileKind::TensorBoardCsv;
        importTensorBoardCsv(table, fileName, sink);
        break;
    case CsvFlavour::WandbPlot:
        out.kind = FileKind::WandbCsv;
        importWandbPlotCsv(table, sink);
        break;
    case CsvFlavour::WandbRuns:
        out.kind = FileKind::WandbRunsCsv;
        importWandbRunsCsv(table, sink);
        break;
    case CsvFlavour::None: break;
    }
}

} // namespace

bool isEventFileName(const std::string &name)
{
    return name.find("tfevents") != std::string::npos;
}

const char *fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Unknown: return "unrecognised";
    case FileKind::ClozeScopeResults: return "ClozeScope results";
    case FileKind::Workspace: return "ClozeScope workspace";
    case FileKind::TrainerState: return "Hugging Face trainer_state.json";
    case FileKind::TrainerResults: return "Hugging Face results (all_results/eval_results)";
    case FileKind::SeedCheckpoint: return "evaluator checkpoint result";
    case FileKind::SeedSummary: return "evaluator summary (real_coref/reevaluation)";
    case FileKind::SeedCsv: return "evaluator CSV";
    case FileKind::SeedJsonl: return "JSON Lines records";
    case FileKind::SeedFinal: return "fine-tuning final_results.json";
    case FileKind::LooseJson: return "hand-written JSON";
    case FileKind::LmEval: return "lm-evaluation-harness results";
    case FileKind::TensorBoardCsv: return "TensorBoard CSV";
    case FileKind::WandbCsv: return "W&B chart CSV";
    case FileKind::WandbRunsCsv: return "W&B runs table CSV";
    case FileKind::TensorBoardEvents: return "TensorBoard event file";
    case FileKind::ClozeSet: return "cloze set (evaluation input)";
    }
    return "?";
}

/// True when the first record of a JSON Lines text is a cloze example (docs/formats.md §9):
/// a "text" (or "masked") and no fractional number (a metric value) beside it.
static bool looksLikeClozeSet(const std::string &text)
{
    const std::string first = text.substr(0, text.find('\n'));
    const JsonDocument d = parseJson(first);
    if (!d.error.empty() || !d.json.is_object() ||
        !(d.json.contains("text") || d.json.contains("masked")))
        return false;
    return std::none_of(d.json.begin(), d.json.end(),
                        [](const nlohmann::json &v) { return v.is_number_float(); });
}

static FileImport importFileUnguarded(const std::string &path, const MetricAliases &aliases,
                                      bool explicitFile)
{
    FileImport out;
    out.path = path;
    out.defaultRunName =
        runNameFromComponents(pathComponents(fs::absolute(path).lexically_normal().string()));
    ImportSink sink(out, aliases);
    std::string text, err;
    if (!readTextFile(path, text, err)) {
        sink.problem(Severity::Error, "", err);
        return out;
    }
    const std::string ext = extensionOf(path);
    if (ext == ".json") {
        importJsonDocument(path, text, out, sink);
    } else if (ext == ".jsonl" && looksLikeClozeSet(text)) {
        out.kind = FileKind::ClozeSet;
    } else if (ext == ".jsonl") {
        out.kind = FileKind::SeedJsonl;
        importJsonLines(text, sink);
    } else if (ext == ".csv") {
        importCsv(fs::path(path).filename().string(), text, out, sink);
    } else if (isEventFileName(fs::path(path).filename().string())) {
        out.kind = FileKind::TensorBoardEvents;
        importTensorBoardEvents(text, sink);
    }
    if (out.kind == FileKind::Unknown) {
        sink.problem(explicitFile ? Severity::Error : Severity::Info, "",
                     "not a results file ClozeScope recognises; skipped");
    } else if (!explicitFile && out.records.empty() && out.runFacts.empty() &&
               (out.kind == FileKind::LooseJson || out.kind == FileKind::SeedJsonl) &&
               std::all_of(out.problems.begin(), out.problems.end(), [](const Problem &p) {
                   // Only "nothing here looks like results"; a wrong-typed metric or a broken
                   // line may be a results file gone bad, and stays reported.
                   return p.message.find("has no metric values") != std::string::npos ||
                          p.message.find("no results found") != std::string::npos ||
                          p.message.find("names no checkpoint") != std::string::npos;
               })) {
        // A file in a scanned folder that holds no results (a dataset, notes): one note.
        out.problems.clear();
        out.kind = FileKind::Unknown;
        sink.problem(Severity::Info, "", "no results in this file; skipped");
    }
    return out;
}

FileImport importFile(const std::string &path, const MetricAliases &aliases, bool explicitFile)
{
    try {
        return importFileUnguarded(path, aliases, explicitFile);
    } catch (const std::exception &e) {
        // Importers check what they read; this is the last line of defence.
        FileImport out;
        out.path = path;
        out.problems.push_back(
            {Severity::Error, path, "", std::string("could not be read: ") + e.what()});
        return out;
    }
}

} // namespace cs
