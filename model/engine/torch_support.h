// SPDX-License-Identifier: MIT
#pragma once
// The engine's LibTorch helpers: included only by the engine's .cpp files (LibTorch headers stay
// out of every interface).

#include "checkpoint/safetensors.h"
#include "engine/masked_lm.h"

#include <torch/torch.h>

#include <stdexcept>
#include <string>

namespace cs {

/// The most negative finite value of a floating type (transformers' torch.finfo(dtype).min).
double lowestOf(torch::ScalarType type);

/// LibTorch's type of a safetensors dtype.
torch::Dtype torchType(DType t);

/// transformers' ACT2FN by name (hidden_act, conv_act); throws for a name it lacks.
torch::Tensor activate(const torch::Tensor &x, const std::string &name);

/// The engine's devices: "cpu", "cuda", "cuda:N"; a device this machine lacks is refused by name.
torch::Device engineDevice(const std::string &name);

/// The engine's precision; fp16 on a CPU whose LibTorch lacks half LayerNorm is refused.
torch::Dtype engineDtype(const std::string &name, const torch::Device &device);

/// Runs f with LibTorch's errors turned into std::runtime_error without their C++ backtrace
/// (c10::Error::what() appends one; callers show the message to people).
template <class F> auto withoutBacktrace(F &&f) -> decltype(f())
{
    try {
        return f();
    } catch (const c10::Error &e) {
        throw std::runtime_error(e.what_without_backtrace());
    }
}

} // namespace cs
