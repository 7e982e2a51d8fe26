// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/report_builder.h"
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
};

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

int run(const BenchOptions &o)
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    if (o.what == "fill-mask")
        return benchFillMask(o.repeat, o.threads, o.tokens, o.dtype, o.device, o.json);
    if (o.what == "eval")
        return benchEval(o.repeat, o.threads, o.tokens, o.batch, o.dtype, o.device, o.json);
#endif
    if (o.what != "import") {
        std::cerr << "error: unknown benchmark \"" << o.what << "\" (available: import"
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
    sub->add_option("what", o->what, "Benchmark to run: import, fill-mask, eval")->required();
    sub->add_option("--threads", o->threads, "fill-mask: CPU threads (default 2)")
        ->check(CLI::Range(1, 1024));
    sub->add_option("--tokens", o->tokens, "fill-mask, eval: sequence length (default 64)")
        ->check(CLI::Range(2, 8192));
    sub->add_option("--dtype", o->dtype, "fill-mask, eval: fp32, bf16, fp16 (default fp32)")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
    sub->add_option("--batch", o->batch, "eval: sequences per forward pass (default 8)")
        ->check(CLI::Range(1, 4096));
    sub->add_option("--device", o->device, "fill-mask, eval: cpu, cuda, cuda:N (default cpu)");
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
