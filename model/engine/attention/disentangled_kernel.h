// SPDX-License-Identifier: MIT
#pragma once
// The fused disentangled-attention CUDA kernel's launcher (disentangled_kernel.cu): plain
// pointers, so neither LibTorch nor CUDA headers are needed to call it.

#include <string>

namespace cs {

/// One layer's device buffers, contiguous, all of the element type given at launch.
struct DisentangledKernelArgs
{
    const void *q = nullptr, *k = nullptr, *v = nullptr; ///< [B × H × L × d]
    const void *c2p = nullptr;  ///< q·posKeyᵀ [B × H × L × slots], or nullptr
    const void *p2c = nullptr;  ///< k·posQueryᵀ [B × H × L × slots], or nullptr
    const int *slots = nullptr; ///< [2L − 1]: the slot of i − j
    const int *mask = nullptr;  ///< [B × L] of 0/1
    void *out = nullptr;        ///< [B × H × L × d]
    int batch = 0, heads = 0, length = 0, dim = 0, slotCount = 0;
    float invScale = 1; ///< 1 / √(d · scale factor)
};

/// Element types the kernel reads and writes (it computes in fp32).
enum class KernelElement { F32, BF16, F16 };

/// Launches the kernel on a CUDA stream (cudaStream_t as void *); "" or the CUDA error.
std::string launchDisentangledAttention(const DisentangledKernelArgs &args, KernelElement type,
                                        void *stream);

} // namespace cs
