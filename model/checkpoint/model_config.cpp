// SPDX-License-Identifier: MIT
#include "checkpoint/model_config.h"

#include <nlohmann/json.hpp>

namespace cs {

int ModelConfig::attentionSpan() const
{
    if (positionBuckets > 0) return positionBuckets;
    return maxRelativePositions < 1 ? maxPositionEmbeddings : maxRelativePositions;
}

std::string parseModelConfig(const std::string &text, ModelConfig &c)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        return std::string("config.json is not JSON (") + e.what() + ")";
    }
    if (!j.is_object()) return "config.json is not an object";
    try {
        c.modelType = j.value("model_type", "");
        if (c.modelType == "deberta-v2")
            c.architecture = Architecture::DebertaV2;
        else if (c.modelType == "bert")
            c.architecture = Architecture::Bert;
        else if (c.modelType == "roberta")
            c.architecture = Architecture::Roberta;
        else
            return "model_type \"" + c.modelType +
                   "\" is not supported (deberta-v2, bert, roberta are)";
        c.vocabSize = j.at("vocab_size").get<int>();
        c.hiddenSize = j.at("hidden_size").get<int>();
        c.numLayers = j.at("num_hidden_layers").get<int>();
        c.numHeads = j.at("num_attention_heads").get<int>();
        c.intermediateSize = j.at("intermediate_size").get<int>();
        c.hiddenAct = j.value("hidden_act", "gelu");
        c.layerNormEps = j.value("layer_norm_eps", 1e-12);
        c.maxPositionEmbeddings = j.value("max_position_embeddings", 512);
        c.typeVocabSize =
            j.value("type_vocab_size", c.architecture == Architecture::DebertaV2 ? 0 : 2);
        c.padTokenId = j.value("pad_token_id", nlohmann::json(0)).is_number_integer()
                           ? j.value("pad_token_id", 0)
                           : 0;
        c.embeddingSize =
            j.value("embedding_size", nlohmann::json(c.hiddenSize)).is_number_integer()
                ? j.value("embedding_size", c.hiddenSize)
                : c.hiddenSize;
        c.storedDtype = j.value("torch_dtype", j.value("dtype", "float32"));
        if (c.architecture == Architecture::DebertaV2) {
            c.relativeAttention = j.value("relative_attention", false);
            if (const auto p = j.find("pos_att_type"); p != j.end()) {
                if (p->is_string()) { // older configs: "p2c|c2p"
                    std::string s = p->get<std::string>();
                    for (std::size_t at = 0; at <= s.size();) {
                        const std::size_t bar = s.find('|', at);
                        const std::string part =
                            s.substr(at, bar == std::string::npos ? std::string::npos : bar - at);
                        if (!part.empty()) c.posAttType.push_back(part);
                        if (bar == std::string::npos) break;
                        at = bar + 1;
                    }
                } else if (p->is_array()) {
                    for (const auto &x : *p)
                        c.posAttType.push_back(x.get<std::string>());
                }
            }
            for (const auto &t : c.posAttType)
                if (t != "c2p" && t != "p2c")
                    return "pos_att_type \"" + t + "\" is not supported (c2p, p2c are)";
            c.positionBuckets = j.value("position_buckets", -1);
            c.maxRelativePositions = j.value("max_relative_positions", -1);
            c.shareAttKey = j.value("share_att_key", false);
            const std::string norm = j.value("norm_rel_ebd", "none");
            c.normRelEbdLayerNorm = norm.find("layer_norm") != std::string::npos;
            c.positionBiasedInput = j.value("position_biased_input", true);
            c.convKernelSize = j.value("conv_kernel_size", 0);
            c.convAct = j.value("conv_act", "tanh");
            c.convGroups = j.value("conv_groups", 1);
        }
    } catch (const nlohmann::json::exception &e) {
        return std::string("config.json: ") + e.what();
    }
    if (c.hiddenSize <= 0 || c.numHeads <= 0 || c.hiddenSize % c.numHeads != 0)
        return "config.json: hidden_size " + std::to_string(c.hiddenSize) +
               " is not a multiple of num_attention_heads " + std::to_string(c.numHeads);
    if (c.vocabSize <= 0 || c.numLayers <= 0 || c.intermediateSize <= 0)
        return "config.json: vocab_size, num_hidden_layers and intermediate_size must be positive";
    return {};
}

} // namespace cs
