// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/pipeline_tokenizer.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

/// BPE from tokenizer.json, as Hugging Face's tokenizers runs it: the pipeline's normaliser and
/// pre-tokeniser (ByteLevel for GPT-2 and RoBERTa, Metaspace for SentencePiece-style BPE),
/// merges by rank, byte_fallback, fuse_unk, a continuing-subword prefix and end-of-word suffix,
/// ignore_merges. Dropout is refused.
class BpeTokenizer : public PipelineTokenizer
{
  public:
    /// From tokenizer.json's document; throws std::runtime_error naming what is not supported.
    static std::unique_ptr<BpeTokenizer> fromTokenizerJson(const nlohmann::json &doc);

  protected:
    void encodeWord(const std::string &word, Encoding &out) const override;

  private:
    /// What a merge of two ids gives.
    struct Merge
    {
        int rank; ///< its place in the merges list (lower merges first)
        int id;   ///< the merged token's id
    };
    /// The word's characters as ids: prefix/suffix applied, byte fallback, unknowns.
    std::vector<int> initialIds(const std::string &word) const;
    /// The merge of a pair of ids, or nullptr.
    const Merge *mergeOf(int left, int right) const;

    std::unordered_map<std::uint64_t, Merge> m_merges; ///< (left id, right id) → merge
    std::string m_continuingPrefix;                    ///< e.g. "##", or ""
    std::string m_endOfWordSuffix;                     ///< e.g. "</w>", or ""
    bool m_byteFallback = false;                       ///< unknown characters as <0xNN> byte tokens
    bool m_fuseUnk = false;                            ///< consecutive unknowns as one
    bool m_modelHasUnk = false;  ///< the model names an unknown token (else unknowns are dropped)
    bool m_ignoreMerges = false; ///< a pre-token in the vocabulary is taken whole
};

} // namespace cs
