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
    int textLength = 0; ///< the text's tokens before any cut (more than inputIds when cut)
};

/// Relative-position DeBERTa has no position table to outgrow; without a max length its input
/// is cut here all the same, since its memory grows with the square of the length.
constexpr int kLongestUnaskedInput = 4096;

/// The longest input the model's position table takes: max_position_embeddings, less RoBERTa's
/// padding offset (positions start after its padding id).
int positionLimit(const ModelConfig &config);

/// The longest input a text gets when no max length is asked for: the model's
/// max_position_embeddings (RoBERTa's less its padding offset), or for relative-position
/// DeBERTa the larger of it and kLongestUnaskedInput.
int defaultMaxLength(const ModelConfig &config);

/// Where a text longer than maxLength tokens (special tokens included) is cut: the window of
/// its body that ends rightKeep tokens after the last mask (design §4). 0 = never cut.
struct Truncation
{
    int maxLength = 0;  ///< longest input; 0 = the whole text
    int rightKeep = 64; ///< body tokens kept after the last mask
};

/// The body window kept for a max length: [start, end) of n body tokens with the last mask at
/// index lastMask, budget tokens allowed (design §4).
std::pair<int, int> truncationWindow(int n, int budget, int lastMask, int rightKeep);

/// The model's input for a text encoded with (full) and without (body) the model's template:
/// the template around the body's window for the truncation.
std::vector<int> truncatedInput(const Encoding &full, const Encoding &body, int maskId,
                                const Truncation &truncation);

/// Fill-mask: masks may be written as the model's mask token or as "[MASK]". Scores are
/// log-softmax at the masked positions, positions independent; the joint k best are exact.
/// A target word is tokenised alone; with one mask in the text, the mask is widened to the
/// word's token count (as the cloze evaluation does, truncation included). Without a max
/// length, a text longer than defaultMaxLength is cut there as an evaluation cuts it
/// (textLength says so). Throws std::runtime_error with the reason (no mask, too long, …).
FillMaskResult fillMask(const MaskedLM &model, const Tokenizer &tokenizer, const std::string &text,
                        int topK, const std::vector<std::string> &targets = {},
                        const Truncation &truncation = {});

/// Log-softmax of a logits row, in double precision.
std::vector<double> logSoftmax(const std::vector<float> &logits);

/// Indices of the k largest values, largest first (k is capped at the row's length).
std::vector<int> topIndices(const std::vector<double> &row, std::size_t k);

/// The k best combinations of per-position log-probabilities (sum), best first, exactly.
std::vector<std::pair<std::vector<int>, double>>
jointBest(const std::vector<std::vector<double>> &logProbs, int k);

} // namespace cs
