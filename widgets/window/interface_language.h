// SPDX-License-Identifier: MIT
#pragma once

#include "report/report_words.h"

namespace cs {

/// The language of the translation the interface runs in (Korean when the Korean catalogue is
/// installed, else English): the core's words (recommendations, the report) follow it.
ReportLanguage interfaceLanguage();

} // namespace cs
