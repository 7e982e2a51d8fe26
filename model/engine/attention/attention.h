// SPDX-License-Identifier: MIT
#pragma once
// Attention backends (engine-private: includes LibTorch). Every backend computes the same
// function; tests hold each to the plain path.

#include "engine/torch_support.h"

#include <string>

namespace cs {

/// How attention is computed.
enum class AttentionBackend {
    Plain, ///< matmul, softmax, matmul: the L × L scores materialised (transformers' eager path)
    Sdpa, ///< LibTorch's scaled_dot_product_attention (≥ 2.0), DeBERTa's bias as an additive mask
    Fused ///< DeBERTa: one kernel with the relative bias gathered per tile and an online softmax
};

/// The backend for an option value ("auto", "plain", "sdpa", "fused") on a device; throws
/// naming why a requested one is not available here.
AttentionBackend chooseAttention(const std::string &name, const torch::Device &device);
/// The option value of a backend.
const char *attentionName(AttentionBackend backend);
/// Whether this LibTorch has scaled_dot_product_attention.
bool haveSdpa();
/// Whether the fused CUDA kernel was compiled in (the CUDA configuration).
bool haveFusedKernel();

/// The additive mask [B × 1 × 1 × L] that keeps padding keys out: 0, or the type's lowest
/// value; mask [B × L] of 0/1.
torch::Tensor keyPaddingMask(const torch::Tensor &mask, torch::ScalarType type);

/// softmax(q kᵀ/√d + additive) v for BERT-style layers; q, k, v [B × H × L × d], additive
/// broadcastable to [B × H × L × L]; Fused means LibTorch's own fused kernels (sdpa) where
/// present.
torch::Tensor dotProductAttention(const torch::Tensor &q, const torch::Tensor &k,
                                  const torch::Tensor &v, const torch::Tensor &additive,
                                  AttentionBackend backend);

/// DeBERTa-v2/v3's disentangled attention of one layer.
struct DisentangledInputs
{
    torch::Tensor q, k, v; ///< [B × H × L × d]
    torch::Tensor posKey;  ///< [H × 2·span × d]: relative embeddings by the key projection (c2p)
    torch::Tensor posQuery; ///< [H × 2·span × d]: by the query projection (p2c)
    torch::Tensor slots; ///< [2L − 1] int64: the relative slot of i − j at index i − j + L − 1
    torch::Tensor mask; ///< [B × L] 0/1
    double scale = 1;   ///< √(d · scale factor)
    // The same for every layer of a forward pass (preparePairs), used by plain and sdpa:
    torch::Tensor slotPairs;           ///< [L × L]: slot(i − j)
    torch::Tensor slotPairsTransposed; ///< [L × L]: slot(j − i)
    torch::Tensor paddedPairs;         ///< [B × 1 × L × L]: pairs with padding on either side

    /// Fills the per-forward pair tables from slots and mask (once, not per layer).
    void preparePairs();
};

/// softmax((q kᵀ + c2p + p2c) / scale, pairs with padding excluded) v: [B × H × L × d].
torch::Tensor disentangledAttention(const DisentangledInputs &in, AttentionBackend backend);

/// The fused backend's algorithm on the CPU, tile by tile as the CUDA kernel runs it
/// (disentangled_tile.h); fp32 in and out. c2p, p2c: q·posKeyᵀ and k·posQueryᵀ [B × H × L × 2·span]
/// or undefined.
torch::Tensor disentangledTiled(const torch::Tensor &q, const torch::Tensor &k,
                                const torch::Tensor &v, const torch::Tensor &c2p,
                                const torch::Tensor &p2c, const torch::Tensor &slots,
                                const torch::Tensor &mask, double scale);

} // namespace cs
