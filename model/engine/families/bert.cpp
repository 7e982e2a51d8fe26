// SPDX-License-Identifier: MIT
// BERT and RoBERTa (transformers' modeling_bert / modeling_roberta, eval mode): absolute
// positions (RoBERTa's counted past the padding id), post-norm layers with one fused QKV
// projection.
#include "engine/families/family_parts.h"

namespace cs {
namespace {

struct BertLayer
{
    LinearWeights qkv; ///< query, key and value stacked
    LinearWeights attentionOut;
    NormWeights attentionNorm;
    FeedForward feedForward;
};

class BertFamily final : public MaskedLmFamily
{
  public:
    BertFamily(const ModelConfig &c, const WeightStore &w, AttentionBackend attention, bool roberta)
        : m_config(c), m_attention(attention), m_roberta(roberta)
    {
        const std::string p = roberta ? "roberta." : "bert.";
        const int64_t h = c.hiddenSize;
        m_wordEmbeddings =
            w.get(p + "embeddings.word_embeddings.weight", {c.vocabSize, c.embeddingSize});
        m_positionEmbeddings = w.get(p + "embeddings.position_embeddings.weight");
        if (c.typeVocabSize > 0)
            m_tokenType = w.get(p + "embeddings.token_type_embeddings.weight")[0];
        m_embeddingNorm = w.norm(p + "embeddings.LayerNorm", h, c.layerNormEps);
        for (int i = 0; i < c.numLayers; ++i) {
            const std::string l = p + "encoder.layer." + std::to_string(i) + ".";
            const std::string a = l + "attention.self.";
            m_layers.push_back({stacked({w.linear(a + "query", h, h), w.linear(a + "key", h, h),
                                         w.linear(a + "value", h, h)}),
                                w.linear(l + "attention.output.dense", h, h),
                                w.norm(l + "attention.output.LayerNorm", h, c.layerNormEps),
                                readFeedForward(w, l, c)});
        }
        const std::string hp = roberta ? "lm_head." : "cls.predictions.";
        const std::string transform = roberta ? "lm_head." : "cls.predictions.transform.";
        m_head.dense = w.linear(transform + "dense", h, h);
        m_head.norm = w.norm(transform + (roberta ? "layer_norm" : "LayerNorm"), h, c.layerNormEps);
        m_head.activation = roberta ? "gelu" : c.hiddenAct;
        m_head.decoder.weight = w.has(hp + "decoder.weight")
                                    ? w.get(hp + "decoder.weight", {c.vocabSize, h})
                                    : m_wordEmbeddings; // tied, absent from safetensors
        m_head.decoder.bias = w.get(hp + "bias", {c.vocabSize});
    }

    std::vector<torch::Tensor> encode(const torch::Tensor &ids,
                                      const torch::Tensor &mask) const override
    {
        std::vector<torch::Tensor> states{embed(ids)};
        const int64_t heads = m_config.numHeads;
        for (const auto &layer : m_layers) {
            const auto &x = states.back();
            const auto qkv = layer.qkv(x).chunk(3, -1);
            const auto context =
                dotProductAttention(splitHeads(qkv[0], heads), splitHeads(qkv[1], heads),
                                    splitHeads(qkv[2], heads), mask, m_attention);
            const auto attended = layer.attentionNorm(layer.attentionOut(mergeHeads(context)) + x);
            states.push_back(layer.feedForward(attended));
        }
        return states;
    }

    torch::Tensor head(const torch::Tensor &hidden) const override { return m_head(hidden); }

  private:
    torch::Tensor embed(const torch::Tensor &ids) const
    {
        torch::Tensor positions;
        if (m_roberta) {
            const auto notPad = ids.ne(m_config.padTokenId).to(torch::kInt64);
            positions = torch::cumsum(notPad, 1) * notPad + m_config.padTokenId;
        } else {
            positions = torch::arange(ids.size(1), ids.options()).unsqueeze(0).expand_as(ids);
        }
        auto x = torch::embedding(m_wordEmbeddings, ids) +
                 torch::embedding(m_positionEmbeddings, positions);
        if (m_tokenType.defined()) x = x + m_tokenType;
        return m_embeddingNorm(x);
    }

    ModelConfig m_config;
    AttentionBackend m_attention;
    bool m_roberta;
    torch::Tensor m_wordEmbeddings, m_positionEmbeddings, m_tokenType;
    NormWeights m_embeddingNorm;
    std::vector<BertLayer> m_layers;
    PredictionHead m_head;
};

} // namespace

std::unique_ptr<MaskedLmFamily> createBert(const ModelConfig &c, const WeightStore &w,
                                           AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, false);
}

std::unique_ptr<MaskedLmFamily> createRoberta(const ModelConfig &c, const WeightStore &w,
                                              AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, true);
}

} // namespace cs
