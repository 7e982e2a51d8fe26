// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs {

/// Writes a benchmark tree: runs × checkpoints result files in the first user's evaluator
/// format (runs alternate 1536/2048 tokens, two per experiment) and a workspace file with
/// each run's steps per epoch. Deterministic.
void writeBenchTree(const std::string &root, int runs, int checkpoints);

} // namespace cs
