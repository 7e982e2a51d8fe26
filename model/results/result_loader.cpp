// SPDX-License-Identifier: MIT
#include "results/result_loader.h"

#include "results/importers.h"
#include "results/metric_aliases.h"
#include "results/run_naming.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace cs {
namespace {

namespace fs = std::filesystem;

bool isSkippedName(const std::string &name)
{
    static const std::set<std::string> skipped = {"config.json",
                                                  "tokenizer.json",
                                                  "tokenizer_config.json",
                                                  "special_tokens_map.json",
                                                  "generation_config.json",
                                                  "adapter_config.json",
                                                  "vocab.json",
                                                  "added_tokens.json",
                                                  "preprocessor_config.json",
                                                  "model.safetensors.index.json",
                                                  "pytorch_model.bin.index.json"};
    auto ends = [&](const char *s) {
        const std::string x(s);
        return name.size() >= x.size() && name.compare(name.size() - x.size(), x.size(), x) == 0;
    };
    const bool lmEvalSamples =
        name.rfind("samples_", 0) == 0 && ends(".jsonl"); // read with their results
    return skipped.count(name) || lmEvalSamples || ends(".examples.jsonl") ||
           ends("__config.json") || ends("__adapter_config.json");
}

/// Folder, then workspace files first, JSON before CSV so that full precision wins.
bool fileOrder(const std::string &a, const std::string &b)
{
    auto rank = [](const std::string &p) {
        const std::string name = fs::path(p).filename().string();
        if (name == "clozescope.workspace.json") return 0;
        const auto c = containerOf(name);
        return c == Container::Json ? 1 : c == Container::JsonLines ? 2 : 3;
    };
    const auto da = fs::path(a).parent_path(), db = fs::path(b).parent_path();
    if (rank(a) == 0 || rank(b) == 0) return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    if (da != db) return da < db;
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
}

} // namespace

std::vector<std::string> collectResultFiles(const std::vector<std::string> &paths,
                                            std::vector<Problem> &problems)
{
    std::vector<std::string> files;
    for (const auto &p : paths) {
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            problems.push_back(
                {Severity::Error, p, "", "no such file or folder", ProblemCode::Unreadable});
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(p);
            continue;
        }
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
            end;
        for (; !ec && it != end; it.increment(ec)) {
            const auto name = it->path().filename().string();
            if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && containerOf(name) && !isSkippedName(name))
                files.push_back(it->path().string());
        }
        if (ec)
            problems.push_back({Severity::Warning, p, "",
                                "could not read the whole folder: " + ec.message(),
                                ProblemCode::Unreadable});
    }
    std::sort(files.begin(), files.end(), fileOrder);
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

ResultSet loadResults(const std::vector<std::string> &paths, const LoadOptions &options,
                      const ProgressFn &progress)
{
    std::vector<Problem> problems;
    const std::vector<std::string> files = collectResultFiles(paths, problems);
    std::set<std::string> named(paths.begin(), paths.end());
    std::set<std::string> withRecords; // files that gave checkpoints
    const MetricAliases &aliases = options.aliases ? *options.aliases : defaultAliases();

    std::vector<FileImport> imports;
    bool cancelled = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (progress && !progress(i, files.size(), files[i])) {
            cancelled = true;
            break;
        }
        const fs::path p(files[i]);
        fs::path json = p;
        json.replace_extension(".json");
        // JSON files come before CSVs of the same folder, so the JSON's outcome is known here.
        if (containerOf(p.filename().string()) == Container::Csv && !named.count(files[i]) &&
            withRecords.count(json.string())) {
            problems.push_back({Severity::Info, files[i], "",
                                "CSV companion of " + json.filename().string() +
                                    "; its values are read from the JSON",
                                ProblemCode::SkippedFile});
            continue;
        }
        imports.push_back(importFile(files[i], aliases, named.count(files[i]) > 0));
        if (!imports.back().records.empty()) withRecords.insert(files[i]);
    }
    if (progress && !cancelled) progress(files.size(), files.size(), "");
    ResultSet set = buildResultSet(std::move(imports), options);
    set.problems.insert(set.problems.begin(), problems.begin(), problems.end());
    if (cancelled)
        set.problems.push_back({Severity::Info, "", "", "import cancelled; showing what was read",
                                ProblemCode::Cancelled});
    else if (set.runs.empty() && !paths.empty())
        set.problems.push_back(
            {Severity::Info, "", "",
             files.empty() ? "nothing to show: no results file was found under the paths given"
                           : "nothing to show: none of the " + std::to_string(files.size()) +
                                 " file(s) read holds a checkpoint with a metric",
             ProblemCode::NothingToShow});
    return set;
}

} // namespace cs
