// SPDX-License-Identifier: MIT
#pragma once

#include "results/file_import.h"
#include "results/result_types.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

class MetricAliases;

/// Progress of a long task: (done, total, what now); return false to cancel.
using ProgressFn =
    std::function<bool(std::size_t done, std::size_t total, const std::string &what)>;

/// What the user told ClozeScope beyond the files.
struct LoadOptions
{
    const MetricAliases *aliases = nullptr;      ///< alias table; nullptr = defaultAliases()
    std::map<std::string, double> stepsPerEpoch; ///< run name or key -> steps per epoch
    /// Derived epochs (step / steps per epoch) are rounded to this many decimals; unset: the
    /// workspace's choice, else 1.
    std::optional<int> epochDecimals;
};

/// Files under the paths that may hold results: folders are walked recursively; model,
/// tokenizer and config files are left out. Missing paths become problems.
std::vector<std::string> collectResultFiles(const std::vector<std::string> &paths,
                                            std::vector<Problem> &problems);

/// Imports every path (files or folders) and builds the runs. Cancelled: returns what was
/// read so far with an info problem saying so.
ResultSet loadResults(const std::vector<std::string> &paths, const LoadOptions &options = {},
                      const ProgressFn &progress = {});

/// Merges what files gave into runs: run identity, checkpoint merging, step -> epoch.
ResultSet buildResultSet(std::vector<FileImport> imports, const LoadOptions &options);

} // namespace cs
