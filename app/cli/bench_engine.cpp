// SPDX-License-Identifier: MIT
#include "bench_engine.h"

#include "util/bench_tree.h"

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

/// kf-deberta-base's configuration (random weights are fine for timing).
ModelConfig kfDebertaBase()
{
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
    return c;
}

/// "OpenBLAS (pthreads) × 2, LibTorch × 1": who runs the CPU threads.
std::string threadingText(const CpuThreading &t)
{
    return (t.blas.empty() ? std::string("BLAS") : t.blas) + " × " +
           (t.blasThreads ? std::to_string(t.blasThreads) : std::string("?")) + ", LibTorch × " +
           std::to_string(t.torchThreads);
}

nlohmann::json threadingJson(const CpuThreading &t)
{
    return {{"blas", t.blas}, {"blas_threads", t.blasThreads}, {"torch_threads", t.torchThreads}};
}

} // namespace

int benchFillMask(int repeat, int tokens, const EngineOptions &options, bool json)
{
    const auto &[device, dtype, threads, attention] = options;
    const auto model = MaskedLM::randomDeberta(kfDebertaBase(), options, 7);
    std::mt19937 rng(11);
    std::vector<int> ids(static_cast<std::size_t>(tokens), 0);
    for (auto &id : ids)
        id = int(rng() % 129000) + 1000;
    const std::vector<int> mask{tokens / 2};
    for (int i = 0; i < 2; ++i) // warm-up
        model->logitsAt({ids}, {mask});
    const std::vector<double> ms = timeRepeated(repeat, [&] { model->logitsAt({ids}, {mask}); });
    const double median = ms[ms.size() / 2];
    if (json) {
        std::cout << nlohmann::json{{"benchmark", "fill-mask"},
                                    {"model", "kf-deberta-base configuration, random"},
                                    {"tokens", tokens},
                                    {"threads", threads},
                                    {"threading", threadingJson(model->cpuThreading())},
                                    {"dtype", dtype},
                                    {"device", device},
                                    {"attention", model->attention()},
                                    {"latency_ms_median", median},
                                    {"latency_ms_min", ms.front()},
                                    {"peak_memory_mib", peakMemoryMiB()}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "bench fill-mask: DeBERTa-v2 of kf-deberta-base's configuration (vocab 130 "
                     "000, 12 × 768), random "
                     "weights, "
                  << tokens << " tokens, one mask, " << device << ", " << model->attention()
                  << " attention, " << threads << " threads ("
                  << threadingText(model->cpuThreading()) << "), " << dtype << ", " << repeat
                  << " repetitions\n"
                  << "  latency: median " << median << " ms, min " << ms.front()
                  << " ms (target: below transformers' on the same machine)\n"
                  << "  peak memory: " << peakMemoryMiB() << " MiB\n";
    }
    return 0;
}

int benchEval(int repeat, int tokens, int batch, const EngineOptions &options, bool json)
{
    const auto &[device, dtype, threads, attention] = options;
    EngineOptions exact = options;
    exact.dtype = "fp32"; // the same weights; made first, as the last load sets the CPU threads
    const auto reference = MaskedLM::randomDeberta(kfDebertaBase(), exact, 7);
    const auto model = MaskedLM::randomDeberta(kfDebertaBase(), options, 7);
    std::mt19937 rng(13);
    std::vector<std::vector<std::vector<int>>> batches(static_cast<std::size_t>(repeat));
    std::vector<std::vector<int>> masks(std::size_t(batch), std::vector<int>{tokens / 2});
    for (auto &b : batches) {
        b.assign(std::size_t(batch), std::vector<int>(std::size_t(tokens)));
        for (auto &seq : b)
            for (auto &id : seq)
                id = int(rng() % 129000) + 1000;
    }
    model->logitsAt(batches[0], masks); // warm-up
    const auto argmax = [](const std::vector<float> &row) {
        return std::max_element(row.begin(), row.end()) - row.begin();
    };
    double seconds = 0;
    int agree = 0, total = 0;
    for (const auto &b : batches) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto logits = model->logitsAt(b, masks);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const auto exact = reference->logitsAt(b, masks);
        for (std::size_t i = 0; i < logits.size(); ++i, ++total)
            agree += argmax(logits[i][0]) == argmax(exact[i][0]);
    }
    const double perSecond = double(repeat) * batch / seconds;
    const double agreement = double(agree) / total;
    if (json) {
        std::cout << nlohmann::json{{"benchmark", "eval"},
                                    {"model", "kf-deberta-base configuration, random"},
                                    {"tokens", tokens},
                                    {"batch", batch},
                                    {"batches", repeat},
                                    {"threads", threads},
                                    {"threading", threadingJson(model->cpuThreading())},
                                    {"dtype", dtype},
                                    {"device", device},
                                    {"attention", model->attention()},
                                    {"examples_per_second", perSecond},
                                    {"top1_agreement_with_fp32", agreement},
                                    {"peak_memory_mib", peakMemoryMiB()}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "bench eval: DeBERTa-v2 of kf-deberta-base's configuration, random weights, "
                  << tokens << " tokens, batch " << batch << ", " << repeat << " batches, " << dtype
                  << " on " << device << ", " << model->attention() << " attention (" << threads
                  << " CPU threads: " << threadingText(model->cpuThreading()) << ")\n"
                  << "  throughput: " << perSecond
                  << " examples/s (targets on one H200: 480 at 1536, 315 at 2048)\n"
                  << "  top-1 agreement with fp32: " << agreement * 100 << " % (target >= 99.5 %)\n"
                  << "  peak host memory: " << peakMemoryMiB() << " MiB\n";
    }
    return 0;
}

} // namespace cs::cli
