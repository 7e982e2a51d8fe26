// SPDX-License-Identifier: MIT
#pragma once

#include "engine/cloze_eval.h"
#include "results/run_naming.h" // discoverCheckpoints

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// A named cloze set to evaluate on ("real" -> metrics Real@k).
struct EvalDataset
{
    std::string name;   ///< metric prefix: "real" gives real@1 (Real@1 through the alias table)
    std::string path;   ///< the JSONL file
    std::string sha256; ///< identity of the file's bytes (first 64 hex digits)
    std::vector<ClozeExample> examples; ///< its examples
};

/// Options of a multi-checkpoint evaluation.
struct EvalRunOptions
{
    ClozeSettings cloze;      ///< scoring
    EngineOptions engine;     ///< device, precision, threads
    std::string outDir;       ///< where <checkpoint>.results.json and .examples.jsonl go
    int shardIndex = 0;       ///< this process's shard (0-based)
    int shardCount = 1;       ///< shards in all: checkpoint i goes to shard i mod count
    std::string tokenizerDir; ///< tokenizer folder ("" = each checkpoint's, else its run's)
    std::string createdBy = "clozescope-cli"; ///< the program, as results record it (created.by)
};

/// Where a multi-checkpoint evaluation stands.
struct EvalProgress
{
    std::string checkpoint;          ///< folder name of the checkpoint being evaluated
    std::size_t checkpointIndex = 0; ///< its place among this shard's checkpoints (0-based)
    std::size_t checkpoints = 0;     ///< checkpoints of this shard
    std::size_t done = 0;            ///< examples done in this checkpoint, all sets together
    std::size_t total = 0;           ///< examples of this checkpoint, all sets together
    std::string finishedResults;     ///< results file just written ("" while evaluating)
};

/// Receives progress; returns false to cancel (finished checkpoints are kept).
using EvalProgressFn = std::function<bool(const EvalProgress &)>;

/// The epoch the checkpoint folder's trainer_state.json records, if any.
std::optional<double> checkpointEpoch(const std::string &dir);

/// Inputs per forward pass unless told otherwise: 64 on a GPU, 8 on the CPU (either is halved
/// on out-of-memory).
int defaultBatchSize(const std::string &device);

/// The max length to evaluate a run at unless told otherwise: the sequence length its folder's
/// name gives ("mlm_v2_scratch_1536" → 1536, as the run's results are named) up to what its
/// first checkpoint's model takes, else that model's positions (config.json's
/// max_position_embeddings; RoBERTa's less its padding offset), else 512.
int suggestedMaxLength(const std::string &runDir, const std::vector<std::string> &checkpoints);

/// Loads datasets from "name=path" pairs; problems (bad lines) go to warnings.
std::vector<EvalDataset>
loadEvalDatasets(const std::vector<std::pair<std::string, std::string>> &specs,
                 std::vector<std::string> &warnings);

/// Makes the results folder and checks that a file can be written in it; throws
/// std::runtime_error with the system's reason when not.
void prepareResultsFolder(const std::string &outDir);

/// The checkpoints of shard index of count: i, i+count, i+2·count, …
std::vector<std::string> shardCheckpoints(const std::vector<std::string> &checkpoints, int index,
                                          int count);

/// Evaluates every checkpoint of this shard on every dataset, writing each checkpoint's results
/// (ClozeScope results v1 + per-example JSONL) atomically as it finishes. Before any work the
/// results folder is made and checked writable (prepareResultsFolder), and two sets of one
/// name, or a set or checkpoint folder whose name is not UTF-8, are refused
/// (std::runtime_error). Checkpoints whose
/// results file exists are skipped (resume); one that another process is evaluating into the
/// same folder (its <checkpoint>.lock held) is left to it; temporary files a stopped writer
/// left are removed. Examples that cannot be evaluated are skipped, logged once per run and
/// recorded under the set's "skipped". log receives progress lines. Returns the number of
/// checkpoints evaluated now. A checkpoint that fails is logged and the others go on; then
/// std::runtime_error names every failed checkpoint and why. When progress returns
/// false the checkpoint in progress is dropped (nothing written for it) and the call returns.
int evaluateCheckpoints(const std::vector<std::string> &checkpoints,
                        const std::vector<EvalDataset> &datasets, const EvalRunOptions &options,
                        const std::function<void(const std::string &)> &log,
                        const EvalProgressFn &progress = {});

} // namespace cs
