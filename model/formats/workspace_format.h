// SPDX-License-Identifier: MIT
// The workspace file (clozescope.workspace.json, docs/formats.md), read and written here only:
// the workbench saves and opens it, the importer reads its runs' steps per epoch.
#pragma once

#include "analysis/analysis_settings.h"
#include "formats/format_problem.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// The "format" value of a workspace file.
inline constexpr const char *kWorkspaceFormat = "clozescope-workspace";
/// The newest workspace version this ClozeScope reads and writes.
inline constexpr int kWorkspaceVersion = 1;

/// What the user set for one run.
struct WorkspaceRun
{
    std::optional<double> stepsPerEpoch; ///< steps per epoch
    std::optional<int> epochDecimals;    ///< rounding of derived epochs (0 … 6)
};

/// A saved workspace: what was opened, what is shown, the analysis settings and the layout.
struct WorkspaceFile
{
    std::vector<std::string> paths;           ///< files and folders opened
    std::vector<std::string> hiddenRuns;      ///< run keys not shown
    AnalysisSettings settings;                ///< analysis settings
    std::map<std::string, WorkspaceRun> runs; ///< run name -> what the user set
    std::string metric;                       ///< metric shown ("" = small multiples)
    std::string xAxis = "epoch";              ///< "epoch" or "step"
    std::string windowState;                  ///< the window's layout, base64
    std::string geometry;                     ///< the window's geometry, base64
};

/// The workspace as JSON.
nlohmann::json workspaceJson(const WorkspaceFile &workspace);
/// Reads a workspace document; values of the wrong type are problems and left out. False (with
/// an error) when it is not a workspace or is newer than this ClozeScope reads.
bool readWorkspace(const nlohmann::json &doc, WorkspaceFile &out, const FormatProblemFn &problem);

/// Writes a workspace atomically; "" or "<path>: reason".
std::string saveWorkspaceFile(const WorkspaceFile &workspace, const std::string &path);
/// Reads a workspace file; relative paths are taken from the file's folder. "" or
/// "<path>: place: reason" of the first error (warnings are left out).
std::string loadWorkspaceFile(const std::string &path, WorkspaceFile &out);

} // namespace cs
