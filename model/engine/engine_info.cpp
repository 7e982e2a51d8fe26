// SPDX-License-Identifier: MIT
#include "engine/engine_info.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <thread>

namespace cs {

std::string engineSummary()
{
    const unsigned cores = std::thread::hardware_concurrency();
    std::string out = std::string("LibTorch ") + TORCH_VERSION + "; devices: cpu (" +
                      std::to_string(cores) + (cores == 1 ? " core)" : " cores)");
    if (torch::cuda::is_available()) {
        const auto n = torch::cuda::device_count();
        out += ", cuda (" + std::to_string(n) + (n == 1 ? " device)" : " devices)");
    } else if (at::hasCUDA()) {
        out += ", cuda not available (no driver or no GPU)";
    }
    return out;
}

} // namespace cs
