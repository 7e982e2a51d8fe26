// SPDX-License-Identifier: MIT
// BERT-style encoders (transformers' modeling_bert, _roberta, _xlm_roberta, _electra,
// _distilbert; eval mode): absolute positions (RoBERTa's counted past the padding id), post-norm
// layers with one fused QKV projection, a dense-activation-LayerNorm-decoder head. The families
// differ in weight names, ELECTRA's embedding projection and head sizes, and DistilBERT's config.
#include "engine/families/family_parts.h"

namespace cs {
namespace {

/// Where a family keeps its weights and how its head activates.
struct BertLayout
{
    std::string embeddings;          ///< word/position/token type embeddings and LayerNorm
    std::string embeddingProjection; ///< ELECTRA's embeddings_project (embedding ≠ hidden size)
    std::string layers;              ///< prefix of "<i>." for each layer
    std::string query, key, value, attentionOut, attentionNorm; ///< within a layer
    std::string intermediate, output, outputNorm;               ///< within a layer
    std::string headDense, headNorm, decoder, decoderBias;      ///< the masked-LM head
    bool headGelu = false;             ///< the head's activation is gelu whatever hidden_act says
    bool positionsPastPadding = false; ///< RoBERTa's positions: padding id + 1 + index
};

BertLayout bertLayout(const std::string &base)
{
    BertLayout l;
    l.embeddings = base + "embeddings.";
    l.layers = base + "encoder.layer.";
    l.query = "attention.self.query";
    l.key = "attention.self.key";
    l.value = "attention.self.value";
    l.attentionOut = "attention.output.dense";
    l.attentionNorm = "attention.output.LayerNorm";
    l.intermediate = "intermediate.dense";
    l.output = "output.dense";
    l.outputNorm = "output.LayerNorm";
    l.headDense = "cls.predictions.transform.dense";
    l.headNorm = "cls.predictions.transform.LayerNorm";
    l.decoder = "cls.predictions.decoder.weight";
    l.decoderBias = "cls.predictions.bias";
    return l;
}

BertLayout robertaLayout()
{
    BertLayout l = bertLayout("roberta."); // XLM-RoBERTa keeps RoBERTa's names
    l.headDense = "lm_head.dense";
    l.headNorm = "lm_head.layer_norm";
    l.decoder = "lm_head.decoder.weight";
    l.decoderBias = "lm_head.bias";
    l.headGelu = true;
    l.positionsPastPadding = true;
    return l;
}

BertLayout electraLayout()
{
    BertLayout l = bertLayout("electra.");
    l.embeddingProjection = "electra.embeddings_project";
    l.headDense = "generator_predictions.dense";
    l.headNorm = "generator_predictions.LayerNorm";
    l.decoder = "generator_lm_head.weight";
    l.decoderBias = "generator_lm_head.bias";
    l.headGelu = true;
    return l;
}

BertLayout distilBertLayout()
{
    BertLayout l;
    l.embeddings = "distilbert.embeddings.";
    l.layers = "distilbert.transformer.layer.";
    l.query = "attention.q_lin";
    l.key = "attention.k_lin";
    l.value = "attention.v_lin";
    l.attentionOut = "attention.out_lin";
    l.attentionNorm = "sa_layer_norm";
    l.intermediate = "ffn.lin1";
    l.output = "ffn.lin2";
    l.outputNorm = "output_layer_norm";
    l.headDense = "vocab_transform";
    l.headNorm = "vocab_layer_norm";
    l.decoder = "vocab_projector.weight";
    l.decoderBias = "vocab_projector.bias";
    return l;
}

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
    BertFamily(const ModelConfig &c, const WeightStore &w, AttentionBackend attention,
               const BertLayout &l)
        : m_config(c), m_attention(attention), m_positionsPastPadding(l.positionsPastPadding)
    {
        const int64_t h = c.hiddenSize, e = c.embeddingSize;
        m_wordEmbeddings = w.get(l.embeddings + "word_embeddings.weight", {c.vocabSize, e});
        m_positionEmbeddings = w.get(l.embeddings + "position_embeddings.weight");
        if (c.typeVocabSize > 0)
            m_tokenType = w.get(l.embeddings + "token_type_embeddings.weight")[0];
        m_embeddingNorm = w.norm(l.embeddings + "LayerNorm", e, c.layerNormEps);
        if (e != h) {
            if (l.embeddingProjection.empty())
                throw std::runtime_error("embedding_size " + std::to_string(e) +
                                         " differs from hidden_size " + std::to_string(h) +
                                         ": model_type \"" + c.modelType + "\" has no projection");
            m_embeddingProjection = w.linear(l.embeddingProjection, h, e);
        }
        for (int i = 0; i < c.numLayers; ++i) {
            const std::string p = l.layers + std::to_string(i) + ".";
            m_layers.push_back(
                {stacked({w.linear(p + l.query, h, h), w.linear(p + l.key, h, h),
                          w.linear(p + l.value, h, h)}),
                 w.linear(p + l.attentionOut, h, h), w.norm(p + l.attentionNorm, h, c.layerNormEps),
                 readFeedForward(w, p + l.intermediate, p + l.output, p + l.outputNorm, c)});
        }
        // ELECTRA's generator head maps back to the embedding size; the others keep hidden.
        const int64_t headOut = l.embeddingProjection.empty() ? h : e;
        m_head.dense = w.linear(l.headDense, headOut, h);
        m_head.norm = w.norm(l.headNorm, headOut, c.layerNormEps);
        m_head.activation = l.headGelu ? "gelu" : c.hiddenAct;
        m_head.decoder.weight = w.has(l.decoder) ? w.get(l.decoder, {c.vocabSize, headOut})
                                                 : m_wordEmbeddings; // tied, absent from the file
        m_head.decoder.bias = w.get(l.decoderBias, {c.vocabSize});
    }

