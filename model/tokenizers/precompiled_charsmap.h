// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

/// SentencePiece's precompiled normalisation (nmt_nfkc and the like) as tokenizer.json carries
/// it in a Precompiled normaliser: a darts-clone double-array trie of UTF-8 keys and the
/// replacement strings. Applied as Hugging Face tokenizers applies it: per grapheme cluster
/// under 6 bytes, else per character; the first (shortest) key that prefixes the chunk
/// replaces the whole chunk.
class PrecompiledCharsmap
{
  public:
    /// From the base64 precompiled_charsmap; throws std::runtime_error when it is malformed.
    explicit PrecompiledCharsmap(const std::string &base64);

    /// The normalised text; firstRemoved (when given) tells whether the first grapheme
    /// cluster became nothing.
    std::string normalize(const std::string &utf8, bool *firstRemoved = nullptr) const;

  private:
    /// Replacement for a chunk, or false when no key prefixes it.
    bool transform(const std::string &chunk, std::string &out) const;

    std::vector<std::uint32_t> m_trie; ///< double-array units
    std::string m_replacements;        ///< NUL-terminated replacement strings
};

} // namespace cs
