// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace cs {

/// The architectures the engine runs.
enum class Architecture { DebertaV2, Bert, Roberta, Electra, DistilBert, ModernBert };

/// What config.json says about an encoder, with transformers' defaults filled in.
struct ModelConfig
{
    Architecture architecture = Architecture::Bert; ///< from model_type (XLM-R: Roberta)
    std::string modelType;                          ///< model_type as written
    int vocabSize = 0;                              ///< vocab_size
    int hiddenSize = 0;                             ///< hidden_size
    int embeddingSize = 0;           ///< embedding_size (DeBERTa; = hidden_size when absent)
    int numLayers = 0;               ///< num_hidden_layers
    int numHeads = 0;                ///< num_attention_heads
    int intermediateSize = 0;        ///< intermediate_size
    std::string hiddenAct = "gelu";  ///< hidden_act
    double layerNormEps = 1e-12;     ///< layer_norm_eps
    int maxPositionEmbeddings = 512; ///< max_position_embeddings
    int typeVocabSize = 2;           ///< type_vocab_size (0 = no token types)
    int padTokenId = 0;              ///< pad_token_id
    // DeBERTa-v2/v3
    bool relativeAttention = false;      ///< relative_attention
    std::vector<std::string> posAttType; ///< pos_att_type subset/order of "c2p", "p2c"
    int positionBuckets = -1;            ///< position_buckets (-1 or 0: no log bucketing)
    int maxRelativePositions = -1;       ///< max_relative_positions (< 1: max_position_embeddings)
    bool shareAttKey = false;            ///< share_att_key
    bool normRelEbdLayerNorm = false;    ///< norm_rel_ebd contains "layer_norm"
    bool positionBiasedInput = true;     ///< position_biased_input
    int convKernelSize = 0;              ///< conv_kernel_size
    std::string convAct = "tanh";        ///< conv_act
    int convGroups = 1;                  ///< conv_groups
    std::string storedDtype = "float32"; ///< torch_dtype / dtype
    // ModernBERT
    std::vector<bool> slidingLayers;    ///< per layer: local (sliding-window) attention
    int localAttention = 128;           ///< local_attention: the window (± half of it)
    double globalRopeTheta = 160000;    ///< rotary base of the global layers
    double localRopeTheta = 10000;      ///< rotary base of the local layers
    bool normBias = false;              ///< norm_bias: LayerNorms have a bias
    bool decoderBias = true;            ///< decoder_bias
    std::string classifierAct = "gelu"; ///< classifier_activation (the head's)

    /// The attention span in relative positions: position_buckets when > 0, else
    /// max_relative_positions (or max_position_embeddings when that is < 1).
    int attentionSpan() const;
};

/// Reads config.json text; "" or the reason (naming an unsupported model_type).
std::string parseModelConfig(const std::string &text, ModelConfig &out);

} // namespace cs
