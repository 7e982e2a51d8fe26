// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

namespace cs {

/// Whether a symbolic link inside the folder may lead outside it.
enum class LinksOut { Refused, Followed };

/// A path named inside a file (a results file's sidecar, a sharded checkpoint's weight file),
/// resolved inside folder only: an absolute path, or one whose ".." leaves the folder, gives
/// nullopt and the reason in why; so does a symbolic link on the way that leads out, unless
/// links are Followed (the Hugging Face cache links a checkpoint's files to its blobs).
std::optional<std::string> pathInside(const std::string &folder, const std::string &named,
                                      std::string &why, LinksOut links = LinksOut::Refused);

} // namespace cs
