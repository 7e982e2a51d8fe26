// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// What changed between two checkpoints on one metric, example by example.
struct Flips
{
    std::string metric;              ///< metric id
    std::vector<std::string> lost;   ///< right at "from", wrong at "to" (in "to"'s order)
    std::vector<std::string> gained; ///< wrong at "from", right at "to"
    std::int64_t paired = 0;         ///< examples both recorded
    std::int64_t bothRight = 0;      ///< right at both
    double p = 1.0;                  ///< exact McNemar p of lost vs gained
};

/// The flips of a metric from one checkpoint to another, from per-example records. nullopt,
/// with the reason in why, unless both record every example of one set (a partial record would
/// test a subset).
std::optional<Flips> flipsBetween(const Checkpoint &from, const Checkpoint &to,
                                  const std::string &metric, std::string *why = nullptr);

} // namespace cs
