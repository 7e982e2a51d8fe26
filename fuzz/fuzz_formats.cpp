// SPDX-License-Identifier: MIT
// ClozeScope's own formats: results, example lines, workspace, analysis settings, aliases.
// The first byte picks the reader; what is read is written back and read again.
#include "formats/aliases_format.h"
#include "formats/analysis_settings_format.h"
#include "formats/results_format.h"
#include "formats/workspace_format.h"
#include "results/json_reader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    const cs::JsonDocument doc =
        cs::parseJson(std::string(reinterpret_cast<const char *>(data) + 1, size - 1));
    if (!doc.error.empty()) return 0;
    switch (data[0] % 5) {
    case 0: {
        cs::ResultsFile f;
        if (cs::readResults(doc.json, f, {})) {
            cs::ResultsFile again;
            cs::readResults(cs::resultsJson(f), again, {});
        }
        break;
    }
    case 1: {
        std::string why;
        if (auto line = cs::readExampleLine(doc.json, why))
            cs::readExampleLine(nlohmann::json::parse(cs::exampleLineText(*line)), why);
        break;
    }
    case 2: {
        cs::WorkspaceFile w;
        if (cs::readWorkspace(doc.json, w, {})) cs::readWorkspace(cs::workspaceJson(w), w, {});
        break;
    }
    case 3: cs::analysisSettingsJson(cs::readAnalysisSettings(doc.json, "settings", {})); break;
    case 4: {
        cs::MetricAliases a;
        if (cs::readAliases(doc.json, a).empty()) cs::aliasesJson(a);
        break;
    }
    }
    return 0;
}
