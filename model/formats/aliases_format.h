// SPDX-License-Identifier: MIT
// The metric alias file ({"aliases": {alias: metric}, "lower_is_better": [metrics]},
// docs/formats.md), read and written here only.
#pragma once

#include "results/metric_aliases.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cs {

/// The alias table as an alias file: every alias and every metric marked lower-is-better.
nlohmann::json aliasesJson(const MetricAliases &aliases);
/// Adds the aliases a document gives to aliases; "" or the reason (nothing is added then).
std::string readAliases(const nlohmann::json &doc, MetricAliases &aliases);
/// Adds the aliases of a file; "" or "<path>: reason".
std::string readAliasesFile(const std::string &path, MetricAliases &aliases);

/// Adds the user's alias file (userAliasesPath()) when it exists; the CLI and the workbench
/// read it on every start. "" or "<path>: reason".
std::string loadUserAliases(MetricAliases &aliases);

} // namespace cs
