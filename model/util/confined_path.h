// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

namespace cs {

/// A path named inside a file (a results file's sidecar, a sharded checkpoint's weight file),
/// resolved inside folder only: an absolute path, or one whose "..", or a symbolic link on the
/// way, leaves the folder, gives nullopt and the reason in why.
std::optional<std::string> pathInside(const std::string &folder, const std::string &named,
                                      std::string &why);

} // namespace cs
