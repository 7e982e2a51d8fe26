// SPDX-License-Identifier: MIT
#pragma once
// Model families: each a module of embeddings, encoder layers and masked-LM head with its
// weights typed at load, behind one factory keyed by config.json's model_type (engine-private).

#include "checkpoint/model_config.h"
#include "engine/attention/attention.h"
#include "engine/weights.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

/// A loaded masked LM of one family.
class MaskedLmFamily
{
  public:
    virtual ~MaskedLmFamily() = default;
    /// Every hidden state [B × L × hidden]: the embeddings' output, then each layer's. ids and
    /// mask [B × L] on the model's device.
    virtual std::vector<torch::Tensor> encode(const torch::Tensor &ids,
                                              const torch::Tensor &mask) const = 0;
    /// The masked-LM head: hidden vectors [n × hidden] to logits [n × vocab].
    virtual torch::Tensor head(const torch::Tensor &hidden) const = 0;
};

/// The family of config.modelType with its weights taken from the store (whose tensors it
/// shares); throws naming a missing weight, a wrong shape or an option it refuses.
std::unique_ptr<MaskedLmFamily> createFamily(const ModelConfig &config, const WeightStore &weights,
                                             AttentionBackend attention);

/// The model_type values the factory knows, in the order docs list them.
std::vector<std::string> familyModelTypes();

/// Random weights under transformers' names for a DeBERTa-v2 of this configuration (for
/// benchmarks and tests); normal(0, 0.02) matrices, unit LayerNorms, zero biases, drawn from
/// seed (absolute positions and unshared position projections when the config has them).
void putRandomDebertaWeights(const ModelConfig &config, WeightStore &weights, std::uint64_t seed);

} // namespace cs
