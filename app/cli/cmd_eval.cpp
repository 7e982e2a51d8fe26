// SPDX-License-Identifier: MIT
#include "child_process.h"
#include "cli_options.h"
#include "commands.h"
#include "engine_options.h"
#include "eval_options.h"
#include "slurm_submit.h"

#include "engine/follow_run.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

/// The arguments of a child that evaluates one checkpoint as o says.
std::vector<std::string> childArguments(const EvalOptions &o, const std::string &checkpoint)
{
    std::vector<std::string> args = {
        "eval", "--isolated-child", "--checkpoint", checkpoint, "--out", o.out};
    const auto shared = evaluationArguments(o);
    args.insert(args.end(), shared.begin(), shared.end());
    return args;
}

/// --isolate: each checkpoint of this shard in a child process, so that one whose files crash
/// the program is its own error and the others are evaluated.
int runIsolated(const EvalOptions &o, const std::vector<std::string> &mine)
{
    std::vector<std::string> failures;
    for (const std::string &checkpoint : mine) {
        const std::string name = std::filesystem::path(checkpoint).filename().string();
        const ChildOutcome c = runThisProgram(childArguments(o, checkpoint), [&](int pid) {
            std::cerr << name << ": in process " << pid << std::endl;
        });
        if (c.exitCode == Ok) continue;
        // A child that exited 1 has said why; one that died could not.
        failures.push_back(
            name + ": " +
            (c.exitCode == InputProblems ? "failed (above)" : "the evaluation process " + c.why));
        if (c.exitCode != InputProblems) std::cerr << "error: " << failures.back() << "\n";
    }
    if (failures.empty()) return Ok;
    std::cerr << "error: " << failures.size() << " of " << mine.size()
              << " checkpoint(s) failed; the others were evaluated and kept:\n";
    for (const std::string &f : failures)
        std::cerr << "  " << f << "\n";
    return InputProblems;
}

/// "i/n" -> (i, n) with 0 <= i < n.
bool parseShard(const std::string &s, int &index, int &count)
{
    const auto slash = s.find('/');
    try {
        index = std::stoi(s.substr(0, slash));
        count = slash == std::string::npos ? 0 : std::stoi(s.substr(slash + 1));
    } catch (const std::exception &) {
        return false;
    }
    return count > 0 && index >= 0 && index < count;
}

/// --follow: evaluates each checkpoint of the run as soon as it is complete, until training
/// ends or no checkpoint comes for the idle time; prints the early-stopping verdict after each.
int runFollowing(const EvalOptions &o, const std::vector<EvalDataset> &datasets,
                 const EvalRunOptions &opts)
{
    FollowOptions follow;
    follow.settleSeconds = o.settle;
    follow.pollSeconds = o.pollEvery;
    follow.idleTimeoutSeconds = o.idleTimeout;
    follow.patience = o.patience;
    std::cerr
        << "following " << o.follow << ": each checkpoint is evaluated once complete and "
        << "unchanged for " << o.settle << " s; results in "
        << (std::filesystem::path(o.out) / std::filesystem::path(o.follow).filename()).string()
        << std::endl;
    bool timedOut = false;
    const int n = followRun(
        o.follow, datasets, opts, follow,
        [&](const FollowEvent &e) {
            switch (e.kind) {
            case FollowEvent::Kind::Waiting:
                std::cerr << e.checkpoint << ": not yet: " << e.why << std::endl;
                break;
            case FollowEvent::Kind::Evaluated:
                std::cout << e.checkpoint << ": " << e.verdict << std::endl;
                break;
            case FollowEvent::Kind::Ended: std::cerr << "training ended; "; break;
            case FollowEvent::Kind::IdleTimeout:
                timedOut = true;
                std::cerr << "no new checkpoint for " << o.idleTimeout << " s; stopping; ";
                break;
            }
        },
        [](const std::string &line) { std::cerr << line << "\n"; });
    std::cerr << n << " checkpoint(s) evaluated now" << std::endl;
    return timedOut ? InputProblems : Ok;
}

int run(const EvalOptions &o)
{
    EvalRunOptions opts;
    if (!parseShard(o.shard, opts.shardIndex, opts.shardCount)) {
        std::cerr << "error: --shard " << o.shard << ": expected i/n with 0 <= i < n, e.g. 0/4\n";
        return Usage;
    }
    std::vector<std::pair<std::string, std::string>> specs;
    for (const auto &d : o.data) {
        const auto eq = d.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == d.size()) {
            std::cerr << "error: --data " << d << ": expected NAME=FILE, e.g. real=real.jsonl\n";
            return Usage;
        }
        specs.emplace_back(d.substr(0, eq), d.substr(eq + 1));
    }
    std::vector<std::string> checkpoints = o.checkpoints;
    if (o.slurmShards > 0) return submitToSlurm(o);
    if (!o.follow.empty() && o.isolate) {
        std::cerr
            << "error: --follow evaluates in this process; --isolate is not available with it\n";
        return Usage;
    }
    if (!o.run.empty()) {
        checkpoints = discoverCheckpoints(o.run);
        if (checkpoints.empty()) {
            std::cerr << "error: " << o.run << ": no checkpoint-N folders in this run\n";
            return InputProblems;
        }
    }
    std::vector<std::string> warnings;
    const auto datasets = loadEvalDatasets(specs, warnings);
    if (!o.isolatedChild)
        for (const auto &w : warnings)
            std::cerr << "warning: " << w << "\n";
    if (o.isolate) {
        prepareResultsFolder(o.out);
        const auto mine = shardCheckpoints(checkpoints, opts.shardIndex, opts.shardCount);
        std::cerr << "evaluating " << mine.size() << " checkpoint(s) on " << datasets.size()
                  << " set(s), each in its own process, results in " << o.out << "\n";
        return runIsolated(o, mine);
    }
    opts.outDir = o.out;
    opts.createdBy = "clozescope-cli " CLOZESCOPE_VERSION;
    opts.tokenizerDir = o.tokenizer;
    opts.cloze.maxLength = o.maxLength;
    opts.cloze.rightKeep = o.rightKeep;
    opts.cloze.ks = o.ks;
    // auto: a large batch on a GPU (halved on out-of-memory), a small one on the CPU.
    opts.cloze.batchSize =
        o.batchSize == "auto" ? defaultBatchSize(o.engine.device) : std::stoi(o.batchSize);
    opts.engine = o.engine;
    if (!o.follow.empty()) return runFollowing(o, datasets, opts);
    if (!o.isolatedChild)
        std::cerr << "evaluating " << checkpoints.size() << " checkpoint(s) on " << datasets.size()
                  << " set(s), shard " << o.shard << ", results in " << o.out << "\n";
    const int n = evaluateCheckpoints(checkpoints, datasets, opts,
                                      [](const std::string &line) { std::cerr << line << "\n"; });
    if (!o.isolatedChild) std::cerr << n << " checkpoint(s) evaluated now\n";
    return Ok;
}

} // namespace

