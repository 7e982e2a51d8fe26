// SPDX-License-Identifier: MIT
#include "engine/weights.h"

#include "checkpoint/safetensors.h"
#include "checkpoint/torch_bin.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace cs {

torch::Tensor LinearWeights::operator()(const torch::Tensor &x) const
{
    return torch::nn::functional::linear(x, weight, bias);
}

torch::Tensor NormWeights::operator()(const torch::Tensor &x) const
{
    return torch::layer_norm(x, {x.size(-1)}, weight, bias, eps);
}

LinearWeights stacked(const std::vector<LinearWeights> &parts)
{
    std::vector<torch::Tensor> weights, biases;
    for (const auto &p : parts) {
        weights.push_back(p.weight);
        if (p.bias.defined()) biases.push_back(p.bias);
    }
    if (!biases.empty() && biases.size() != parts.size())
        throw std::logic_error("stacked: some projections have a bias, some not");
    return {torch::cat(weights, 0), biases.empty() ? torch::Tensor() : torch::cat(biases, 0)};
}

WeightStore::WeightStore(torch::Device device, torch::Dtype dtype)
    : m_device(device), m_dtype(dtype)
{
}

void WeightStore::put(const std::string &name, const torch::Tensor &tensor)
{
    // Through fp32 on the CPU first: the file's bytes are left behind, and every precision is
    // converted from the same values.
    auto owned = tensor.to(torch::kFloat32).clone();
    m_tensors[name] = owned.to(
        m_device, torch::isFloatingType(tensor.scalar_type()) ? m_dtype : tensor.scalar_type());
}

void WeightStore::loadFolder(const std::string &dirPath)
{
    namespace fs = std::filesystem;
    const fs::path dir(dirPath);
    if (!fs::exists(dir / "model.safetensors") &&
        !fs::exists(dir / "model.safetensors.index.json") &&
        fs::exists(dir / "pytorch_model.bin")) {
        // Read by our own reader (checkpoint/torch_bin.h): LibTorch 1.13's pickle loader
        // cannot read torch 2.x files.
        TorchBinFile bin;
        std::string error;
        if (!bin.open((dir / "pytorch_model.bin").string(), error)) throw std::runtime_error(error);
        for (const auto &[name, t] : bin.tensors())
            put(name, torch::from_blob(const_cast<std::uint8_t *>(t.data), t.shape, t.strides,
                                       torch::TensorOptions().dtype(torchType(t.dtype))));
        return;
    }
    SafetensorsCheckpoint ckpt;
    std::string error;
    if (!openSafetensorsCheckpoint(dirPath, ckpt, error))
        throw std::runtime_error(error + " (nor pytorch_model.bin)");
    for (const auto &[name, view] : ckpt.tensors)
        put(name, torch::from_blob(const_cast<std::uint8_t *>(view->data), view->shape,
                                   torch::TensorOptions().dtype(torchType(view->dtype))));
}

bool WeightStore::has(const std::string &name) const
{
    return m_tensors.count(name) > 0;
}

const torch::Tensor &WeightStore::get(const std::string &name) const
{
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end()) throw std::runtime_error("missing weight \"" + name + "\"");
    return it->second;
}

const torch::Tensor &WeightStore::get(const std::string &name,
                                      const std::vector<std::int64_t> &shape) const
{
    const auto &t = get(name);
    if (t.sizes().vec() != shape) {
        std::ostringstream s;
        s << "weight \"" << name << "\" has shape " << t.sizes() << ", the config needs "
          << torch::IntArrayRef(shape);
        throw std::runtime_error(s.str());
    }
    return t;
}

LinearWeights WeightStore::linear(const std::string &name, std::int64_t out, std::int64_t in,
                                  bool biasRequired) const
{
    LinearWeights l;
    l.weight = get(name + ".weight", {out, in});
    if (biasRequired || has(name + ".bias")) l.bias = get(name + ".bias", {out});
    return l;
}

NormWeights WeightStore::norm(const std::string &name, std::int64_t size, double eps,
                              bool biasRequired) const
{
    NormWeights n{get(name + ".weight", {size}), torch::Tensor(), eps};
    if (biasRequired || has(name + ".bias")) n.bias = get(name + ".bias", {size});
    return n;
}

} // namespace cs
