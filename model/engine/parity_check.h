// SPDX-License-Identifier: MIT
#pragma once

#include "engine/masked_lm.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// One comparison of the engine with what transformers recorded for a fixture.
struct ParityResult
{
    std::string model;  ///< the checkpoint folder, relative to the fixtures root
    std::string check;  ///< "tokenizer", "golden", "hidden states", "padded batch", "long sequence"
    int compared = 0;   ///< texts (tokenizer) or masked positions / states compared
    int agreeing = 0;   ///< those that agree (ids equal; within tolerance with the same top tokens)
    int nearTies = 0;   ///< of those, bf16/fp16 top-1 flips between tokens the reference scores
                        ///< within tieMargin of each other
    double maxDiff = 0; ///< largest absolute logit or hidden-state difference
    std::string error;  ///< why the check could not run ("" when it ran)
    std::string firstMismatch; ///< tokenizer: the first text whose ids differ, with both id lists

    /// Ran, compared something, and everything compared agrees.
    bool ok() const { return error.empty() && compared > 0 && agreeing == compared; }
};

/// How strictly to compare.
struct ParityOptions
{
    EngineOptions engine;    ///< device, precision, threads
    double tolerance = 1e-4; ///< fp32: largest logit / hidden-state difference allowed
    double tieMargin = 0.05; ///< bf16/fp16: a top-1 the reference scores this close to its own
                             ///< best counts as a near tie, not a disagreement
};

/// Compares the engine with transformers' recorded outputs in a fixtures folder (the layout of
/// ../shared/fixtures and tests/data): every <name>/ beside <name>.expected.json under the root,
/// hf-reference/, families/ and storage/ (a storage/<name>-<variant>/ without its own expected file
/// uses hf-reference/<name>.expected.json). In fp32: token ids equal, logits and hidden states
/// within tolerance and the same top 5. In bf16/fp16: the same top-1, or one the reference scores
/// within tieMargin of its best (a near tie, counted apart); differences are reported only.
/// progress gets each model's folder before it runs; returning false stops.
std::vector<ParityResult>
checkParity(const std::string &root, const ParityOptions &options,
            const std::function<bool(const std::string &model)> &progress = {});

} // namespace cs
