// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/tokenizer.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cs {

/// Byte-level BPE as GPT-2 and RoBERTa ship it in tokenizer.json: the ByteLevel pre-tokenizer
/// (GPT-2's split pattern, bytes mapped to printable characters, add_prefix_space), merges by
/// rank, RobertaProcessing or TemplateProcessing. Other normalizers and pre-tokenizers are
/// refused by name.
class BpeTokenizer : public Tokenizer
{
  public:
    /// From tokenizer.json's document; throws std::runtime_error naming what is not supported.
    static std::unique_ptr<BpeTokenizer> fromTokenizerJson(const nlohmann::json &doc);

    /// GPT-2's pre-tokenization of text: contractions, letters, numbers, other symbols (each
    /// with one leading space) and whitespace runs.
    static std::vector<std::string> splitGpt2(const std::string &text);

  protected:
    void encodeSegment(const std::string &text, Encoding &out) const override;

  private:
    /// The BPE of one pre-token already mapped to byte-level characters.
    void encodeWord(const std::string &mapped, Encoding &out) const;

    std::map<std::pair<std::string, std::string>, int> m_ranks; ///< merge → rank
    bool m_addPrefixSpace = false;                              ///< ByteLevel add_prefix_space
    bool m_useRegex = true;                                     ///< ByteLevel use_regex
    bool m_ignoreMerges = false; ///< a pre-token in the vocabulary is taken whole
};

} // namespace cs
