// SPDX-License-Identifier: MIT
#pragma once
// Typed weights of the engine's modules, resolved once at load from the checkpoint's tensors by
// name (engine-private: includes LibTorch).

#include "engine/torch_support.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cs {

/// A dense layer: y = x Wᵀ + b (no bias when bias is undefined).
struct LinearWeights
{
    torch::Tensor weight; ///< [out × in]
    torch::Tensor bias;   ///< [out], or undefined
    /// Applies the layer.
    torch::Tensor operator()(const torch::Tensor &x) const;
};

/// A LayerNorm over the last dimension.
struct NormWeights
{
    torch::Tensor weight; ///< [size]
    torch::Tensor bias;   ///< [size], or undefined
    double eps = 1e-12;   ///< layer_norm_eps
    /// Normalises x (LibTorch's kernels take the statistics in fp32 for bf16/fp16 input).
    torch::Tensor operator()(const torch::Tensor &x) const;
};

/// Several projections of one input as one (fused QKV): their rows stacked, so one matrix
/// product computes all; biases stacked the same way (all present or all absent).
LinearWeights stacked(const std::vector<LinearWeights> &parts);

/// A checkpoint's tensors by name on the engine's device and precision. Only the loading step
/// uses it: each family takes what it needs into its typed structs, checking shapes.
class WeightStore
{
  public:
    /// An empty store whose tensors go to device, floating ones converted to dtype.
    WeightStore(torch::Device device, torch::Dtype dtype);

    /// Reads a Hugging Face folder's weights: model.safetensors, its shards, or
    /// pytorch_model.bin; throws with the reason.
    void loadFolder(const std::string &dir);
    /// Adds (or replaces) a tensor, moved to the store's device and precision.
    void put(const std::string &name, const torch::Tensor &tensor);

    /// Whether the checkpoint has the tensor.
    bool has(const std::string &name) const;
    /// The tensor; throws "missing weight" naming it.
    const torch::Tensor &get(const std::string &name) const;
    /// The tensor, which must have this shape; throws naming both shapes.
    const torch::Tensor &get(const std::string &name, const std::vector<std::int64_t> &shape) const;
    /// name.weight [out × in] and name.bias [out] (bias optional unless required).
    LinearWeights linear(const std::string &name, std::int64_t out, std::int64_t in,
                         bool biasRequired = true) const;
    /// name.weight and name.bias, both [size] (the bias optional unless required).
    NormWeights norm(const std::string &name, std::int64_t size, double eps,
                     bool biasRequired = true) const;

    /// The device tensors live on.
    torch::Device device() const { return m_device; }
    /// The precision of floating tensors.
    torch::Dtype dtype() const { return m_dtype; }

  private:
    torch::Device m_device;
    torch::Dtype m_dtype;
    std::map<std::string, torch::Tensor> m_tensors;
};

} // namespace cs
