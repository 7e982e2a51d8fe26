// SPDX-License-Identifier: MIT
#include "engine/families/family_parts.h"

#include <stdexcept>

namespace cs {
namespace {

using Creator = std::unique_ptr<MaskedLmFamily> (*)(const ModelConfig &, const WeightStore &,
                                                    AttentionBackend);

const std::vector<std::pair<std::string, Creator>> &registry()
{
    static const std::vector<std::pair<std::string, Creator>> families{
        {"deberta-v2", createDebertaV2},  {"bert", createBert},
        {"roberta", createRoberta},       {"xlm-roberta", createRoberta},
        {"electra", createElectra},       {"distilbert", createDistilBert},
        {"modernbert", createModernBert},
    };
    return families;
}

} // namespace

std::unique_ptr<MaskedLmFamily> createFamily(const ModelConfig &config, const WeightStore &weights,
                                             AttentionBackend attention)
{
    for (const auto &[type, create] : registry())
        if (type == config.modelType) {
            activate(torch::zeros({1}), config.hiddenAct); // an unknown name is refused here
            return create(config, weights, attention);
        }
    throw std::runtime_error("model_type \"" + config.modelType + "\" has no engine family");
}

std::vector<std::string> familyModelTypes()
{
    std::vector<std::string> types;
    for (const auto &entry : registry())
        types.push_back(entry.first);
    return types;
}

torch::Tensor splitHeads(const torch::Tensor &x, int64_t heads)
{
    return x.view({x.size(0), x.size(1), heads, -1}).transpose(1, 2);
}

torch::Tensor mergeHeads(const torch::Tensor &x)
{
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), -1});
}

torch::Tensor FeedForward::operator()(const torch::Tensor &x) const
{
    return norm(out(activate(in(x), activation)) + x);
}

FeedForward readFeedForward(const WeightStore &w, const std::string &in, const std::string &out,
                            const std::string &norm, const ModelConfig &c)
{
    const int64_t h = c.hiddenSize, inter = c.intermediateSize;
    return {w.linear(in, inter, h), w.linear(out, h, inter), w.norm(norm, h, c.layerNormEps),
            c.hiddenAct};
}

torch::Tensor PredictionHead::operator()(const torch::Tensor &h) const
{
    return decoder(norm(activate(dense(h), activation)));
}

} // namespace cs
