// SPDX-License-Identifier: MIT
#include "engine/attention/attention.h"

#include "engine/attention/disentangled_kernel.h"

#include <torch/version.h>
#ifdef CLOZESCOPE_CUDA_KERNELS
#include <c10/cuda/CUDAStream.h>
#endif

#include <cmath>
#include <stdexcept>

namespace cs {
namespace {

/// The relative slots [L × L] of every pair: [i][j] = slot(i − j), or slot(j − i) transposed
/// (index i − j + L − 1 of the table).
torch::Tensor slotMatrix(const torch::Tensor &slots, int64_t L, bool transposed)
{
    const auto ids = torch::arange(L, slots.options());
    const auto delta =
        transposed ? ids.unsqueeze(0) - ids.unsqueeze(1) : ids.unsqueeze(1) - ids.unsqueeze(0);
    return slots.index_select(0, (delta + (L - 1)).view({-1})).view({L, L});
}

/// (c2p + p2c) / scale for every pair [B × H × L × L], pairs with padding at the type's lowest
/// value: transformers' disentangled bias and mask, built in place.
torch::Tensor relativeBias(const DisentangledInputs &in, const torch::Tensor &c2p,
                           const torch::Tensor &p2c)
{
    const auto &q = in.q;
    const int64_t B = q.size(0), H = q.size(1), L = q.size(2);
    torch::Tensor bias;
    if (c2p.defined()) bias = torch::gather(c2p, -1, in.slotPairs.expand({B, H, L, L}));
    if (p2c.defined()) {
        // term(i, j) = p2c[j, slot(i − j)]: gathered along the keys' rows, then transposed
        const auto term =
            torch::gather(p2c, -1, in.slotPairsTransposed.expand({B, H, L, L})).transpose(-1, -2);
        bias = bias.defined() ? bias.add_(term) : term.contiguous();
    }
    if (bias.defined())
        bias.div_(in.scale);
    else
        bias = torch::zeros({B, H, L, L}, q.options());
    return bias.masked_fill_(in.paddedPairs, lowestOf(q.scalar_type()));
}

/// softmax over the last dimension, computed in fp32 for bf16/fp16 scores (their sums need the
/// mantissa), returned in the scores' type.
torch::Tensor softmaxFp32(const torch::Tensor &scores)
{
    if (scores.scalar_type() == torch::kFloat32) return torch::softmax(scores, -1);
    return torch::softmax(scores, -1, torch::kFloat32).to(scores.scalar_type());
}

/// q·posKeyᵀ and k·posQueryᵀ [B × H × L × 2·span] (undefined where the layer lacks one).
std::pair<torch::Tensor, torch::Tensor> positionScores(const DisentangledInputs &in)
{
    torch::Tensor c2p, p2c;
    if (in.posKey.defined()) c2p = torch::matmul(in.q, in.posKey.transpose(-1, -2));
    if (in.posQuery.defined()) p2c = torch::matmul(in.k, in.posQuery.transpose(-1, -2));
    return {c2p, p2c};
}

#ifdef CLOZESCOPE_CUDA_KERNELS
torch::Tensor fusedOnCuda(const DisentangledInputs &in, const torch::Tensor &c2p,
                          const torch::Tensor &p2c)
{
    const auto q = in.q.contiguous(), k = in.k.contiguous(), v = in.v.contiguous();
    const auto c = c2p.defined() ? c2p.contiguous() : c2p;
    const auto p = p2c.defined() ? p2c.contiguous() : p2c;
    const auto slots = in.slots.to(torch::kInt32).contiguous();
    const auto mask = in.mask.to(torch::kInt32).contiguous();
    auto out = torch::empty_like(q);
    DisentangledKernelArgs a;
    a.q = q.data_ptr();
    a.k = k.data_ptr();
    a.v = v.data_ptr();
    a.c2p = c.defined() ? c.data_ptr() : nullptr;
    a.p2c = p.defined() ? p.data_ptr() : nullptr;
    a.slots = slots.data_ptr<int>();
    a.mask = mask.data_ptr<int>();
    a.out = out.data_ptr();
    a.batch = int(q.size(0));
    a.heads = int(q.size(1));
    a.length = int(q.size(2));
    a.dim = int(q.size(3));
    a.slotCount = int(c.defined() ? c.size(3) : p.defined() ? p.size(3) : 0);
    a.invScale = float(1.0 / in.scale);
    const KernelElement type = q.scalar_type() == torch::kBFloat16 ? KernelElement::BF16
                               : q.scalar_type() == torch::kHalf   ? KernelElement::F16
                                                                   : KernelElement::F32;
    const auto stream = c10::cuda::getCurrentCUDAStream(q.device().index()).stream();
    if (const std::string e = launchDisentangledAttention(a, type, stream); !e.empty())
        throw std::runtime_error("fused attention kernel: " + e);
    return out;
}
#endif

} // namespace

void DisentangledInputs::preparePairs()
{
    const int64_t L = mask.size(1);
    slotPairs = slotMatrix(slots, L, false);
    slotPairsTransposed = slotMatrix(slots, L, true);
    const auto m = mask.to(torch::kBool);
    paddedPairs = (m.unsqueeze(1) & m.unsqueeze(2)).unsqueeze(1).logical_not();
}

bool haveSdpa()
{
    return TORCH_VERSION_MAJOR >= 2;
}

bool haveFusedKernel()
{
#ifdef CLOZESCOPE_CUDA_KERNELS
    return true;
#else
    return false;
#endif
}

const char *attentionName(AttentionBackend backend)
{
    switch (backend) {
    case AttentionBackend::Plain: return "plain";
    case AttentionBackend::Sdpa: return "sdpa";
    case AttentionBackend::Fused: return "fused";
    }
    return "plain";
}

AttentionBackend chooseAttention(const std::string &name, const torch::Device &device)
{
    if (name == "auto" || name.empty())
        return haveSdpa() ? AttentionBackend::Sdpa : AttentionBackend::Plain;
    if (name == "plain") return AttentionBackend::Plain;
    if (name == "sdpa") {
        if (!haveSdpa())
            throw std::runtime_error(
                "attention \"sdpa\" needs LibTorch 2.0 or later (this is " TORCH_VERSION
                "); use --attention plain");
        return AttentionBackend::Sdpa;
    }
    if (name == "fused") {
        if (device.is_cuda() && !haveFusedKernel())
            throw std::runtime_error("attention \"fused\" on CUDA: this build has no CUDA kernels "
                                     "(configure with CLOZESCOPE_CUDA_KERNELS=ON, preset cuda)");
        return AttentionBackend::Fused;
    }
    throw std::runtime_error("attention \"" + name + "\" is not one of auto, plain, sdpa, fused");
}

torch::Tensor keyPaddingMask(const torch::Tensor &mask, torch::ScalarType type)
{
    return (1.0 - mask.to(type)).unsqueeze(1).unsqueeze(2) * lowestOf(type);
}

torch::Tensor dotProductAttention(const torch::Tensor &q, const torch::Tensor &k,
                                  const torch::Tensor &v, const torch::Tensor &additive,
                                  AttentionBackend backend)
{
#if TORCH_VERSION_MAJOR >= 2
    if (backend != AttentionBackend::Plain)
        return at::scaled_dot_product_attention(q, k, v, additive, 0.0, false);
#endif
    (void)backend;
    const auto scores = torch::matmul(q, k.transpose(-1, -2)).div_(std::sqrt(double(q.size(-1))));
    return torch::matmul(softmaxFp32(scores.add_(additive)), v);
}

torch::Tensor disentangledAttention(const DisentangledInputs &in, AttentionBackend backend)
{
    const auto [c2p, p2c] = positionScores(in);
    if (backend == AttentionBackend::Fused) {
#ifdef CLOZESCOPE_CUDA_KERNELS
        if (in.q.is_cuda()) return fusedOnCuda(in, c2p, p2c);
#endif
        const auto f = [](const torch::Tensor &t) {
            return t.defined() ? t.to(torch::kFloat32).contiguous() : t;
        };
        return disentangledTiled(f(in.q), f(in.k), f(in.v), f(c2p), f(p2c), in.slots, in.mask,
                                 in.scale)
            .to(in.q.scalar_type());
    }
    const auto bias = relativeBias(in, c2p, p2c);
#if TORCH_VERSION_MAJOR >= 2
    if (backend == AttentionBackend::Sdpa) {
        // sdpa scales by 1/√d; DeBERTa by 1/√(d · factor): q is rescaled to match
        const double d = double(in.q.size(-1));
        return at::scaled_dot_product_attention(in.q * (std::sqrt(d) / in.scale), in.k, in.v, bias,
                                                0.0, false);
    }
#endif
    const auto scores = torch::matmul(in.q, in.k.transpose(-1, -2)).div_(in.scale).add_(bias);
    return torch::matmul(softmaxFp32(scores), in.v);
}

} // namespace cs
