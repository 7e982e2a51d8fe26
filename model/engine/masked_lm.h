// SPDX-License-Identifier: MIT
#pragma once

#include "checkpoint/model_config.h"
#include "engine/cpu_threads.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cs {

/// Where and how the encoder runs.
struct EngineOptions
{
    std::string device = "cpu";     ///< "cpu", "cuda", "cuda:1"
    std::string dtype = "fp32";     ///< "fp32", "bf16", "fp16"
    int threads = 0;                ///< CPU threads; 0 = every core (see configureCpuThreads)
    std::string attention = "auto"; ///< "auto", "plain", "sdpa", "fused" (docs/engine.md)
};

/// Why this machine cannot run the options (a device it lacks, fp16 on a CPU without half
/// LayerNorm, an attention backend this build lacks); "" when it can.
std::string engineOptionsProblem(const EngineOptions &options);

/// A masked-LM checkpoint on LibTorch, run by the engine family of its model_type (BERT,
/// RoBERTa, DeBERTa-v2/v3). The interface takes token ids and returns plain numbers, so callers
/// never include LibTorch.
class MaskedLM
{
  public:
    /// Loads config.json and the weights (model.safetensors or its shards) of a folder; nullptr
    /// and the reason in error when it cannot.
    static std::unique_ptr<MaskedLM> load(const std::string &dir, const EngineOptions &options,
                                          std::string &error);
    /// A DeBERTa-v2 model of the given configuration with random weights (for benchmarks).
    static std::unique_ptr<MaskedLM>
    randomDeberta(const ModelConfig &config, const EngineOptions &options, std::uint64_t seed);
    ~MaskedLM();

    /// The model's configuration.
    const ModelConfig &config() const;
    /// How the CPU threads were shared between LibTorch and the BLAS when it was loaded.
    const CpuThreading &cpuThreading() const;
    /// The attention backend it runs: "plain", "sdpa" or "fused".
    std::string attention() const;

    /// Logits (a vocabulary row) at the given positions of each sequence of a batch; the
    /// sequences are right-padded together with an attention mask.
    std::vector<std::vector<std::vector<float>>>
    logitsAt(const std::vector<std::vector<int>> &batch,
             const std::vector<std::vector<int>> &positions) const;

    /// Hidden states of one sequence: the embedding output, then every layer's output, each
    /// [tokens × hidden] row-major.
    std::vector<std::vector<float>> hiddenStates(const std::vector<int> &ids) const;

  private:
    MaskedLM();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cs
