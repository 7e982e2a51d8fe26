// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace cs {

/// Deepest bracket nesting of JSON text, strings skipped: checked before parsing, since
/// copying or printing a document nested 100 000 deep recurses until the stack runs out.
std::size_t jsonNestingDepth(const std::string &text);

} // namespace cs
