// SPDX-License-Identifier: MIT
#pragma once

#include "engine/fill_mask.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// What to probe: one text with masks, the same for every checkpoint.
struct ProbeRequest
{
    std::string text;                 ///< with [MASK] or the model's own mask token
    int topK = 5;                     ///< candidates per mask (and joint fillings)
    std::vector<std::string> targets; ///< words whose probability is followed
    std::string tokenizerDir;         ///< "" = each checkpoint's own, else its run's
    EngineOptions engine;             ///< device, precision, threads
    Truncation truncation;            ///< where a long text is cut (as an evaluation did)
};

/// One checkpoint's answer.
struct ProbeRow
{
    std::string checkpoint;           ///< its folder
    std::optional<std::int64_t> step; ///< N of checkpoint-N
    std::optional<double> epoch;      ///< trainer_state.json's epoch
    FillMaskResult result;            ///< fill-mask on it (empty when error is set)
    std::string error;                ///< why it gave no answer ("" when it did)
};

/// Where a probe stands: checkpoints done of total, the one being probed.
struct ProbeProgress
{
    std::size_t done = 0;   ///< checkpoints answered
    std::size_t total = 0;  ///< checkpoints in all
    std::string checkpoint; ///< folder being loaded ("" when done)
};

/// The checkpoints a folder stands for: its checkpoint-N folders by step (a Trainer's output
/// folder, even when it also holds the final model), else itself when it holds config.json.
/// Throws std::runtime_error when it is neither.
std::vector<std::string> probeFolders(const std::string &dir);

/// Fill-mask with the same text on each checkpoint in turn, one model in memory at a time.
/// A checkpoint that cannot be loaded or read gets its error and the others go on. A problem
/// every checkpoint would share throws std::runtime_error once: options this machine lacks
/// (before any loading), a text or words the tokenizer cannot use (at the first checkpoint that
/// loads; later, a checkpoint's own failure is its row's error).
/// progress is called before each checkpoint and at the end; returning false stops (rows so
/// far are returned).
std::vector<ProbeRow>
probeCheckpoints(const std::vector<std::string> &checkpoints, const ProbeRequest &request,
                 const std::function<bool(const ProbeProgress &)> &progress = {});

/// Probability of a target word in a row (nullopt when the row has none for it).
std::optional<double> targetProbability(const ProbeRow &row, const std::string &word);

} // namespace cs
