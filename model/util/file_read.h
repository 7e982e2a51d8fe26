// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace cs {

/// Files larger than this are not read whole unless a caller allows more (results, cloze sets
/// and tokenizer files are far smaller).
constexpr std::uintmax_t kMaxReadBytes = std::uintmax_t(1) << 30;

/// Reads a whole regular file into out; false and the reason in error for anything else: a
/// missing file, a folder, a device such as /dev/zero, a pipe, or a file over maxBytes. The
/// reason does not repeat the path.
bool readRegularFile(const std::string &path, std::string &out, std::string &error,
                     std::uintmax_t maxBytes = kMaxReadBytes);

} // namespace cs
