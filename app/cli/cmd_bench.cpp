// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/report_builder.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "util/bench_tree.h"
#ifdef CLOZESCOPE_HAVE_ENGINE
#include "bench_engine.h"
#endif

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <thread>

namespace cs::cli {
namespace {

namespace fs = std::filesystem;

struct BenchOptions
{
    std::string what = "import";
    int examples = 3000;
    int runs = 50;
    int checkpoints = 20;
    int repeat = 5;
    std::string dir;
    bool json = false;
    int threads = 2;
    int tokens = 64;
    std::string dtype = "fp32";
    int batch = 8;
    std::string device = "cpu";
    std::string attention = "auto";
};

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

/// Runs of evaluated checkpoints with per-example records (Real@1 and Real@5 on `examples`
/// items, LAMBADA@1 on a fifth as many), hit rates drifting by checkpoint. Deterministic.
ResultSet runsWithRecords(int runs, int checkpoints, int examples)
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u;
    ResultSet set;
    for (int r = 0; r < runs; ++r) {
        Run run;
        run.name = "bench_run_" + std::to_string(r);
        for (int c = 0; c < checkpoints; ++c) {
            Checkpoint cp;
            cp.name = "checkpoint-" + std::to_string((c + 1) * 100);
            cp.epoch = 0.25 * (c + 1);
            MetricValue r1, r5, l1;
            r1.dataset = r5.dataset = "real:0123456789ab";
            l1.dataset = "lambada:0123456789ab";
            const auto fill = [&](MetricValue &mv, int n, const std::string &prefix,
                                  const std::function<bool(double)> &hit, MetricValue *nested,
                                  const std::function<bool(double)> &nestedHit) {
                int k = 0, kn = 0;
                for (int i = 0; i < n; ++i) {
                    const double x = u(rng);
                    const std::string id = prefix + std::to_string(i);
                    mv.examples.push_back({id, hit(x)});
                    k += hit(x);
                    if (nested) {
                        nested->examples.push_back({id, nestedHit(x)});
                        kn += nestedHit(x);
                    }
                }
                mv.n = n;
                mv.value = double(k) / n;
                if (nested) {
                    nested->n = n;
                    nested->value = double(kn) / n;
                }
            };
            const double drift = 0.002 * c;
            fill(
                r1, examples, "real-", [&](double x) { return x < 0.6 + drift; }, &r5,
                [&](double x) { return x < 0.8 + drift; });
            fill(l1, std::max(1, examples / 5), "lambada-", [&](double x) { return x < 0.35; },
                 nullptr, {});
            cp.metrics[metric::Real1] = std::move(r1);
            cp.metrics[metric::Real5] = std::move(r5);
            cp.metrics[metric::Lambada1] = std::move(l1);
            run.checkpoints.push_back(std::move(cp));
        }
        set.runs.push_back(std::move(run));
    }
    return set;
}

/// `bench analysis`: the analysis of runs whose per-example records are kept (bootstraps,
/// paired tests, Holm, power).
int benchAnalysis(const BenchOptions &o)
{
    const ResultSet set = runsWithRecords(o.runs, o.checkpoints, o.examples);
    const auto ms = timeRepeated(o.repeat, [&] { analyseAll(set, AnalysisSettings{}); });
    const double median = ms[ms.size() / 2];
    if (o.json) {
        std::cout << nlohmann::json{{"benchmark", "analysis"},
                                    {"runs", o.runs},
                                    {"checkpoints", o.checkpoints},
                                    {"examples", o.examples},
                                    {"analysis_ms_median", median},
                                    {"analysis_ms_min", ms.front()},
                                    {"cpu", cpuModel()},
                                    {"threads", std::thread::hardware_concurrency()}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "bench analysis: " << o.runs << " runs × " << o.checkpoints
                  << " checkpoints with records of " << o.examples << " Real and "
                  << std::max(1, o.examples / 5) << " LAMBADA examples, " << o.repeat
                  << " repetitions\n"
                  << "  analysis of every run (score intervals and paired bootstraps, Holm, "
                     "power): median "
                  << median << " ms, min " << ms.front() << " ms\n"
                  << "  machine: " << cpuModel() << ", " << std::thread::hardware_concurrency()
                  << " threads\n";
    }
    return Ok;
}

int run(const BenchOptions &o)
{
    if (o.what == "analysis") return benchAnalysis(o);
#ifdef CLOZESCOPE_HAVE_ENGINE
    const EngineOptions engine{o.device, o.dtype, o.threads, o.attention};
    if (o.what == "fill-mask") return benchFillMask(o.repeat, o.tokens, engine, o.json);
    if (o.what == "eval") return benchEval(o.repeat, o.tokens, o.batch, engine, o.json);
#endif
    if (o.what != "import") {
        std::cerr << "error: unknown benchmark \"" << o.what << "\" (available: import, analysis"
#ifdef CLOZESCOPE_HAVE_ENGINE
                  << ", fill-mask, eval"
#endif
                  << ")\n";
        return Usage;
    }
    const bool temp = o.dir.empty();
    const fs::path root = temp ? fs::temp_directory_path() /
                                     ("clozescope-bench-" + std::to_string(std::random_device{}()))
                               : fs::path(o.dir);
    writeBenchTree(root.string(), o.runs, o.checkpoints);
    std::size_t runsFound = 0, checkpointsFound = 0;
    const auto importMs = timeRepeated(o.repeat, [&] {
        const ResultSet set = cs::loadResults({root.string()});
        runsFound = set.runs.size();
        checkpointsFound = 0;
        for (const auto &r : set.runs)
            checkpointsFound += r.checkpoints.size();
    });
    const ResultSet set = cs::loadResults({root.string()});
    const auto analyseMs = timeRepeated(o.repeat, [&] { analyseAll(set, AnalysisSettings{}); });
    if (temp) fs::remove_all(root);
    const auto median = [](const std::vector<double> &v) { return v[v.size() / 2]; };
    if (o.json) {
        std::cout << nlohmann::json{{"benchmark", "import"},
                                    {"runs", runsFound},
                                    {"checkpoints", checkpointsFound},
                                    {"files", o.runs * o.checkpoints},
                                    {"import_ms_median", median(importMs)},
                                    {"import_ms_min", importMs.front()},
                                    {"analysis_ms_median", median(analyseMs)},
                                    {"cpu", cpuModel()},
                                    {"threads", std::thread::hardware_concurrency()}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "bench import: " << runsFound << " runs × "
                  << (runsFound ? checkpointsFound / runsFound : 0) << " checkpoints ("
                  << o.runs * o.checkpoints << " files), " << o.repeat << " repetitions\n"
                  << "  import (scan, parse, merge, epochs): median " << median(importMs)
                  << " ms, min " << importMs.front() << " ms (target < 1000 ms)\n"
                  << "  analysis of every run: median " << median(analyseMs) << " ms\n"
                  << "  machine: " << cpuModel() << ", " << std::thread::hardware_concurrency()
                  << " threads\n";
    }
    return runsFound == static_cast<std::size_t>(o.runs) ? Ok : InputProblems;
}

} // namespace

Action addBench(CLI::App &app)
{
    auto o = std::make_shared<BenchOptions>();
    auto *sub = app.add_subcommand("bench", "Benchmarks (results go in docs/benchmarks.md)");
    sub->add_option("what", o->what, "Benchmark to run: import, analysis, fill-mask, eval")
        ->required();
    sub->add_option("--examples", o->examples,
                    "analysis: Real examples per checkpoint, LAMBADA a fifth (default 3000)")
        ->check(CLI::Range(1, 10000000));
    sub->add_option("--threads", o->threads, "fill-mask: CPU threads (default 2)")
        ->check(CLI::Range(1, 1024));
    sub->add_option("--tokens", o->tokens, "fill-mask, eval: sequence length (default 64)")
        ->check(CLI::Range(2, 8192));
    sub->add_option("--dtype", o->dtype, "fill-mask, eval: fp32, bf16, fp16 (default fp32)")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
    sub->add_option("--batch", o->batch, "eval: sequences per forward pass (default 8)")
        ->check(CLI::Range(1, 4096));
    sub->add_option("--device", o->device, "fill-mask, eval: cpu, cuda, cuda:N (default cpu)");
    sub->add_option("--attention", o->attention,
                    "fill-mask, eval: auto, plain, sdpa, fused (default auto)")
        ->check(CLI::IsMember({"auto", "plain", "sdpa", "fused"}));
    sub->add_option("--runs", o->runs, "Runs in the generated tree (default 50)")
        ->check(CLI::Range(1, 100000));
    sub->add_option("--checkpoints", o->checkpoints, "Checkpoints per run (default 20)")
        ->check(CLI::Range(1, 100000));
    sub->add_option("--repeat", o->repeat, "Repetitions (default 5)")->check(CLI::Range(1, 1000));
    sub->add_option("--dir", o->dir, "Write the generated tree here and keep it");
    sub->add_flag("--json", o->json, "Machine-readable output");
    return [o] { return run(*o); };
}

} // namespace cs::cli
