// SPDX-License-Identifier: MIT
#pragma once

#include "engine_options.h"

#include <string>
#include <vector>

namespace cs::cli {

/// The options of `clozescope-cli eval`.
struct EvalOptions
{
    std::string run;                      ///< --run RUN_DIR
    std::string follow;                   ///< --follow RUN_DIR
    double settle = 60;                   ///< seconds a checkpoint's files must stay unchanged
    double pollEvery = 10;                ///< seconds between looks at the run folder
    double idleTimeout = 3600;            ///< seconds without a new checkpoint before giving up
    int patience = 3;                     ///< early stopping the verdict lines simulate
    std::vector<std::string> checkpoints; ///< --checkpoint folders
    std::vector<std::string> data;        ///< NAME=FILE cloze sets
    std::string out;                      ///< results folder
    std::string tokenizer;                ///< tokenizer folder ("" = each checkpoint's)
    std::string shard = "0/1";            ///< this process's share
    std::string batchSize = "auto";       ///< inputs per forward pass
    int maxLength = 512;                  ///< longest input
    int rightKeep = 64;                   ///< tokens kept after the last mask
    std::vector<int> ks{1, 5, 10};        ///< hit@k reported
    EngineOptions engine;                 ///< device, precision, threads
    bool isolate = false;                 ///< each checkpoint in a child process
    bool isolatedChild = false;           ///< this process is one of those
    int slurmShards = 0;                  ///< --slurm N: submit as a job array of N shards
    std::string sbatchOptions;            ///< --sbatch "…": more sbatch options
    bool slurmWait = false;               ///< --wait: until the merge job ends
};

/// The arguments that make another `eval` evaluate as o says (sets, lengths, k, batch, device,
/// precision, threads, tokenizer), without what to evaluate or where to write.
inline std::vector<std::string> evaluationArguments(const EvalOptions &o)
{
    std::string ks;
    for (int k : o.ks)
        ks += (ks.empty() ? "" : ",") + std::to_string(k);
    std::vector<std::string> args = {"--max-length", std::to_string(o.maxLength),
                                     "--right-keep", std::to_string(o.rightKeep),
                                     "--k",          ks,
                                     "--batch-size", o.batchSize,
                                     "--device",     o.engine.device,
                                     "--dtype",      o.engine.dtype,
                                     "--threads",    std::to_string(o.engine.threads)};
    for (const std::string &d : o.data)
        args.insert(args.end(), {"--data", d});
    if (!o.tokenizer.empty()) args.insert(args.end(), {"--tokenizer", o.tokenizer});
    return args;
}

} // namespace cs::cli
