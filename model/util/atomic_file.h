// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs {

/// Writes a file atomically: a temporary file beside it, then a rename. Returns "" on
/// success, otherwise the reason.
std::string writeFileAtomically(const std::string &path, const std::string &content);

} // namespace cs
