// SPDX-License-Identifier: MIT
#pragma once
// Pieces the families share (engine-private).

#include "engine/families/family.h"

namespace cs {

/// [B × L × hidden] to [B × H × L × d].
torch::Tensor splitHeads(const torch::Tensor &x, int64_t heads);
/// [B × H × L × d] to [B × L × hidden].
torch::Tensor mergeHeads(const torch::Tensor &x);

/// The feed-forward half of a post-norm encoder layer: norm(out(act(in(x))) + x).
struct FeedForward
{
    LinearWeights in, out;
    NormWeights norm;
    std::string activation;
    /// Applies it.
    torch::Tensor operator()(const torch::Tensor &x) const;
};

/// Reads a post-norm layer's feed-forward weights: the input projection, the output projection
/// and the LayerNorm, by name.
FeedForward readFeedForward(const WeightStore &w, const std::string &in, const std::string &out,
                            const std::string &norm, const ModelConfig &config);

/// BERT's prediction head (dense, activation, LayerNorm, decoder tied to the word embeddings when
/// the checkpoint does not store it).
struct PredictionHead
{
    LinearWeights dense, decoder;
    NormWeights norm;
    std::string activation;
    /// Hidden vectors [n × hidden] to logits [n × vocab].
    torch::Tensor operator()(const torch::Tensor &h) const;
};

/// The family creators the factory registers.
std::unique_ptr<MaskedLmFamily> createBert(const ModelConfig &, const WeightStore &,
                                           AttentionBackend);
std::unique_ptr<MaskedLmFamily> createRoberta(const ModelConfig &, const WeightStore &,
                                              AttentionBackend);
std::unique_ptr<MaskedLmFamily> createElectra(const ModelConfig &, const WeightStore &,
                                              AttentionBackend);
std::unique_ptr<MaskedLmFamily> createDistilBert(const ModelConfig &, const WeightStore &,
                                                 AttentionBackend);
std::unique_ptr<MaskedLmFamily> createModernBert(const ModelConfig &, const WeightStore &,
                                                 AttentionBackend);
std::unique_ptr<MaskedLmFamily> createDebertaV2(const ModelConfig &, const WeightStore &,
                                                AttentionBackend);

} // namespace cs
