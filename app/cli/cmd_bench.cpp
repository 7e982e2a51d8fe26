// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/report_builder.h"
#include "results/result_loader.h"
#include "util/atomic_file.h"

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
};

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

/// Writes runs × checkpoints result files in the first user's evaluator format.
void generateTree(const fs::path &root, int runs, int checkpoints)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> noise(-0.01, 0.01);
    nlohmann::json workspace = {
        {"format", "clozescope-workspace"}, {"version", 1}, {"runs", nlohmann::json::object()}};
    for (int r = 0; r < runs; ++r) {
        const int seqLen = r % 2 ? 2048 : 1536;
        const std::string run = "exp" + std::to_string(r / 2) + "_" + std::to_string(seqLen);
        const int stepsPerEpoch = 100 + r;
        workspace["runs"][run] = {{"steps_per_epoch", stepsPerEpoch}};
        const fs::path dir = root / ("evaluation_results_" + std::to_string(r));
        fs::create_directories(dir);
        for (int c = 1; c <= checkpoints; ++c) {
            const int step = c * stepsPerEpoch / 2;
            const int n = seqLen == 1536 ? 2400 : 3200;
            const nlohmann::json j = {
                {"checkpoint", "runs/" + run + "/checkpoint-" + std::to_string(step)},
                {"seq_len", seqLen},
                {"evaluated_at", "2025-10-11T19:15:56"},
                {"lambada_top1", std::round((0.35 + noise(rng)) * 600) / 600},
                {"real1", std::round((0.65 + noise(rng)) * n) / n},
                {"real5", std::round((0.81 + noise(rng)) * n) / n},
                {"coref_samples", n},
                {"eval_time_seconds", 1000.0},
                {"timings", {{"lambada", 70.0}, {"coref_build", 400.0}, {"real_combined", 500.0}}}};
            std::ofstream(dir / ("checkpoint-" + std::to_string(step) + "_eval_results.json"))
                << j.dump(2);
        }
    }
    std::ofstream(root / "clozescope.workspace.json") << workspace.dump(2);
}

template <typename F> std::vector<double> timeIt(int repeat, F &&f)
{
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

int run(const BenchOptions &o)
{
    if (o.what != "import") {
        std::cerr << "error: unknown benchmark \"" << o.what << "\" (available: import)\n";
        return Usage;
    }
    const bool temp = o.dir.empty();
    const fs::path root = temp ? fs::temp_directory_path() /
                                     ("clozescope-bench-" + std::to_string(std::random_device{}()))
                               : fs::path(o.dir);
    generateTree(root, o.runs, o.checkpoints);
    std::size_t runsFound = 0, checkpointsFound = 0;
    const auto importMs = timeIt(o.repeat, [&] {
        const ResultSet set = cs::loadResults({root.string()});
        runsFound = set.runs.size();
        checkpointsFound = 0;
        for (const auto &r : set.runs)
            checkpointsFound += r.checkpoints.size();
    });
    const ResultSet set = cs::loadResults({root.string()});
    const auto analyseMs = timeIt(o.repeat, [&] { analyseAll(set, AnalysisSettings{}); });
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
    sub->add_option("what", o->what, "Benchmark to run: import")->required();
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
