// SPDX-License-Identifier: MIT
#pragma once
// The tiling of the fused disentangled attention, shared by the CUDA kernel and its CPU
// reference (no LibTorch, no CUDA headers): a warp per query row, a lane per key of a tile,
// scores and bias never stored, softmax online across tiles.

#include <cmath>

#ifdef __CUDACC__
#define CS_TILE_FN __host__ __device__ __forceinline__
#else
#define CS_TILE_FN inline
#endif

namespace cs::tile {

constexpr int kKeys = 32;         ///< keys per tile: one per lane of a warp
constexpr int kRows = 16;         ///< query rows per thread block: one per warp
constexpr int kMaxDimPerLane = 4; ///< head dimensions up to 4 × 32 = 128

/// The relative slot of query i and key j: the table holds one per i − j, at i − j + L − 1.
CS_TILE_FN int slotOf(const int *slots, int length, int i, int j)
{
    return slots[i - j + length - 1];
}

/// Whether every key of the tile [j0, j1) has one slot for row i. Slots are monotone in i − j,
/// so the two ends decide; far from the diagonal the buckets saturate and whole tiles share
/// their edge slot: c2p is then one value per row and p2c one per column.
CS_TILE_FN bool uniformSlot(const int *slots, int length, int i, int j0, int j1)
{
    return slotOf(slots, length, i, j0) == slotOf(slots, length, i, j1 - 1);
}

/// The factor that moves a running softmax sum from one maximum to a larger one (0 from −∞).
CS_TILE_FN float rescale(float oldMax, float newMax)
{
    return oldMax == -INFINITY ? 0.0f : expf(oldMax - newMax);
}

} // namespace cs::tile
