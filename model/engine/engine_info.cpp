// SPDX-License-Identifier: MIT
#include "engine/engine_info.h"

#include "engine/attention/attention.h"

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
    out += "; attention: ";
    for (const auto &name : attentionBackends())
        out += name + (name == "fused" && haveFusedKernel() ? " (CUDA kernel), " : ", ");
    out.resize(out.size() - 2);
    return out;
}

std::vector<std::string> attentionBackends()
{
    std::vector<std::string> names{"plain"};
    if (haveSdpa()) names.push_back("sdpa");
    names.push_back("fused");
    return names;
}

} // namespace cs
