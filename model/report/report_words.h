// SPDX-License-Identifier: MIT
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cs {

/// The language a report is written in.
enum class ReportLanguage { English, Korean };

/// The report's words: pattern is the English text with {1}, {2}, … for the arguments; in
/// Korean its translation from the catalogue (English when it has none: see missingWords).
std::string say(ReportLanguage language, const std::string &pattern,
                const std::vector<std::string> &arguments = {});

/// Patterns asked for in Korean that the catalogue lacks, since the start (tests read it).
std::set<std::string> missingWords();

/// "ko"/"korean" → Korean, "en"/"english"/"" → English; false for another name.
bool parseReportLanguage(const std::string &name, ReportLanguage &language);

} // namespace cs