Action addEval(CLI::App &app)
{
    auto o = std::make_shared<EvalOptions>();
    auto *sub = app.add_subcommand(
        "eval", "Evaluate checkpoints on cloze sets (LibTorch, no Python); reruns resume");
    auto *runOpt = sub->add_option("--run", o->run, "Training run folder: every checkpoint-N in it")
                       ->check(CLI::ExistingDirectory);
    auto *ckpt = sub->add_option("--checkpoint", o->checkpoints, "Checkpoint folder(s)")
                     ->check(CLI::ExistingDirectory);
    runOpt->excludes(ckpt);
    auto *follow = sub->add_option("--follow", o->follow,
                                   "Training run folder to follow while it trains: each "
                                   "checkpoint-N evaluated once complete")
                       ->check(CLI::ExistingDirectory)
                       ->excludes(runOpt)
                       ->excludes(ckpt);
    sub->add_option("--settle", o->settle,
                    "--follow: seconds a checkpoint's files must stay unchanged (default 60)")
        ->check(CLI::Range(0.0, 86400.0))
        ->needs(follow);
    sub->add_option("--poll", o->pollEvery, "--follow: seconds between looks (default 10)")
        ->check(CLI::Range(0.01, 86400.0))
        ->needs(follow);
    sub->add_option(
           "--idle-timeout", o->idleTimeout,
           "--follow: stop after this many seconds without a new checkpoint (default 3600)")
        ->check(CLI::Range(0.0, 1e7))
        ->needs(follow);
    sub->add_option("--patience", o->patience,
                    "--follow: early-stopping patience of the verdict lines (default 3)")
        ->check(CLI::Range(1, 1000))
        ->needs(follow);
    sub->add_option("--data", o->data, "Cloze set NAME=FILE.jsonl (real=…, lambada=…); repeatable")
        ->required();
    sub->add_option("--out", o->out, "Results folder: <run>/<checkpoint>.results.json")->required();
    sub->add_option("--max-length", o->maxLength, "Longest input in tokens (default 512)")
        ->check(CLI::Range(8, 1 << 20));
    sub->add_option("--right-keep", o->rightKeep,
                    "Tokens kept after the last mask when truncating (default 64)")
        ->check(CLI::Range(0, 1 << 20));
    sub->add_option("--k", o->ks, "hit@k reported, comma-separated (default 1,5,10)")
        ->delimiter(',')
        ->check(CLI::Range(1, 1000));
    sub->add_option(
           "--batch-size", o->batchSize,
           "Inputs per forward pass, or auto (64 on CUDA, 8 on CPU); halved on out-of-memory")
        ->check(CLI::IsMember({"auto"}) | CLI::Range(1, 4096));
    sub->add_option("--shard", o->shard,
                    "This process's share i/n of the checkpoints (default 0/1)");
    sub->add_option("--tokenizer", o->tokenizer,
                    "Tokenizer folder (default: each checkpoint's, else its run's)");
    addEngineOptions(sub, o->engine);
    sub->add_flag("--isolate", o->isolate,
                  "Evaluate each checkpoint in a process of its own: one whose files crash the "
                  "program is its own error");
    sub->add_flag("--isolated-child", o->isolatedChild)->group(""); // what --isolate runs
    auto *slurm =
        sub->add_option("--slurm", o->slurmShards,
                        "Submit to Slurm as a job array of N shards and a merge job after them")
            ->check(CLI::Range(1, 100000))
            ->needs(runOpt)
            ->excludes(follow);
    sub->add_option("--sbatch", o->sbatchOptions,
                    "--slurm: more sbatch options, e.g. \"--partition=gpu --gres=gpu:1\"")
        ->needs(slurm);
    sub->add_flag("--wait", o->slurmWait, "--slurm: wait for the merge job and give its outcome")
        ->needs(slurm);
    sub->callback([sub] {
        if (sub->count("--run") + sub->count("--checkpoint") + sub->count("--follow") == 0)
            throw CLI::RequiredError("--run, --follow or --checkpoint");
    });
    return [o] { return run(*o); };
}

} // namespace cs::cli
