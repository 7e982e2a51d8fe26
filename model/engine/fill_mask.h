// SPDX-License-Identifier: MIT
#pragma once

#include "engine/masked_lm.h"
#include "tokenizers/tokenizer.h"

#include <string>
#include <vector>

namespace cs {

/// One candidate for a masked position (or a joint sequence for several masks).
struct FillCandidate
{
    std::vector<int> ids;            ///< token ids (one per mask)
    std::vector<std::string> tokens; ///< their tokens
    double logProb = 0.0;            ///< sum of log-probabilities at the masked positions
    double prob = 0.0;               ///< exp(logProb)
};

/// What fill-mask found for a text.
struct FillMaskResult
{
    std::vector<int> inputIds;                       ///< the encoded text
    std::vector<int> maskPositions;                  ///< where the masks are
    std::vector<std::vector<FillCandidate>> perMask; ///< top-k at each mask
    std::vector<FillCandidate> joint;                ///< k best joint fillings (several masks)
    std::vector<std::pair<std::string, FillCandidate>> targets; ///< scores of the given words
};

/// Fill-mask: masks may be written as the model's mask token or as "[MASK]". Scores are
/// log-softmax at the masked positions, positions independent; the joint k best are exact.
/// A target word is tokenised alone; with one mask in the text, the mask is widened to the
/// word's token count. Throws std::runtime_error with the reason (no mask, too long, …).
FillMaskResult fillMask(const MaskedLM &model, const Tokenizer &tokenizer, const std::string &text,
                        int topK, const std::vector<std::string> &targets = {});

/// Log-softmax of a logits row, in double precision.
std::vector<double> logSoftmax(const std::vector<float> &logits);

/// Indices of the k largest values, largest first (k is capped at the row's length).
std::vector<int> topIndices(const std::vector<double> &row, std::size_t k);

/// The k best combinations of per-position log-probabilities (sum), best first, exactly.
std::vector<std::pair<std::vector<int>, double>>
jointBest(const std::vector<std::vector<double>> &logProbs, int k);

} // namespace cs
