// SPDX-License-Identifier: MIT
// DeBERTa-v2/v3 (transformers' modeling_deberta_v2, eval mode): disentangled attention with
// log-bucketed relative positions, the optional ConvLayer after the first layer, and either
// masked-LM head. Each layer's position tables (the relative embeddings through its key and
// query projections) do not depend on the input: they are computed once, at load.
#include "engine/families/family_parts.h"

#include <algorithm>
#include <cmath>

namespace cs {
namespace {

struct DebertaLayer
{
    LinearWeights qkv;      ///< query_proj, key_proj and value_proj stacked
    torch::Tensor posKey;   ///< [H × 2·span × d] (c2p), or undefined
    torch::Tensor posQuery; ///< [H × 2·span × d] (p2c), or undefined
    LinearWeights attentionOut;
    NormWeights attentionNorm;
    FeedForward feedForward;
};

/// transformers' ConvLayer (conv_kernel_size > 0).
struct DebertaConv
{
    torch::Tensor weight, bias;
    NormWeights norm;
    int64_t kernel = 0, groups = 1;
    std::string activation;
};

bool has(const std::vector<std::string> &list, const char *item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

class DebertaV2Family final : public MaskedLmFamily
{
  public:
    DebertaV2Family(const ModelConfig &c, const WeightStore &w, AttentionBackend attention)
        : m_config(c), m_attention(attention)
    {
        const int64_t h = c.hiddenSize;
        const std::string e = "deberta.embeddings.";
        m_wordEmbeddings = w.get(e + "word_embeddings.weight", {c.vocabSize, c.embeddingSize});
        if (c.positionBiasedInput) m_positionEmbeddings = w.get(e + "position_embeddings.weight");
        if (c.typeVocabSize > 0) m_tokenType = w.get(e + "token_type_embeddings.weight")[0];
        if (c.embeddingSize != c.hiddenSize)
            m_embedProjection = w.get(e + "embed_proj.weight", {h, c.embeddingSize});
        m_embeddingNorm = w.norm(e + "LayerNorm", h, c.layerNormEps);
        if (c.convKernelSize > 0) m_conv = readConv(w);
        const double factor = c.relativeAttention ? 1 + double(c.posAttType.size()) : 1;
        m_scale = std::sqrt(double(h / c.numHeads) * factor);

        torch::Tensor positions; // the relative embeddings the layers project
        if (c.relativeAttention) {
            const int64_t span = c.attentionSpan();
            const auto &table = w.get("deberta.encoder.rel_embeddings.weight");
            if (table.size(0) < 2 * span)
                throw std::runtime_error("rel_embeddings has " + std::to_string(table.size(0)) +
                                         " rows, the config needs " + std::to_string(2 * span));
            positions = table.slice(0, 0, 2 * span); // a longer table: only its first 2·span rows
            if (c.normRelEbdLayerNorm)
                positions = w.norm("deberta.encoder.LayerNorm", h, c.layerNormEps)(positions);
        }
        torch::NoGradGuard noGrad;
        for (int i = 0; i < c.numLayers; ++i)
            m_layers.push_back(readLayer(w, i, positions));
        readHead(w);
    }

    std::vector<torch::Tensor> encode(const torch::Tensor &ids,
                                      const torch::Tensor &mask) const override
    {
        auto x = torch::embedding(m_wordEmbeddings, ids);
        if (m_positionEmbeddings.defined())
            x = x +
                torch::embedding(m_positionEmbeddings, torch::arange(ids.size(1), ids.options()))
                    .unsqueeze(0);
        if (m_tokenType.defined()) x = x + m_tokenType;
        if (m_embedProjection.defined()) x = torch::matmul(x, m_embedProjection.t());
        x = m_embeddingNorm(x) * mask.unsqueeze(-1).to(x.dtype());
        DisentangledInputs in;
        in.slots = relativeSlots(ids.size(1), ids.device());
        in.mask = mask;
        in.scale = m_scale;
        in.preparePairs();
        std::vector<torch::Tensor> states{x};
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            states.push_back(layer(states.back(), m_layers[i], in));
            if (i == 0 && m_conv.kernel > 0)
                states.back() = conv(states.front(), states.back(), mask);
        }
        return states;
    }

    torch::Tensor head(const torch::Tensor &hidden) const override { return m_head(hidden); }

  private:
    DebertaLayer readLayer(const WeightStore &w, int i, const torch::Tensor &positions) const
    {
        const ModelConfig &c = m_config;
        const int64_t h = c.hiddenSize;
        const std::string l = "deberta.encoder.layer." + std::to_string(i) + ".";
        const std::string a = l + "attention.self.";
        DebertaLayer layer;
        const auto query = w.linear(a + "query_proj", h, h), key = w.linear(a + "key_proj", h, h);
        layer.qkv = stacked({query, key, w.linear(a + "value_proj", h, h)});
        if (positions.defined()) {
            const auto table = [&](const LinearWeights &projection) {
                return projection(positions)
                    .view({positions.size(0), c.numHeads, -1})
                    .permute({1, 0, 2})
                    .contiguous();
            };
            if (has(c.posAttType, "c2p"))
                layer.posKey = table(c.shareAttKey ? key : w.linear(a + "pos_key_proj", h, h));
            if (has(c.posAttType, "p2c"))
                layer.posQuery =
                    table(c.shareAttKey ? query : w.linear(a + "pos_query_proj", h, h));
        }
        layer.attentionOut = w.linear(l + "attention.output.dense", h, h);
        layer.attentionNorm = w.norm(l + "attention.output.LayerNorm", h, c.layerNormEps);
        layer.feedForward = readFeedForward(w, l + "intermediate.dense", l + "output.dense",
                                            l + "output.LayerNorm", c);
        return layer;
    }

    DebertaConv readConv(const WeightStore &w) const
    {
        const ModelConfig &c = m_config;
        const int64_t h = c.hiddenSize, k = c.convKernelSize, g = c.convGroups;
        if (k % 2 == 0)
            throw std::runtime_error("conv_kernel_size " + std::to_string(k) +
                                     " is even: the convolution would change the sequence length");
        if (g <= 0 || h % g != 0)
            throw std::runtime_error("conv_groups " + std::to_string(g) +
                                     " does not divide hidden_size " + std::to_string(h));
        activate(torch::zeros({1}), c.convAct);
        const std::string p = "deberta.encoder.conv.";
        return {w.get(p + "conv.weight", {h, h / g, k}),
                w.get(p + "conv.bias", {h}),
                w.norm(p + "LayerNorm", h, c.layerNormEps),
                k,
                g,
                c.convAct};
    }

    void readHead(const WeightStore &w)
    {
        const ModelConfig &c = m_config;
        const int64_t h = c.hiddenSize;
        if (w.has("lm_predictions.lm_head.dense.weight")) { // transformers 4.39 and later
            m_head.dense = w.linear("lm_predictions.lm_head.dense", h, h);
            m_head.norm = w.norm("lm_predictions.lm_head.LayerNorm", h, c.layerNormEps);
            m_head.decoder = {m_wordEmbeddings,
                              w.get("lm_predictions.lm_head.bias", {c.vocabSize})};
        } else {
            m_head.dense = w.linear("cls.predictions.transform.dense", h, h);
            m_head.norm = w.norm("cls.predictions.transform.LayerNorm", h, c.layerNormEps);
            m_head.decoder = {w.has("cls.predictions.decoder.weight")
                                  ? w.get("cls.predictions.decoder.weight", {c.vocabSize, h})
                                  : m_wordEmbeddings,
                              w.get("cls.predictions.bias", {c.vocabSize})};
        }
        m_head.activation = c.hiddenAct;
    }

    /// The slot of every relative position i − j in −(L−1) … L−1: log-bucketed when
    /// position_buckets > 0, then clamped into the 2·span rows of the position tables.
    torch::Tensor relativeSlots(int64_t length, const torch::Device &device) const
    {
        auto rel = torch::arange(-(length - 1), length,
                                 torch::TensorOptions().dtype(torch::kInt64).device(device));
        const int64_t buckets = m_config.positionBuckets;
        const int64_t maxPos = m_config.maxRelativePositions < 1 ? m_config.maxPositionEmbeddings
                                                                 : m_config.maxRelativePositions;
        if (buckets > 0 && maxPos > 0) {
            const int64_t mid = buckets / 2;
            const auto sign = torch::sign(rel);
            const auto absPos = torch::where((rel < mid) & (rel > -mid),
                                             torch::full_like(rel, mid - 1), torch::abs(rel));
            const auto logPos =
                torch::ceil(torch::log(absPos.to(torch::kFloat32) / double(mid)) /
                            std::log(double(maxPos - 1) / double(mid)) * double(mid - 1)) +
                double(mid);
            rel = torch::where(absPos <= mid, rel.to(torch::kFloat32), logPos * sign)
                      .to(torch::kInt64);
        }
        const int64_t span = m_config.attentionSpan();
        return torch::clamp(rel + span, 0, 2 * span - 1);
    }

    torch::Tensor layer(const torch::Tensor &x, const DebertaLayer &layer,
                        DisentangledInputs in) const
    {
        const int64_t heads = m_config.numHeads;
        const auto qkv = layer.qkv(x).chunk(3, -1);
        in.q = splitHeads(qkv[0], heads);
        in.k = splitHeads(qkv[1], heads);
        in.v = splitHeads(qkv[2], heads);
        in.posKey = layer.posKey;
        in.posQuery = layer.posQuery;
        const auto context = mergeHeads(disentangledAttention(in, m_attention));
        const auto attended = layer.attentionNorm(layer.attentionOut(context) + x);
        return layer.feedForward(attended);
    }

    /// The ConvLayer after the first layer: a 1-D convolution over the embeddings, padding
    /// positions zeroed, activated, added to the layer's output and normalised; padding zero
    /// again.
    torch::Tensor conv(const torch::Tensor &embedded, const torch::Tensor &layerOut,
                       const torch::Tensor &mask) const
    {
        auto out = torch::conv1d(embedded.permute({0, 2, 1}), m_conv.weight, m_conv.bias, 1,
                                 (m_conv.kernel - 1) / 2, 1, m_conv.groups)
                       .permute({0, 2, 1});
        const auto keep = mask.unsqueeze(-1);
        out = activate(out.masked_fill(keep.eq(0), 0), m_conv.activation);
        return m_conv.norm(layerOut + out) * keep.to(out.dtype());
    }

    ModelConfig m_config;
    AttentionBackend m_attention;
    double m_scale = 1;
    torch::Tensor m_wordEmbeddings, m_positionEmbeddings, m_tokenType, m_embedProjection;
    NormWeights m_embeddingNorm;
    DebertaConv m_conv;
    std::vector<DebertaLayer> m_layers;
    PredictionHead m_head;
};

} // namespace

std::unique_ptr<MaskedLmFamily> createDebertaV2(const ModelConfig &c, const WeightStore &w,
                                                AttentionBackend attention)
{
    return std::make_unique<DebertaV2Family>(c, w, attention);
}

void putRandomDebertaWeights(const ModelConfig &config, WeightStore &w, std::uint64_t seed)
{
    torch::manual_seed(seed);
    const int64_t h = config.hiddenSize, v = config.vocabSize, inter = config.intermediateSize;
    // Drawn in fp32 on the CPU, then converted: one seed gives the same weights in every dtype.
    const auto normal = [](std::vector<int64_t> shape) {
        return torch::randn(shape, torch::kFloat32) * 0.02;
    };
    const auto norm = [&](const std::string &name, int64_t size) {
        w.put(name + ".weight", torch::ones({size}));
        w.put(name + ".bias", torch::zeros({size}));
    };
    const auto linear = [&](const std::string &name, int64_t out, int64_t in) {
        w.put(name + ".weight", normal({out, in}));
        w.put(name + ".bias", torch::zeros({out}));
    };
    w.put("deberta.embeddings.word_embeddings.weight", normal({v, h}));
    norm("deberta.embeddings.LayerNorm", h);
    w.put("deberta.encoder.rel_embeddings.weight", normal({2 * config.attentionSpan(), h}));
    norm("deberta.encoder.LayerNorm", h);
    for (int i = 0; i < config.numLayers; ++i) {
        const std::string p = "deberta.encoder.layer." + std::to_string(i) + ".";
        for (const char *proj : {"query_proj", "key_proj", "value_proj"})
            linear(p + "attention.self." + proj, h, h);
        linear(p + "attention.output.dense", h, h);
        norm(p + "attention.output.LayerNorm", h);
        linear(p + "intermediate.dense", inter, h);
        linear(p + "output.dense", h, inter);
        norm(p + "output.LayerNorm", h);
    }
    linear("cls.predictions.transform.dense", h, h);
    norm("cls.predictions.transform.LayerNorm", h);
    w.put("cls.predictions.bias", torch::zeros({v}));
    // Options kf-deberta-base lacks, drawn last so that its weights stay those of the seed.
    if (config.positionBiasedInput)
        w.put("deberta.embeddings.position_embeddings.weight",
              normal({config.maxPositionEmbeddings, h}));
    for (int i = 0; i < config.numLayers && !config.shareAttKey; ++i) {
        const std::string p = "deberta.encoder.layer." + std::to_string(i) + ".attention.self.";
        if (has(config.posAttType, "c2p")) linear(p + "pos_key_proj", h, h);
        if (has(config.posAttType, "p2c")) linear(p + "pos_query_proj", h, h);
    }
}

} // namespace cs
