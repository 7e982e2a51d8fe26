// SPDX-License-Identifier: MIT
#include "results/file_import.h"

#include "results/csv_reader.h"
#include "results/import_common.h"
#include "results/importers.h"
#include "results/json_reader.h"
#include "results/run_naming.h"

#include <algorithm>
#include <filesystem>

namespace cs {
namespace {

namespace fs = std::filesystem;

/// Parses what the container needs before formats are recognised; false (with a problem) when
/// the bytes are not what the container promises.
bool parseContainer(Container container, FileContent &content, ImportSink &sink)
{
    if (container == Container::Json) {
        JsonDocument doc = parseJson(content.text);
        if (!doc.error.empty()) {
            sink.problem(Severity::Error, doc.location, doc.error, ProblemCode::Syntax);
            return false;
        }
        content.json = std::move(doc.json);
    } else if (container == Container::Csv) {
        if (content.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            sink.problem(Severity::Error, "line 1", "the file is empty", ProblemCode::Syntax);
            return false;
        }
        content.csvHeader = parseCsv(content.text.substr(0, content.text.find('\n'))).header;
    }
    return true;
}

/// The first format of the file's container that recognises it reads it.
void readByFormat(Container container, const FileContent &content, FileImport &out,
                  ImportSink &sink)
{
    for (const Importer &format : importers()) {
        if (format.container != container || !format.recognises(content)) continue;
        out.kind = format.kind;
        try {
            format.read(content, sink);
        } catch (const nlohmann::json::exception &e) {
            sink.problem(Severity::Error, "(structure)",
                         std::string("unexpected structure: ") + e.what());
        }
        return;
    }
}

/// True when a file read while walking a folder gave nothing but "nothing here looks like
/// results": it is then one note, not a list of warnings (a dataset, notes). A wrong-typed
/// metric or a broken line may be a results file gone bad, and stays reported.
bool holdsNoResults(const FileImport &imp)
{
    return imp.records.empty() && imp.runFacts.empty() &&
           (imp.kind == FileKind::LooseJson || imp.kind == FileKind::SeedJsonl) &&
           std::all_of(imp.problems.begin(), imp.problems.end(),
                       [](const Problem &p) { return p.code == ProblemCode::NoResults; });
}

FileImport importFileUnguarded(const std::string &path, const MetricAliases &aliases,
                               bool explicitFile)
{
    FileImport out;
    out.path = path;
    out.defaultRunName =
        runNameFromComponents(pathComponents(fs::absolute(path).lexically_normal().string()));
    ImportSink sink(out, aliases);
    FileContent content;
    content.path = path;
    content.fileName = fs::path(path).filename().string();
    std::string err;
    if (!readTextFile(path, content.text, err)) {
        sink.problem(Severity::Error, "", err, ProblemCode::Unreadable);
        return out;
    }
    const std::optional<Container> container = containerOf(content.fileName);
    if (container && parseContainer(*container, content, sink))
        readByFormat(*container, content, out, sink);
    if (out.kind == FileKind::Unknown) {
        sink.problem(explicitFile ? Severity::Error : Severity::Info, "",
                     "not a results file ClozeScope recognises; skipped",
                     ProblemCode::NotRecognised);
    } else if (!explicitFile && holdsNoResults(out)) {
        out.problems.clear();
        out.kind = FileKind::Unknown;
        sink.problem(Severity::Info, "", "no results in this file; skipped",
                     ProblemCode::SkippedFile);
    }
    return out;
}

} // namespace

FileImport importFile(const std::string &path, const MetricAliases &aliases, bool explicitFile)
{
    try {
        return importFileUnguarded(path, aliases, explicitFile);
    } catch (const std::exception &e) {
        // Importers check what they read; this is the last line of defence.
        FileImport out;
        out.path = path;
        out.problems.push_back({Severity::Error, path, "",
                                std::string("could not be read: ") + e.what(),
                                ProblemCode::Unreadable});
        return out;
    }
}

} // namespace cs
