// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace cs {

/// Unigram (SentencePiece-style) from a tokenizer.json, as Hugging Face's tokenizers runs it:
/// its normalisers (Sequence, Replace, NFC/NFKC/NFD/NFKD, Strip, Lowercase), the Metaspace
/// pre-tokeniser, Viterbi over the pieces' scores, unknown characters fused into one [UNK].
class UnigramTokenizer : public Tokenizer
{
  public:
    /// From a tokenizer.json of model type Unigram; throws std::runtime_error with the reason.
    static std::unique_ptr<UnigramTokenizer> fromTokenizerJson(const nlohmann::json &doc);

  protected:
    void encodeSegment(const std::string &text, Encoding &out) const override;

  private:
    void viterbi(const std::vector<char32_t> &word, Encoding &out) const;

    std::vector<std::function<std::string(const std::string &)>> m_normalizers;
    std::vector<double> m_scores;
    double m_unkScore = -10.0;
    std::size_t m_maxPieceChars = 1;
    char32_t m_metaspace = 0x2581;
    bool m_prependAlways = true;
    bool m_whitespaceSplit = false; ///< WhitespaceSplit before Metaspace
};

} // namespace cs
