// SPDX-License-Identifier: MIT
#include "engine/masked_lm.h"

#include "engine/families/family.h"
#include "engine/torch_support.h"
#include "engine/weights.h"
#include "results/json_reader.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace cs {

struct MaskedLM::Impl
{
    ModelConfig config;
    torch::Device device = torch::kCPU;
    torch::Dtype dtype = torch::kFloat32;
    AttentionBackend attention = AttentionBackend::Plain;
    CpuThreading threading; ///< how the CPU threads were shared out at load
    std::unique_ptr<MaskedLmFamily> family;

    /// Device, precision, attention and CPU threads.
    void applyOptions(const EngineOptions &options)
    {
        device = engineDevice(options.device);
        dtype = engineDtype(options.dtype, device);
        attention = chooseAttention(options.attention, device);
        threading =
            configureCpuThreads(options.threads, device.is_cpu() && dtype == torch::kFloat32);
    }

    /// Pads a batch on the right; returns ids and attention mask.
    std::pair<torch::Tensor, torch::Tensor> pad(const std::vector<std::vector<int>> &batch) const
    {
        std::size_t longest = 0;
        for (const auto &s : batch)
            longest = std::max(longest, s.size());
        auto ids = torch::full({int64_t(batch.size()), int64_t(longest)}, config.padTokenId,
                               torch::kInt64);
        auto mask = torch::zeros({int64_t(batch.size()), int64_t(longest)}, torch::kInt64);
        auto idsAt = ids.accessor<int64_t, 2>();
        auto maskAt = mask.accessor<int64_t, 2>();
        for (std::size_t b = 0; b < batch.size(); ++b)
            for (std::size_t t = 0; t < batch[b].size(); ++t) {
                if (batch[b][t] < 0 || batch[b][t] >= config.vocabSize)
                    throw std::runtime_error("token id " + std::to_string(batch[b][t]) +
                                             " outside the vocabulary");
                idsAt[int64_t(b)][int64_t(t)] = batch[b][t];
                maskAt[int64_t(b)][int64_t(t)] = 1;
            }
        return {ids.to(device), mask.to(device)};
    }

    /// MaskedLM::logitsAt, with LibTorch's own errors.
    std::vector<std::vector<std::vector<float>>>
    logitsAt(const std::vector<std::vector<int>> &batch,
             const std::vector<std::vector<int>> &positions) const
    {
        torch::NoGradGuard noGrad;
        const auto [ids, mask] = pad(batch);
        const auto hidden = family->encode(ids, mask).back();
        std::vector<std::vector<std::vector<float>>> out(batch.size());
        for (std::size_t b = 0; b < batch.size() && b < positions.size(); ++b) {
            if (positions[b].empty()) continue;
            std::vector<int64_t> at(positions[b].begin(), positions[b].end());
            const auto index = torch::tensor(at, torch::kInt64).to(device);
            const auto logits = family->head(hidden[int64_t(b)].index_select(0, index))
                                    .to(torch::kCPU, torch::kFloat32)
                                    .contiguous();
            for (int64_t r = 0; r < logits.size(0); ++r) {
                const float *row = logits[r].data_ptr<float>();
                out[b].emplace_back(row, row + logits.size(1));
            }
        }
        return out;
    }
};

MaskedLM::MaskedLM() : d(std::make_unique<Impl>()) {}
MaskedLM::~MaskedLM() = default;

const ModelConfig &MaskedLM::config() const
{
    return d->config;
}

const CpuThreading &MaskedLM::cpuThreading() const
{
    return d->threading;
}

std::string MaskedLM::attention() const
{
    return attentionName(d->attention);
}

std::unique_ptr<MaskedLM> MaskedLM::load(const std::string &dirPath, const EngineOptions &options,
                                         std::string &error)
{
    namespace fs = std::filesystem;
    std::unique_ptr<MaskedLM> lm(new MaskedLM);
    Impl &m = *lm->d;
    try {
        const fs::path config = fs::path(dirPath) / "config.json";
        std::string configText, readError;
        if (!readTextFile(config.string(), configText, readError))
            throw std::runtime_error(config.string() + ": " + readError);
        if (const std::string e = parseModelConfig(configText, m.config); !e.empty())
            throw std::runtime_error(config.string() + ": " + e);
        m.applyOptions(options);
        WeightStore weights(m.device, m.dtype);
        weights.loadFolder(dirPath);
        m.family = createFamily(m.config, weights, m.attention);
    } catch (const c10::Error &e) {
        error = dirPath + ": " + e.what_without_backtrace();
        return nullptr;
    } catch (const std::exception &e) {
        error = e.what();
        return nullptr;
    }
    return lm;
}

std::unique_ptr<MaskedLM> MaskedLM::randomDeberta(const ModelConfig &config,
                                                  const EngineOptions &options, std::uint64_t seed)
{
    std::unique_ptr<MaskedLM> lm(new MaskedLM);
    Impl &m = *lm->d;
    m.config = config;
    m.config.modelType = "deberta-v2";
    m.config.architecture = Architecture::DebertaV2;
    m.applyOptions(options);
    WeightStore weights(m.device, m.dtype);
    putRandomDebertaWeights(m.config, weights, seed);
    m.family = createFamily(m.config, weights, m.attention);
    return lm;
}

std::vector<std::vector<std::vector<float>>>
MaskedLM::logitsAt(const std::vector<std::vector<int>> &batch,
                   const std::vector<std::vector<int>> &positions) const
{
    return withoutBacktrace([&] { return d->logitsAt(batch, positions); });
}

std::vector<std::vector<float>> MaskedLM::hiddenStates(const std::vector<int> &ids) const
{
    return withoutBacktrace([&] {
        torch::NoGradGuard noGrad;
        const auto [t, mask] = d->pad({ids});
        std::vector<std::vector<float>> out;
        for (const auto &state : d->family->encode(t, mask)) {
            const auto flat = state[0].to(torch::kCPU, torch::kFloat32).contiguous().view({-1});
            out.emplace_back(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
        }
        return out;
    });
}

} // namespace cs
