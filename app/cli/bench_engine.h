// SPDX-License-Identifier: MIT
// Engine benchmarks on kf-deberta-base's configuration with random weights.
#pragma once

#include "engine/masked_lm.h"

namespace cs::cli {

/// `bench fill-mask`: latency and peak memory of one fill-mask with kf-deberta-base's
/// configuration (random weights) on a device (CPU threads count on the CPU). Returns the exit
/// status.
int benchFillMask(int repeat, int tokens, const EngineOptions &engine, bool json);

/// `bench eval`: evaluation throughput (examples/s, one masked token each) of kf-deberta-base's
/// configuration in batches, and top-1 agreement with fp32 on the same weights.
int benchEval(int repeat, int tokens, int batch, const EngineOptions &engine, bool json);

} // namespace cs::cli
