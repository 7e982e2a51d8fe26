// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs {

/// SHA-256 of bytes, as 64 lowercase hex digits (FIPS 180-4).
std::string sha256Hex(const std::string &bytes);

} // namespace cs
