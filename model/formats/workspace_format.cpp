// SPDX-License-Identifier: MIT
#include "formats/workspace_format.h"

#include "formats/analysis_settings_format.h"
#include "results/import_common.h"
#include "results/json_reader.h"
#include "util/atomic_file.h"

#include <filesystem>

namespace cs {
namespace {

using json = nlohmann::json;

std::vector<std::string> strings(const json &obj, const char *key)
{
    std::vector<std::string> out;
    if (const auto it = obj.find(key); it != obj.end() && it->is_array())
        for (const json &v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

/// A string member of an object (which must be one), or fallback.
std::string stringAt(const json &obj, const char *key, const std::string &fallback = {})
{
    return stringValue(obj.value(key, json())).value_or(fallback);
}

void readRuns(const json &runs, WorkspaceFile &out, const FormatProblemFn &problem)
{
    const auto warn = [&](const std::string &loc, const std::string &why) {
        if (problem) problem(Severity::Warning, loc, why);
    };
    for (const auto &[name, settings] : runs.items()) {
        const std::string loc = "runs." + name;
        if (!settings.is_object()) {
            warn(loc, "run settings are not an object; skipped");
            continue;
        }
        WorkspaceRun &run = out.runs[name];
        if (auto s = settings.find("steps_per_epoch"); s != settings.end()) {
            if (auto v = finiteNumber(*s); v && *v > 0)
                run.stepsPerEpoch = *v;
            else
                warn(loc + ".steps_per_epoch", "not a positive number; ignored");
        }
        if (auto d = settings.find("epoch_decimals"); d != settings.end()) {
            if (auto v = integerValue(*d); v && *v >= 0 && *v <= 6)
                run.epochDecimals = int(*v);
            else
                warn(loc + ".epoch_decimals", "not an integer 0 … 6; ignored");
        }
    }
}

} // namespace

json workspaceJson(const WorkspaceFile &w)
{
    json runs = json::object();
    for (const auto &[name, run] : w.runs) {
        json &j = runs[name] = json::object();
        if (run.stepsPerEpoch) j["steps_per_epoch"] = *run.stepsPerEpoch;
        if (run.epochDecimals) j["epoch_decimals"] = *run.epochDecimals;
    }
    return {{"format", kWorkspaceFormat},
            {"version", kWorkspaceVersion},
            {"paths", w.paths},
            {"hidden_runs", w.hiddenRuns},
            {"settings", analysisSettingsJson(w.settings)},
            {"view",
             {{"metric", w.metric},
              {"x", w.xAxis},
              {"window_state", w.windowState},
              {"geometry", w.geometry}}},
            {"runs", runs}};
}

bool readWorkspace(const json &doc, WorkspaceFile &out, const FormatProblemFn &problem)
{
    const auto fail = [&](const std::string &loc, const std::string &why) {
        if (problem) problem(Severity::Error, loc, why);
        return false;
    };
    if (!doc.is_object() || stringAt(doc, "format") != kWorkspaceFormat)
        return fail("format", "not a ClozeScope workspace (no \"format\": \"" +
                                  std::string(kWorkspaceFormat) + "\")");
    if (const auto v = doc.find("version"); v != doc.end()) {
        const auto version = integerValue(*v);
        if (!version || *version < 1) return fail("version", "missing or invalid \"version\"");
        if (*version > kWorkspaceVersion)
            return fail("version", "workspace version " + std::to_string(*version) +
                                       " is newer than this ClozeScope reads (" +
                                       std::to_string(kWorkspaceVersion) + ")");
    }
    WorkspaceFile w;
    w.paths = strings(doc, "paths");
    w.hiddenRuns = strings(doc, "hidden_runs");
    if (const auto s = doc.find("settings"); s != doc.end())
        w.settings = readAnalysisSettings(*s, "settings", problem);
    if (const auto view = doc.find("view"); view != doc.end() && view->is_object()) {
        w.metric = stringAt(*view, "metric");
        w.xAxis = stringAt(*view, "x", "epoch") == "step" ? "step" : "epoch";
        w.windowState = stringAt(*view, "window_state");
        w.geometry = stringAt(*view, "geometry");
    }
    if (const auto runs = doc.find("runs"); runs != doc.end()) {
        if (!runs->is_object()) return fail("runs", "\"runs\" is not an object {run: settings}");
        readRuns(*runs, w, problem);
    }
    out = std::move(w);
    return true;
}

std::string saveWorkspaceFile(const WorkspaceFile &workspace, const std::string &path)
{
    return writeFileAtomically(path, workspaceJson(workspace).dump(2) + "\n");
}

std::string loadWorkspaceFile(const std::string &path, WorkspaceFile &out)
{
    const JsonDocument doc = readJsonFile(path);
    if (!doc.error.empty())
        return path + ": " + (doc.location.empty() ? "" : doc.location + ": ") + doc.error;
    std::string error;
    WorkspaceFile w;
    if (!readWorkspace(doc.json, w, [&](Severity s, const std::string &loc, const std::string &m) {
            if (s == Severity::Error && error.empty()) error = path + ": " + loc + ": " + m;
        }))
        return error;
    namespace fs = std::filesystem;
    const fs::path base = fs::absolute(path).parent_path();
    for (std::string &p : w.paths)
        p = (base / fs::path(p)).lexically_normal().string(); // an absolute p replaces base
    out = std::move(w);
    return {};
}

} // namespace cs
