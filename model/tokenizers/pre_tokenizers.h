// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// A piece of normalised text on its way to the model.
struct PreToken
{
    std::string text;     ///< UTF-8 (after ByteLevel: its byte characters)
    bool atStart = false; ///< its first character begins the input (prepend_scheme "first")
};

/// One pre-tokenisation step: splits (or rewrites) each piece.
using PreTokenizer = std::function<std::vector<PreToken>(const PreToken &)>;

/// The steps of tokenizer.json's "pre_tokenizer" (null: none): Sequence, WhitespaceSplit,
/// Whitespace, BertPreTokenizer, Metaspace, ByteLevel, Split (string or regex, every
/// behaviour, invert), Punctuation, Digits. Any other is refused by name (std::runtime_error).
std::vector<PreTokenizer> readPreTokenizers(const nlohmann::json &preTokenizer);

/// The pieces text becomes after every step (empty pieces dropped).
std::vector<PreToken> applyPreTokenizers(const std::vector<PreTokenizer> &steps,
                                         const PreToken &text);

/// GPT-2's pre-tokenization of text: contractions, letters, numbers, other symbols (each
/// with one leading space) and whitespace runs.
std::vector<std::string> splitGpt2(const std::string &text);

/// GPT-2's bytes_to_unicode: each byte as the printable character that stands for it.
const std::vector<std::string> &byteLevelCharacters();

} // namespace cs
