// SPDX-License-Identifier: MIT
// The analysis settings as JSON (the "settings" of a workspace), read and written here only.
#pragma once

#include "analysis/analysis_settings.h"
#include "formats/format_problem.h"

#include <nlohmann/json.hpp>

namespace cs {

/// {"weights": {metric: w}, "alpha", "confidence", "criterion", "early_stop": {"metric",
/// "patience", "threshold"}, "score_tolerance"}.
nlohmann::json analysisSettingsJson(const AnalysisSettings &settings);
/// Reads what the object gives over the defaults; a value out of range is a problem at
/// location.key and keeps the default.
AnalysisSettings readAnalysisSettings(const nlohmann::json &obj, const std::string &location,
                                      const FormatProblemFn &problem);

} // namespace cs
