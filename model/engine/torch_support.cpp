// SPDX-License-Identifier: MIT
#include "engine/torch_support.h"

#include "engine/attention/attention.h"

#include <limits>

namespace cs {

double lowestOf(torch::ScalarType type)
{
    switch (type) {
    case torch::kHalf: return double(std::numeric_limits<c10::Half>::lowest());
    case torch::kBFloat16: return double(std::numeric_limits<c10::BFloat16>::lowest());
    default: return double(std::numeric_limits<float>::lowest());
    }
}

torch::Dtype torchType(DType t)
{
    switch (t) {
    case DType::F64: return torch::kFloat64;
    case DType::F32: return torch::kFloat32;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kInt64;
    case DType::I32: return torch::kInt32;
    case DType::I16: return torch::kInt16;
    case DType::I8: return torch::kInt8;
    case DType::U8: return torch::kUInt8;
    case DType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

torch::Tensor activate(const torch::Tensor &x, const std::string &name)
{
    if (name == "gelu" || name == "gelu_python") return torch::gelu(x);
    if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast" ||
        name == "gelu_accurate")
        return torch::gelu(x, "tanh"); // the same tanh approximation, written four ways
    if (name == "gelu_10") return torch::clamp(torch::gelu(x), -10, 10);
    if (name == "quick_gelu") return x * torch::sigmoid(1.702 * x);
    if (name == "relu") return torch::relu(x);
    if (name == "relu2") return torch::relu(x).square();
    if (name == "relu6") return torch::clamp(x, 0, 6);
    if (name == "leaky_relu") return torch::leaky_relu(x, 0.01);
    if (name == "silu" || name == "swish") return torch::silu(x);
    if (name == "mish") return torch::mish(x);
    if (name == "tanh") return torch::tanh(x);
    if (name == "sigmoid") return torch::sigmoid(x);
    if (name == "linear") return x;
    throw std::runtime_error("activation \"" + name + "\" is not supported");
}

torch::Device engineDevice(const std::string &name)
{
    if (name == "cpu") return torch::kCPU;
    if (name != "cuda" && name.rfind("cuda:", 0) != 0)
        throw std::runtime_error("device \"" + name + "\" is not supported: cpu, cuda or cuda:N");
    if (!torch::cuda::is_available())
        throw std::runtime_error("device \"" + name +
                                 "\": no CUDA here (LibTorch " TORCH_VERSION
                                 " built without CUDA, or no GPU visible); use --device cpu");
    const torch::Device device(name);
    if (device.has_index() && device.index() >= int(torch::cuda::device_count()))
        throw std::runtime_error("device \"" + name + "\": only " +
                                 std::to_string(torch::cuda::device_count()) + " GPU(s) visible");
    return device;
}

torch::Dtype engineDtype(const std::string &name, const torch::Device &device)
{
    const torch::Dtype dtype = name == "bf16"   ? torch::kBFloat16
                               : name == "fp16" ? torch::kFloat16
                                                : torch::kFloat32;
    if (dtype == torch::kFloat16 && device.is_cpu()) {
        try { // LibTorch 1.13 has no half-precision LayerNorm on the CPU; later ones may
            torch::layer_norm(torch::zeros({1, 2}, torch::kHalf), {2});
        } catch (const c10::Error &) {
            throw std::runtime_error("fp16 on the CPU: this LibTorch (" TORCH_VERSION
                                     ") has no half-precision LayerNorm there; use bf16 or fp32 "
                                     "on the CPU (fp16 is for CUDA)");
        }
    }
    return dtype;
}

std::string engineOptionsProblem(const EngineOptions &options)
{
    try {
        const torch::Device device = engineDevice(options.device);
        engineDtype(options.dtype, device);
        chooseAttention(options.attention, device);
        return {};
    } catch (const c10::Error &e) {
        return e.what_without_backtrace();
    } catch (const std::exception &e) {
        return e.what();
    }
}

} // namespace cs
