// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs {

/// The engine's LibTorch and the devices it sees, for --version: "LibTorch 1.13.0; devices:
/// cpu (2 cores)" and ", cuda (1 device)" when CUDA is there; ", cuda not available" when
/// this LibTorch was built with CUDA and sees none.
std::string engineSummary();

} // namespace cs
