// SPDX-License-Identifier: MIT
// What --version prints, for both programs: the version (from CMake's project()) and the
// engine: its LibTorch and the devices it sees.
#pragma once

#ifdef CLOZESCOPE_HAVE_ENGINE
#include "engine/engine_info.h"
#endif

#include <string>

namespace cs {

/// "<program> <version>" and a line about the engine.
inline std::string versionText(const std::string &program)
{
    std::string text = program + " " CLOZESCOPE_VERSION "\n";
#ifdef CLOZESCOPE_HAVE_ENGINE
    text += engineSummary();
#else
    text += "built without the engine (LibTorch was not found): results, reports and charts";
#endif
    return text;
}

} // namespace cs
