// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

namespace cs {

/// BERT normaliser settings (tokenizers' BertNormalizer / transformers' BasicTokenizer).
struct BertNormalizerOptions
{
    bool cleanText = true;          ///< drop control characters, whitespace becomes a space
    bool handleChineseChars = true; ///< spaces around CJK ideographs
    int stripAccents = -1;          ///< 1 yes, 0 no, -1 as lowercase
    bool lowercase = false;         ///< lower-case
};

/// WordPiece with the BERT normaliser and pre-tokeniser, as Hugging Face's BertTokenizer(Fast).
class WordPieceTokenizer : public Tokenizer
{
  public:
    /// From a tokenizer.json of model type WordPiece; throws std::runtime_error with the reason.
    static std::unique_ptr<WordPieceTokenizer> fromTokenizerJson(const nlohmann::json &doc);
    /// From vocab.txt and the settings of tokenizer_config.json (may be null).
    static std::unique_ptr<WordPieceTokenizer> fromVocab(const std::string &vocabText,
                                                         const nlohmann::json &config);

  protected:
    void encodeSegment(const std::string &text, bool atStart, Encoding &out) const override;

  private:
    void wordPiece(const std::vector<char32_t> &word, Encoding &out) const;
    std::vector<std::vector<char32_t>> preTokenize(const std::string &text) const;

    BertNormalizerOptions m_norm;
    std::string m_prefixMark = "##";
    std::size_t m_maxChars = 100;
};

} // namespace cs
