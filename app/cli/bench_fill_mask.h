// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs::cli {

/// `bench fill-mask`: latency and peak memory of one fill-mask with kf-deberta-base's
/// configuration (random weights) on the CPU. Returns the exit status.
int benchFillMask(int repeat, int threads, int tokens, const std::string &dtype, bool json);

} // namespace cs::cli