    std::vector<torch::Tensor> encode(const torch::Tensor &ids,
                                      const torch::Tensor &mask) const override
    {
        std::vector<torch::Tensor> states{embed(ids)};
        const int64_t heads = m_config.numHeads;
        const auto additive = keyPaddingMask(mask, states.back().scalar_type());
        for (const auto &layer : m_layers) {
            const auto &x = states.back();
            const auto qkv = layer.qkv(x).chunk(3, -1);
            const auto context =
                dotProductAttention(splitHeads(qkv[0], heads), splitHeads(qkv[1], heads),
                                    splitHeads(qkv[2], heads), additive, m_attention);
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
        if (m_positionsPastPadding) {
            const auto notPad = ids.ne(m_config.padTokenId).to(torch::kInt64);
            positions = torch::cumsum(notPad, 1) * notPad + m_config.padTokenId;
        } else {
            positions = torch::arange(ids.size(1), ids.options()).unsqueeze(0).expand_as(ids);
        }
        auto x = torch::embedding(m_wordEmbeddings, ids) +
                 torch::embedding(m_positionEmbeddings, positions);
        if (m_tokenType.defined()) x = x + m_tokenType;
        x = m_embeddingNorm(x);
        return m_embeddingProjection.weight.defined() ? m_embeddingProjection(x) : x;
    }

    ModelConfig m_config;
    AttentionBackend m_attention;
    bool m_positionsPastPadding;
    torch::Tensor m_wordEmbeddings, m_positionEmbeddings, m_tokenType;
    NormWeights m_embeddingNorm;
    LinearWeights m_embeddingProjection;
    std::vector<BertLayer> m_layers;
    PredictionHead m_head;
};

} // namespace

std::unique_ptr<MaskedLmFamily> createBert(const ModelConfig &c, const WeightStore &w,
                                           AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, bertLayout("bert."));
}

std::unique_ptr<MaskedLmFamily> createRoberta(const ModelConfig &c, const WeightStore &w,
                                              AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, robertaLayout());
}

std::unique_ptr<MaskedLmFamily> createElectra(const ModelConfig &c, const WeightStore &w,
                                              AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, electraLayout());
}

std::unique_ptr<MaskedLmFamily> createDistilBert(const ModelConfig &c, const WeightStore &w,
                                                 AttentionBackend attention)
{
    return std::make_unique<BertFamily>(c, w, attention, distilBertLayout());
}

} // namespace cs
