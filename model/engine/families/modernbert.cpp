// SPDX-License-Identifier: MIT
// ModernBERT (transformers' modeling_modernbert, eval mode): pre-norm layers without biases
// (unless the checkpoint has them), one fused Wqkv, rotary positions with a base per layer kind,
// local layers attending within ± local_attention / 2, a GeGLU feed-forward, a final norm, and
// a dense-activation-norm head with the decoder tied to the embeddings.
#include "engine/families/family_parts.h"

namespace cs {
namespace {

struct ModernBertLayer
{
    NormWeights attentionNorm; ///< undefined weight for the first layer (identity)
    LinearWeights qkv, attentionOut;
    NormWeights mlpNorm;
    LinearWeights mlpIn, mlpOut; ///< Wi (input and gate stacked), Wo
    bool sliding = false;
};

/// x with the halves of its last dimension rotated: (−x₂, x₁).
torch::Tensor rotateHalf(const torch::Tensor &x)
{
    const auto halves = x.chunk(2, -1);
    return torch::cat({-halves[1], halves[0]}, -1);
}

class ModernBertFamily final : public MaskedLmFamily
{
  public:
    ModernBertFamily(const ModelConfig &c, const WeightStore &w, AttentionBackend attention)
        : m_config(c), m_attention(attention)
    {
        const int64_t h = c.hiddenSize, inter = c.intermediateSize;
        const double eps = c.layerNormEps;
        m_embeddings = w.get("model.embeddings.tok_embeddings.weight", {c.vocabSize, h});
        m_embeddingNorm = w.norm("model.embeddings.norm", h, eps, c.normBias);
        for (int i = 0; i < c.numLayers; ++i) {
            const std::string p = "model.layers." + std::to_string(i) + ".";
            ModernBertLayer l;
            if (i > 0) l.attentionNorm = w.norm(p + "attn_norm", h, eps, c.normBias);
            l.qkv = w.linear(p + "attn.Wqkv", 3 * h, h, false);
            l.attentionOut = w.linear(p + "attn.Wo", h, h, false);
            l.mlpNorm = w.norm(p + "mlp_norm", h, eps, c.normBias);
            l.mlpIn = w.linear(p + "mlp.Wi", 2 * inter, h, false);
            l.mlpOut = w.linear(p + "mlp.Wo", h, inter, false);
            l.sliding = c.slidingLayers.at(std::size_t(i));
            m_layers.push_back(l);
        }
        m_finalNorm = w.norm("model.final_norm", h, eps, c.normBias);
        activate(torch::zeros({1}), c.classifierAct); // an unknown name is refused here
        m_head.dense = w.linear("head.dense", h, h, false);
        m_head.norm = w.norm("head.norm", h, eps, c.normBias);
        m_head.activation = c.classifierAct;
        m_head.decoder.weight =
            w.has("decoder.weight") ? w.get("decoder.weight", {c.vocabSize, h}) : m_embeddings;
        if (c.decoderBias) m_head.decoder.bias = w.get("decoder.bias", {c.vocabSize});
    }

    std::vector<torch::Tensor> encode(const torch::Tensor &ids,
                                      const torch::Tensor &mask) const override
    {
        auto x = m_embeddingNorm(torch::embedding(m_embeddings, ids));
        std::vector<torch::Tensor> states{x};
        const int64_t L = ids.size(1), heads = m_config.numHeads;
        const auto padding = keyPaddingMask(mask, x.scalar_type()); // [B × 1 × 1 × L]
        // Local layers also keep out keys farther than half the window: [1 × 1 × L × L].
        const auto at = torch::arange(L, ids.options());
        const auto far = (at.unsqueeze(1) - at.unsqueeze(0)).abs() > m_config.localAttention / 2;
        const auto local = padding + torch::zeros({L, L}, x.options())
                                         .masked_fill(far, lowestOf(x.scalar_type()))
                                         .view({1, 1, L, L});
        const auto global = rotary(L, m_config.globalRopeTheta, x);
        const auto windowed = rotary(L, m_config.localRopeTheta, x);
        for (const auto &layer : m_layers) {
            const auto in = layer.attentionNorm.weight.defined() ? layer.attentionNorm(x) : x;
            auto qkv = layer.qkv(in).view({x.size(0), L, 3, heads, -1}).permute({2, 0, 3, 1, 4});
            const auto &[cos, sin] = layer.sliding ? windowed : global;
            const auto q = qkv[0] * cos + rotateHalf(qkv[0]) * sin;
            const auto k = qkv[1] * cos + rotateHalf(qkv[1]) * sin;
            const auto context =
                dotProductAttention(q, k, qkv[2], layer.sliding ? local : padding, m_attention);
            x = x + layer.attentionOut(mergeHeads(context));
            const auto gated = layer.mlpIn(layer.mlpNorm(x)).chunk(2, -1);
            x = x + layer.mlpOut(activate(gated[0], m_config.hiddenAct) * gated[1]);
            states.push_back(x);
        }
        states.back() = m_finalNorm(x); // transformers' last hidden state is normalised
        return states;
    }

    torch::Tensor head(const torch::Tensor &hidden) const override { return m_head(hidden); }

  private:
    /// cos and sin [L × d] of the rotary positions 0 … L−1 with this base, in fp32 then the
    /// model's type.
    std::pair<torch::Tensor, torch::Tensor> rotary(int64_t L, double theta,
                                                   const torch::Tensor &like) const
    {
        const int64_t d = m_config.hiddenSize / m_config.numHeads;
        const auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(like.device());
        const auto inverse =
            1.0 / torch::pow(theta, torch::arange(0, d, 2, f32) / double(d)); // [d / 2]
        const auto freqs = torch::outer(torch::arange(L, f32), inverse);
        const auto angles = torch::cat({freqs, freqs}, -1);
        return {angles.cos().to(like.scalar_type()), angles.sin().to(like.scalar_type())};
    }

    ModelConfig m_config;
    AttentionBackend m_attention;
    torch::Tensor m_embeddings;
    NormWeights m_embeddingNorm, m_finalNorm;
    std::vector<ModernBertLayer> m_layers;
    PredictionHead m_head;
};

} // namespace

std::unique_ptr<MaskedLmFamily> createModernBert(const ModelConfig &c, const WeightStore &w,
                                                 AttentionBackend attention)
{
    return std::make_unique<ModernBertFamily>(c, w, attention);
}

} // namespace cs
