// SPDX-License-Identifier: MIT
#include "bench_fill_mask.h"

#include "engine/masked_lm.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

namespace cs::cli {
namespace {

/// Peak resident memory of this process (VmHWM), in MiB.
double peakMemoryMiB()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

} // namespace

int benchFillMask(int repeat, int threads, int tokens, const std::string &dtype, bool json)
{
    // kf-deberta-base's configuration, random weights.
    ModelConfig c;
    c.architecture = Architecture::DebertaV2;
    c.modelType = "deberta-v2";
    c.vocabSize = 130000;
    c.hiddenSize = c.embeddingSize = 768;
    c.numLayers = 12;
    c.numHeads = 12;
    c.intermediateSize = 3072;
    c.maxPositionEmbeddings = 512;
    c.layerNormEps = 1e-7;
    c.typeVocabSize = 0;
    c.relativeAttention = true;
    c.posAttType = {"p2c", "c2p"};
    c.positionBuckets = 256;
    c.shareAttKey = true;
    c.normRelEbdLayerNorm = true;
    c.positionBiasedInput = false;
    EngineOptions options;
    options.threads = threads;
    options.dtype = dtype;
    const auto model = MaskedLM::randomDeberta(c, options, 7);
    std::mt19937 rng(11);
    std::vector<int> ids(static_cast<std::size_t>(tokens), 0);
    for (auto &id : ids)
        id = int(rng() % 129000) + 1000;
    const std::vector<int> mask{tokens / 2};
    for (int i = 0; i < 2; ++i) // warm-up
        model->logitsAt({ids}, {mask});
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        model->logitsAt({ids}, {mask});
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    if (json) {
        std::cout << nlohmann::json{{"benchmark", "fill-mask"},
                                    {"model", "kf-deberta-base configuration, random"},
                                    {"tokens", tokens},
                                    {"threads", threads},
                                    {"dtype", dtype},
                                    {"latency_ms_median", median},
                                    {"latency_ms_min", ms.front()},
                                    {"peak_memory_mib", peakMemoryMiB()}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "bench fill-mask: DeBERTa-v2 of kf-deberta-base's configuration (vocab 130 "
                     "000, 12 × 768), random "
                     "weights, "
                  << tokens << " tokens, one mask, " << threads << " threads, " << dtype << ", "
                  << repeat << " repetitions\n"
                  << "  latency: median " << median << " ms, min " << ms.front()
                  << " ms (transformers: 260 ms on 2 threads)\n"
                  << "  peak memory: " << peakMemoryMiB() << " MiB\n";
    }
    return 0;
}

} // namespace cs::cli
