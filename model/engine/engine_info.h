// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace cs {

/// The engine's LibTorch and the devices it sees, for --version: "LibTorch 1.13.0; devices:
/// cpu (2 cores)" and ", cuda (1 device)" when CUDA is there; ", cuda not available" when
/// this LibTorch was built with CUDA and sees none.
std::string engineSummary();

/// The attention backends (--attention) this build runs on the CPU: "plain", "sdpa" with
/// LibTorch 2.x, and "fused" (on the CPU its tiled reference; on CUDA the kernel, when
/// compiled).
std::vector<std::string> attentionBackends();

} // namespace cs
