// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// Writes a benchmark tree: runs × checkpoints result files in the first user's evaluator
/// format (runs alternate 1536/2048 tokens, two per experiment) and a workspace file with
/// each run's steps per epoch. Deterministic.
void writeBenchTree(const std::string &root, int runs, int checkpoints);

/// The benchmarks' timing loop: milliseconds of repeat calls of f, sorted (the median is the
/// middle one, the minimum the first).
std::vector<double> timeRepeated(int repeat, const std::function<void()> &f);

} // namespace cs
