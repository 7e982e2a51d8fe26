// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/normalizers.h"
#include "tokenizers/pre_tokenizers.h"
#include "tokenizers/tokenizer.h"

namespace cs {

/// A tokenizer.json pipeline around a subword model (Unigram, BPE): raw added tokens split
/// out, the normaliser, "normalized" added tokens split out of its output, the pre-tokeniser,
/// then the model on each piece.
class PipelineTokenizer : public Tokenizer
{
  protected:
    /// Reads normalizer, pre_tokenizer, added_tokens and post_processor of the document.
    void readPipeline(const nlohmann::json &doc);
    void encodeSegment(const std::string &text, bool atStart, Encoding &out) const override;
    /// The model on one pre-tokenised piece.
    virtual void encodeWord(const std::string &word, Encoding &out) const = 0;

  private:
    std::vector<Normalizer> m_normalizers;
    std::vector<PreTokenizer> m_preTokenizers;
    std::vector<AddedToken> m_normalizedAdded; ///< content normalised, longest first
};

} // namespace cs
