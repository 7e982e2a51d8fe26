// SPDX-License-Identifier: MIT
#pragma once

#include "engine/fill_mask.h"
#include "results/cloze_dataset.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// How examples are evaluated (design §4).
struct ClozeSettings
{
    int maxLength = 512;           ///< longest input, special tokens included
    int rightKeep = 64;            ///< body tokens kept after the last mask when truncating
    std::vector<int> ks{1, 5, 10}; ///< hit@k reported
    int topCandidates = 5;         ///< candidates kept per example
    int batchSize = 8;             ///< inputs per forward pass (similar lengths together)
};

/// What one example gave.
struct ClozeRecord
{
    std::string id;                 ///< example id
    std::vector<int> answerIds;     ///< the best answer's ids
    std::vector<int> inputIds;      ///< input after truncation (best answer)
    int untruncatedLength = 0;      ///< input length before truncation
    std::optional<int> rank;        ///< 1-based rank among the max(k) best joint fillings
    double goldLogprob = 0.0;       ///< sum of log-softmax at the masks (best answer)
    std::vector<FillCandidate> top; ///< best joint fillings
    std::map<int, bool> hits;       ///< k -> gold among the k best
};

/// An example left out of an evaluation, and why.
struct SkippedExample
{
    std::string id;       ///< example id
    std::size_t line = 0; ///< its line in the set (0 = unknown)
    std::string reason;   ///< why it could not be evaluated (an answer longer than max length, …)
};

/// An evaluation of a set of examples.
struct ClozeResult
{
    std::vector<ClozeRecord> records;    ///< per evaluated example
    std::vector<SkippedExample> skipped; ///< examples that could not be evaluated, in set order
    std::map<int, double> hitAt;         ///< k -> share of examples with a hit
    double meanGoldLogprob = 0.0;        ///< mean over examples
};

/// Runs forward(first, count) over n items in batches of at most batchSize, in order. A batch
/// that fails with an out-of-memory error is retried at half the size (down to 1) and the
/// smaller size is kept; other errors propagate. progress(done) before each batch may return
/// false to stop. Returns the batch size in use at the end.
int forEachBatch(std::size_t n, int batchSize,
                 const std::function<void(std::size_t, std::size_t)> &forward,
                 const std::function<bool(std::size_t)> &progress = {});

/// Evaluates examples (the answer tokenised alone into m tokens, the placeholder replaced by m
/// masks, the text truncated around the last mask, joint k-best ranking), inputs of similar
/// length batched together. An example that cannot be evaluated (an answer without tokens or
/// longer than max length allows) is skipped with its reason; the others are evaluated.
/// progress(done, total) may return false to stop; finished records are kept.
ClozeResult evaluateCloze(const MaskedLM &model, const Tokenizer &tokenizer,
                          const std::vector<ClozeExample> &examples, const ClozeSettings &settings,
                          const std::function<bool(std::size_t, std::size_t)> &progress = {});

} // namespace cs
