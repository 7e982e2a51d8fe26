// SPDX-License-Identifier: MIT
#include "results/importers.h"

#include "results/csv_reader.h"
#include "results/import_formats.h"
#include "results/json_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace cs {
namespace {

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lowered(std::string s)
{
    for (auto &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string formatField(const FileContent &f)
{
    if (!f.json.is_object()) return "";
    return stringValue(f.json.value("format", nlohmann::json())).value_or("");
}

bool isSeedFinal(const FileContent &f)
{
    return f.json.is_object() && endsWith(f.fileName, "final_results.json") &&
           (looksLikeSeedRecord(f.json) || f.json.contains("real1"));
}

bool isSeedSummary(const FileContent &f)
{
    if (!f.json.is_object()) return false;
    const auto r = f.json.find("results");
    return r != f.json.end() && r->is_array() && !r->empty() && looksLikeSeedRecord(r->front());
}

bool isTrainerResults(const FileContent &f)
{
    return f.json.is_object() &&
           (endsWith(f.fileName, "all_results.json") || endsWith(f.fileName, "eval_results.json") ||
            endsWith(f.fileName, "test_results.json"));
}

/// True when the first record of a JSON Lines text is a cloze example (docs/formats.md §9):
/// a "text" (or "masked") and no fractional number (a metric value) beside it.
bool isClozeSet(const FileContent &f)
{
    const JsonDocument d = parseJson(f.text.substr(0, f.text.find('\n')));
    if (!d.error.empty() || !d.json.is_object() ||
        !(d.json.contains("text") || d.json.contains("masked")))
        return false;
    return std::none_of(d.json.begin(), d.json.end(),
                        [](const nlohmann::json &v) { return v.is_number_float(); });
}

bool always(const FileContent &)
{
    return true;
}

/// The whole CSV table of an export recognised by its header; a cut file and a header without
/// rows are warned about.
CsvTable exportTable(const FileContent &f, ImportSink &sink)
{
    CsvTable table = parseCsv(f.text);
    if (!table.error.empty()) sink.problem(Severity::Warning, "end of file", table.error);
    if (table.rows.empty())
        sink.problem(Severity::Warning, "line 2", "no data rows under the header");
    return table;
}

std::string folderOf(const FileContent &f)
{
    return std::filesystem::path(f.path).parent_path().string();
}

} // namespace

const std::vector<Importer> &importers()
{
    using C = Container;
    using F = const FileContent &;
    using S = ImportSink &;
    static const std::vector<Importer> all = {
        {FileKind::ClozeScopeResults, "ClozeScope results", C::Json,
         [](F f) { return formatField(f) == "clozescope-results"; },
         [](F f, S s) { importClozeScope(f.json, folderOf(f), s); }},
        {FileKind::Workspace, "ClozeScope workspace", C::Json,
         [](F f) { return formatField(f) == "clozescope-workspace"; },
         [](F f, S s) { importWorkspace(f.json, s); }},
        {FileKind::TrainerState, "Hugging Face trainer_state.json", C::Json,
         [](F f) { return f.json.is_object() && f.json.contains("log_history"); },
         [](F f, S s) { importTrainerState(f.json, s); }},
        {FileKind::LmEval, "lm-evaluation-harness results", C::Json,
         [](F f) { return f.json.is_object() && looksLikeLmEval(f.json); },
         [](F f, S s) { importLmEval(f.json, f.path, s); }},
        {FileKind::SeedFinal, "fine-tuning final_results.json", C::Json, isSeedFinal,
         [](F f, S s) { importSeedFinal(f.json, s); }},
        {FileKind::SeedCheckpoint, "evaluator checkpoint result", C::Json,
         [](F f) { return f.json.is_object() && looksLikeSeedRecord(f.json); },
         [](F f, S s) { importSeedCheckpoint(f.json, s); }},
        {FileKind::SeedSummary, "evaluator summary (real_coref/reevaluation)", C::Json,
         isSeedSummary, [](F f, S s) { importSeedSummary(f.json, s); }},
        {FileKind::TrainerResults, "Hugging Face results (all_results/eval_results)", C::Json,
         isTrainerResults, [](F f, S s) { importTrainerResults(f.json, s); }},
        {FileKind::LooseJson, "hand-written JSON", C::Json, always,
         [](F f, S s) { importLooseJson(f.json, s); }},
        {FileKind::ClozeSet, "cloze set (evaluation input)", C::JsonLines, isClozeSet, [](F, S) {}},
        {FileKind::SeedJsonl, "JSON Lines records", C::JsonLines, always,
         [](F f, S s) { importJsonLines(f.text, s); }},
        {FileKind::TensorBoardCsv, "TensorBoard CSV", C::Csv,
         [](F f) { return isTensorBoardCsvHeader(f.csvHeader); },
         [](F f, S s) { importTensorBoardCsv(exportTable(f, s), f.fileName, s); }},
        {FileKind::WandbRunsCsv, "W&B runs table CSV", C::Csv,
         [](F f) { return isWandbRunsHeader(f.csvHeader); },
         [](F f, S s) { importWandbRunsCsv(exportTable(f, s), s); }},
        {FileKind::WandbCsv, "W&B chart CSV", C::Csv,
         [](F f) { return isWandbPlotHeader(f.csvHeader); },
         [](F f, S s) { importWandbPlotCsv(exportTable(f, s), s); }},
        {FileKind::SeedCsv, "evaluator CSV", C::Csv,
         [](F f) { return csvHasRecordColumns(f.text); },
         [](F f, S s) {
             const auto &h = f.csvHeader;
             importRecordCsv(f.text, s, std::find(h.begin(), h.end(), "lambada_top1") != h.end());
         }},
        {FileKind::TensorBoardEvents, "TensorBoard event file", C::EventFile, always,
         [](F f, S s) { importTensorBoardEvents(f.text, s); }},
    };
    return all;
}

const char *fileKindName(FileKind kind)
{
    for (const Importer &i : importers())
        if (i.kind == kind) return i.name;
    return "unrecognised";
}

/// Results file names: a pattern ("*.ext" or "*word*") and the container it means.
struct NamePattern
{
    const char *pattern;
    Container container;
};
constexpr NamePattern kNamePatterns[] = {{"*.json", Container::Json},
                                         {"*.jsonl", Container::JsonLines},
                                         {"*.csv", Container::Csv},
                                         {"*tfevents*", Container::EventFile}};

const std::vector<std::string> &resultFilePatterns()
{
    static const std::vector<std::string> patterns = [] {
        std::vector<std::string> out;
        for (const NamePattern &p : kNamePatterns)
            out.emplace_back(p.pattern);
        return out;
    }();
    return patterns;
}

std::optional<Container> containerOf(const std::string &fileName)
{
    const std::string name = lowered(fileName);
    for (const NamePattern &np : kNamePatterns) {
        const std::string p = np.pattern;
        const bool contains = p.back() == '*';
        const std::string core = contains ? p.substr(1, p.size() - 2) : p.substr(1);
        if (contains ? name.find(core) != std::string::npos : endsWith(name, core))
            return np.container;
    }
    return std::nullopt;
}

} // namespace cs
