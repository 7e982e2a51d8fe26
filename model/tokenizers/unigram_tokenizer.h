// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/pipeline_tokenizer.h"

#include <nlohmann/json.hpp>

namespace cs {

/// Unigram (SentencePiece-style) from a tokenizer.json, as Hugging Face's tokenizers runs it:
/// the pipeline's normaliser and pre-tokeniser, Viterbi over the pieces' scores, unknown
/// characters fused into one [UNK].
class UnigramTokenizer : public PipelineTokenizer
{
  public:
    /// From a tokenizer.json of model type Unigram; throws std::runtime_error with the reason.
    static std::unique_ptr<UnigramTokenizer> fromTokenizerJson(const nlohmann::json &doc);

  protected:
    void encodeWord(const std::string &word, Encoding &out) const override;

  private:
    std::vector<double> m_scores;
    double m_unkScore = -10.0;
    std::size_t m_maxPieceChars = 1;
};

} // namespace cs
