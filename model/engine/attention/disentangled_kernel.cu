// SPDX-License-Identifier: MIT
// Fused disentangled attention (DeBERTa-v2/v3) on CUDA: never materialises the L × L scores or
// bias. A thread block takes kRows query rows of one (batch, head), a warp per row; keys come in
// tiles of 32 through shared memory, a lane per key. Each lane adds to q·k the c2p and p2c
// values gathered by the pair's relative slot from tables computed once per layer (L × slots,
// by cuBLAS), and the softmax runs online across tiles with fp32 accumulators. The same tiling
// runs on the CPU in disentangled_tiled.cpp (disentangledTiled), where the tests check it.
#include "engine/attention/disentangled_kernel.h"
#include "engine/attention/disentangled_tile.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cfloat>
#include <cstddef>

namespace cs {
namespace {

__device__ __forceinline__ float toFloat(float x)
{
    return x;
}
__device__ __forceinline__ float toFloat(__nv_bfloat16 x)
{
    return __bfloat162float(x);
}
__device__ __forceinline__ float toFloat(__half x)
{
    return __half2float(x);
}
template <class T> __device__ __forceinline__ T fromFloat(float x);
template <> __device__ __forceinline__ float fromFloat<float>(float x)
{
    return x;
}
template <> __device__ __forceinline__ __nv_bfloat16 fromFloat<__nv_bfloat16>(float x)
{
    return __float2bfloat16(x);
}
template <> __device__ __forceinline__ __half fromFloat<__half>(float x)
{
    return __float2half(x);
}

__device__ __forceinline__ float warpMax(float x)
{
    for (int offset = 16; offset > 0; offset /= 2)
        x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, offset));
    return x;
}

__device__ __forceinline__ float warpSum(float x)
{
    for (int offset = 16; offset > 0; offset /= 2)
        x += __shfl_xor_sync(0xffffffffu, x, offset);
    return x;
}

template <class T>
__global__ void __launch_bounds__(tile::kRows * 32) disentangledKernel(DisentangledKernelArgs a)
{
    extern __shared__ float shared[];
    const int d = a.dim, L = a.length;
    float *qTile = shared;                  // [kRows × d]
    float *kTile = qTile + tile::kRows * d; // [kKeys × (d + 1)], padded against bank conflicts
    float *vTile = kTile + tile::kKeys * (d + 1); // [kKeys × d]
    const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
    const int bh = blockIdx.y, b = bh / a.heads;
    const int i = blockIdx.x * tile::kRows + warp;
    const bool hasRow = i < L;
    const std::size_t base = std::size_t(bh) * L;
    const T *q = static_cast<const T *>(a.q) + base * d;
    const T *k = static_cast<const T *>(a.k) + base * d;
    const T *v = static_cast<const T *>(a.v) + base * d;
    const T *c2p = a.c2p ? static_cast<const T *>(a.c2p) + base * a.slotCount : nullptr;
    const T *p2c = a.p2c ? static_cast<const T *>(a.p2c) + base * a.slotCount : nullptr;
    const int *mask = a.mask + std::size_t(b) * L;
    for (int c = lane; c < d; c += 32)
        qTile[warp * d + c] = hasRow ? toFloat(q[std::size_t(i) * d + c]) : 0.0f;
    const bool rowKept = hasRow && mask[i] != 0;

    float runMax = -INFINITY, runSum = 0;
    float acc[tile::kMaxDimPerLane] = {};
    for (int j0 = 0; j0 < L; j0 += tile::kKeys) {
        const int j1 = min(j0 + tile::kKeys, L);
        __syncthreads(); // the previous tile is used up
        for (int x = threadIdx.x; x < tile::kKeys * d; x += blockDim.x) {
            const int r = x / d, c = x % d, j = j0 + r;
            kTile[r * (d + 1) + c] = j < L ? toFloat(k[std::size_t(j) * d + c]) : 0.0f;
            vTile[r * d + c] = j < L ? toFloat(v[std::size_t(j) * d + c]) : 0.0f;
        }
        __syncthreads();
        if (!hasRow) continue;
        const int j = j0 + lane;
        float s = -INFINITY; // keys past the end take no part
        if (j < L) {
            if (rowKept && mask[j] != 0) {
                float dot = 0;
                for (int c = 0; c < d; ++c)
                    dot += qTile[warp * d + c] * kTile[lane * (d + 1) + c];
                const bool uniform = tile::uniformSlot(a.slots, L, i, j0, j1);
                const int slot = tile::slotOf(a.slots, L, i, uniform ? j0 : j);
                if (c2p) dot += toFloat(c2p[std::size_t(i) * a.slotCount + slot]);
                if (p2c) dot += toFloat(p2c[std::size_t(j) * a.slotCount + slot]);
                s = dot * a.invScale;
            } else {
                s = -FLT_MAX; // a pair with padding, as transformers' masked_fill
            }
        }
        const float newMax = fmaxf(runMax, warpMax(s));
        const float correction = tile::rescale(runMax, newMax);
        const float p = j < L ? expf(s - newMax) : 0.0f;
        runSum = runSum * correction + warpSum(p);
        for (int r = 0; r < tile::kMaxDimPerLane; ++r)
            acc[r] *= correction;
        for (int t = 0; t < j1 - j0; ++t) {
            const float pt = __shfl_sync(0xffffffffu, p, t);
            for (int r = 0; r < tile::kMaxDimPerLane; ++r) {
                const int c = lane + 32 * r;
                if (c < d) acc[r] += pt * vTile[t * d + c];
            }
        }
        runMax = newMax;
    }
    if (!hasRow) return;
    T *out = static_cast<T *>(a.out) + (base + i) * d;
    for (int r = 0; r < tile::kMaxDimPerLane; ++r) {
        const int c = lane + 32 * r;
        if (c < d) out[c] = fromFloat<T>(acc[r] / runSum);
    }
}

template <class T> std::string launch(const DisentangledKernelArgs &a, cudaStream_t stream)
{
    const dim3 grid((a.length + tile::kRows - 1) / tile::kRows, a.batch * a.heads);
    const std::size_t shared =
        sizeof(float) * (tile::kRows * a.dim + tile::kKeys * (a.dim + 1) + tile::kKeys * a.dim);
    disentangledKernel<T><<<grid, tile::kRows * 32, shared, stream>>>(a);
    const cudaError_t e = cudaGetLastError();
    return e == cudaSuccess ? std::string() : std::string(cudaGetErrorString(e));
}

} // namespace

std::string launchDisentangledAttention(const DisentangledKernelArgs &args, KernelElement type,
                                        void *stream)
{
    if (args.dim > 32 * tile::kMaxDimPerLane)
        return "head size " + std::to_string(args.dim) + " above the fused kernel's " +
               std::to_string(32 * tile::kMaxDimPerLane);
    const auto s = static_cast<cudaStream_t>(stream);
    switch (type) {
    case KernelElement::BF16: return launch<__nv_bfloat16>(args, s);
    case KernelElement::F16: return launch<__half>(args, s);
    case KernelElement::F32: break;
    }
    return launch<float>(args, s);
}

} // namespace cs
