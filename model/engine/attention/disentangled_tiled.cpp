// SPDX-License-Identifier: MIT
// The fused disentangled attention's algorithm on the CPU, tile by tile as the CUDA kernel
// (disentangled_kernel.cu) runs it: the reference its tiling is tested through.
#include "engine/attention/attention.h"
#include "engine/attention/disentangled_tile.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

namespace cs {

torch::Tensor disentangledTiled(const torch::Tensor &q, const torch::Tensor &k,
                                const torch::Tensor &v, const torch::Tensor &c2p,
                                const torch::Tensor &p2c, const torch::Tensor &slots,
                                const torch::Tensor &mask, double scale)
{
    const auto Q = q.to(torch::kCPU).contiguous(), K = k.to(torch::kCPU).contiguous(),
               V = v.to(torch::kCPU).contiguous();
    const auto C = c2p.defined() ? c2p.to(torch::kCPU).contiguous() : c2p;
    const auto P = p2c.defined() ? p2c.to(torch::kCPU).contiguous() : p2c;
    const auto S = slots.to(torch::kCPU, torch::kInt32).contiguous();
    const auto M = mask.to(torch::kCPU, torch::kInt32).contiguous();
    const int64_t B = Q.size(0), H = Q.size(1), L = Q.size(2), d = Q.size(3);
    const int64_t slotCount = C.defined() ? C.size(3) : P.defined() ? P.size(3) : 0;
    auto out = torch::empty_like(Q);
    const float invScale = float(1.0 / scale);
    const int *slot = S.data_ptr<int>();
    // A row of a (batch, head) is what one warp computes; rows are independent.
    torch::parallel_for(0, B * H * L, 64, [&](int64_t begin, int64_t end) {
        std::vector<float> acc(static_cast<std::size_t>(d)), scores(tile::kKeys);
        for (int64_t r = begin; r < end; ++r) {
            const int64_t bh = r / L, b = bh / H;
            const int i = int(r % L);
            const float *qi = Q.data_ptr<float>() + r * d;
            const float *k0 = K.data_ptr<float>() + bh * L * d;
            const float *v0 = V.data_ptr<float>() + bh * L * d;
            const float *c = C.defined() ? C.data_ptr<float>() + r * slotCount : nullptr;
            const float *p = P.defined() ? P.data_ptr<float>() + bh * L * slotCount : nullptr;
            const int *m = M.data_ptr<int>() + b * L;
            const bool rowKept = m[i] != 0;
            float runMax = -INFINITY, runSum = 0;
            std::fill(acc.begin(), acc.end(), 0.0f);
            for (int j0 = 0; j0 < L; j0 += tile::kKeys) {
                const int j1 = int(std::min<int64_t>(j0 + tile::kKeys, L));
                const bool uniform = tile::uniformSlot(slot, int(L), i, j0, j1);
                float tileMax = -INFINITY;
                for (int j = j0; j < j1; ++j) {
                    float s = -FLT_MAX; // a pair with padding
                    if (rowKept && m[j] != 0) {
                        float dot = 0;
                        for (int64_t x = 0; x < d; ++x)
                            dot += qi[x] * k0[j * d + x];
                        const int at = tile::slotOf(slot, int(L), i, uniform ? j0 : j);
                        if (c) dot += c[at];
                        if (p) dot += p[j * slotCount + at];
                        s = dot * invScale;
                    }
                    scores[std::size_t(j - j0)] = s;
                    tileMax = std::max(tileMax, s);
                }
                const float newMax = std::max(runMax, tileMax);
                const float correction = tile::rescale(runMax, newMax);
                runSum *= correction;
                for (auto &a : acc)
                    a *= correction;
                for (int j = j0; j < j1; ++j) {
                    const float e = expf(scores[std::size_t(j - j0)] - newMax);
                    runSum += e;
                    for (int64_t x = 0; x < d; ++x)
                        acc[std::size_t(x)] += e * v0[j * d + x];
                }
                runMax = newMax;
            }
            float *o = out.data_ptr<float>() + r * d;
            for (int64_t x = 0; x < d; ++x)
                o[x] = acc[std::size_t(x)] / runSum;
        }
    });
    return out;
}

} // namespace cs
