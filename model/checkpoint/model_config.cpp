// SPDX-License-Identifier: MIT
#include "checkpoint/model_config.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <optional>
#include <stdexcept>

namespace cs {
namespace {

/// What a JSON value is, for people: "a string (\"768\")".
std::string describe(const nlohmann::json &v)
{
    std::string shown = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    const std::string type = v.is_string()    ? "a string"
                             : v.is_boolean() ? "a boolean"
                             : v.is_number()  ? "a number"
                             : v.is_array()   ? "a list"
                             : v.is_object()  ? "an object"
                                              : "null";
    return type + " (" + shown + ")";
}

[[noreturn]] void wrongType(const char *key, const char *wanted, const nlohmann::json &v)
{
    throw std::runtime_error(std::string("\"") + key + "\" must be " + wanted + ", not " +
                             describe(v));
}

/// The value of key, or nullptr when absent or null.
const nlohmann::json *find(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
}

int intField(const nlohmann::json &j, const char *key, std::optional<int> fallback)
{
    const nlohmann::json *v = find(j, key);
    if (!v) {
        if (fallback) return *fallback;
        throw std::runtime_error(std::string("\"") + key + "\" is missing");
    }
    if (!v->is_number_integer() || v->get<long long>() < std::numeric_limits<int>::min() ||
        v->get<long long>() > std::numeric_limits<int>::max())
        wrongType(key, "an integer", *v);
    return v->get<int>();
}

/// An integer key some tools write as a list or a string (pad_token_id, embedding_size): its
/// value when it is an integer, else the fallback.
int integerOr(const nlohmann::json &j, const char *key, int fallback)
{
    const nlohmann::json *v = find(j, key);
    return v && v->is_number_integer() ? intField(j, key, fallback) : fallback;
}

double numberField(const nlohmann::json &j, const char *key, double fallback)
{
    const nlohmann::json *v = find(j, key);
    if (!v) return fallback;
    if (!v->is_number()) wrongType(key, "a number", *v);
    return v->get<double>();
}

bool boolField(const nlohmann::json &j, const char *key, bool fallback)
{
    const nlohmann::json *v = find(j, key);
    if (!v) return fallback;
    if (!v->is_boolean()) wrongType(key, "true or false", *v);
    return v->get<bool>();
}

std::string stringField(const nlohmann::json &j, const char *key, const std::string &fallback)
{
    const nlohmann::json *v = find(j, key);
    if (!v) return fallback;
    if (!v->is_string()) wrongType(key, "a string", *v);
    return v->get<std::string>();
}

/// "" when the sizes make an encoder, else the reason.
std::string checkSizes(const ModelConfig &c)
{
    if (c.hiddenSize <= 0 || c.numHeads <= 0 || c.hiddenSize % c.numHeads != 0)
        return "config.json: hidden_size " + std::to_string(c.hiddenSize) +
               " is not a multiple of num_attention_heads " + std::to_string(c.numHeads);
    if (c.vocabSize <= 0 || c.numLayers <= 0 || c.intermediateSize <= 0)
        return "config.json: vocab_size, num_hidden_layers and intermediate_size must be positive";
    if (c.embeddingSize <= 0) return "config.json: embedding_size must be positive";
    return {};
}

/// DistilBERT's own keys (dim, hidden_dim, n_layers, n_heads, activation); LayerNorm eps is
/// fixed at 1e-12 and there are no token types.
std::string parseDistilBert(const nlohmann::json &j, ModelConfig &c)
{
    try {
        c.architecture = Architecture::DistilBert;
        c.vocabSize = intField(j, "vocab_size", std::nullopt);
        c.hiddenSize = c.embeddingSize = intField(j, "dim", std::nullopt);
        c.intermediateSize = intField(j, "hidden_dim", std::nullopt);
        c.numLayers = intField(j, "n_layers", std::nullopt);
        c.numHeads = intField(j, "n_heads", std::nullopt);
        c.hiddenAct = stringField(j, "activation", "gelu");
        c.maxPositionEmbeddings = intField(j, "max_position_embeddings", 512);
        c.layerNormEps = 1e-12;
        c.typeVocabSize = 0;
        c.padTokenId = integerOr(j, "pad_token_id", c.padTokenId);
        c.storedDtype = stringField(j, "torch_dtype", stringField(j, "dtype", "float32"));
    } catch (const std::exception &e) {
        return std::string("config.json: ") + e.what();
    }
    return checkSizes(c);
}

/// The rotary base of a ModernBERT layer type: rope_parameters.<type>.rope_theta (transformers
/// 5), else the older top-level key; a rope_type other than "default" is refused.
double ropeTheta(const nlohmann::json &j, const char *type, const char *olderKey, double fallback)
{
    if (const nlohmann::json *p = find(j, "rope_parameters"); p && p->is_object())
        if (const nlohmann::json *t = find(*p, type); t && t->is_object()) {
            const std::string kind = stringField(*t, "rope_type", "default");
            if (kind != "default")
                throw std::runtime_error(std::string("rope_parameters.") + type + ".rope_type \"" +
                                         kind + "\" is not supported (default is)");
            if (find(*t, "rope_theta")) return numberField(*t, "rope_theta", fallback);
        }
    if (find(j, "rope_scaling")) throw std::runtime_error("\"rope_scaling\" is not supported");
    return numberField(j, olderKey, fallback);
}

/// ModernBERT's keys: GeGLU sizes, norm_eps, biases, local/global layers and rotary bases.
std::string parseModernBert(const nlohmann::json &j, ModelConfig &c)
{
    try {
        c.architecture = Architecture::ModernBert;
        c.vocabSize = intField(j, "vocab_size", std::nullopt);
        c.hiddenSize = c.embeddingSize = intField(j, "hidden_size", std::nullopt);
        c.intermediateSize = intField(j, "intermediate_size", std::nullopt);
        c.numLayers = intField(j, "num_hidden_layers", std::nullopt);
        c.numHeads = intField(j, "num_attention_heads", std::nullopt);
        c.hiddenAct = stringField(j, "hidden_activation", "gelu");
        c.classifierAct = stringField(j, "classifier_activation", "gelu");
        c.maxPositionEmbeddings = intField(j, "max_position_embeddings", 8192);
        c.layerNormEps = numberField(j, "norm_eps", 1e-5);
        c.normBias = boolField(j, "norm_bias", false);
        c.decoderBias = boolField(j, "decoder_bias", true);
        c.localAttention = intField(j, "local_attention", 128);
        c.typeVocabSize = 0;
        c.padTokenId = integerOr(j, "pad_token_id", 50283);
        c.globalRopeTheta = ropeTheta(j, "full_attention", "global_rope_theta", 160000);
        c.localRopeTheta = ropeTheta(j, "sliding_attention", "local_rope_theta", 10000);
        if (const nlohmann::json *types = find(j, "layer_types")) {
            if (!types->is_array() || int(types->size()) != c.numLayers)
                wrongType("layer_types", "a list with one entry per layer", *types);
            for (const auto &t : *types) {
                const std::string type = t.is_string() ? t.get<std::string>() : "";
                if (type != "full_attention" && type != "sliding_attention")
                    return "config.json: layer type " + t.dump() +
                           " is not supported (full_attention, sliding_attention are)";
                c.slidingLayers.push_back(type == "sliding_attention");
            }
        } else {
            const int every = intField(j, "global_attn_every_n_layers", 3);
            if (every <= 0) return "config.json: global_attn_every_n_layers must be positive";
            for (int i = 0; i < c.numLayers; ++i)
                c.slidingLayers.push_back(i % every != 0);
        }
        c.storedDtype = stringField(j, "torch_dtype", stringField(j, "dtype", "float32"));
    } catch (const std::exception &e) {
        return std::string("config.json: ") + e.what();
    }
    return checkSizes(c);
}

} // namespace

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
        c.modelType = stringField(j, "model_type", "");
        if (c.modelType == "deberta-v2")
            c.architecture = Architecture::DebertaV2;
        else if (c.modelType == "bert")
            c.architecture = Architecture::Bert;
        else if (c.modelType == "roberta" || c.modelType == "xlm-roberta")
            c.architecture = Architecture::Roberta;
        else if (c.modelType == "electra")
            c.architecture = Architecture::Electra;
        else if (c.modelType == "distilbert")
            return parseDistilBert(j, c);
        else if (c.modelType == "modernbert")
            return parseModernBert(j, c);
        else
            return "model_type \"" + c.modelType +
                   "\" is not supported (deberta-v2, bert, roberta, xlm-roberta, electra, "
                   "distilbert, modernbert are)";
        c.vocabSize = intField(j, "vocab_size", std::nullopt);
        c.hiddenSize = intField(j, "hidden_size", std::nullopt);
        c.numLayers = intField(j, "num_hidden_layers", std::nullopt);
        c.numHeads = intField(j, "num_attention_heads", std::nullopt);
        c.intermediateSize = intField(j, "intermediate_size", std::nullopt);
        c.hiddenAct = stringField(j, "hidden_act", "gelu");
        c.layerNormEps = numberField(j, "layer_norm_eps", 1e-12);
        c.maxPositionEmbeddings = intField(j, "max_position_embeddings", 512);
        c.typeVocabSize =
            intField(j, "type_vocab_size", c.architecture == Architecture::DebertaV2 ? 0 : 2);
        c.padTokenId = integerOr(j, "pad_token_id", c.padTokenId);
        c.embeddingSize = integerOr(j, "embedding_size", c.hiddenSize);
        c.storedDtype = stringField(j, "torch_dtype", stringField(j, "dtype", "float32"));
        if (c.architecture == Architecture::DebertaV2) {
            c.relativeAttention = boolField(j, "relative_attention", false);
            if (const nlohmann::json *p = find(j, "pos_att_type")) {
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
                    for (const auto &x : *p) {
                        if (!x.is_string()) wrongType("pos_att_type", "a list of strings", *p);
                        c.posAttType.push_back(x.get<std::string>());
                    }
                } else {
                    wrongType("pos_att_type", "a list of strings", *p);
                }
            }
            for (const auto &t : c.posAttType)
                if (t != "c2p" && t != "p2c")
                    return "pos_att_type \"" + t + "\" is not supported (c2p, p2c are)";
            c.positionBuckets = intField(j, "position_buckets", -1);
            c.maxRelativePositions = intField(j, "max_relative_positions", -1);
            c.shareAttKey = boolField(j, "share_att_key", false);
            const std::string norm = stringField(j, "norm_rel_ebd", "none");
            c.normRelEbdLayerNorm = norm.find("layer_norm") != std::string::npos;
            c.positionBiasedInput = boolField(j, "position_biased_input", true);
            c.convKernelSize = intField(j, "conv_kernel_size", 0);
            c.convAct = stringField(j, "conv_act", "tanh");
            c.convGroups = intField(j, "conv_groups", 1);
        }
    } catch (const std::exception &e) {
        return std::string("config.json: ") + e.what();
    }
    return checkSizes(c);
}

} // namespace cs
