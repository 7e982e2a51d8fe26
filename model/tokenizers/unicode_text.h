// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cs::text {

/// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::vector<char32_t> decodeUtf8(const std::string &utf8);
/// The code point that starts at byte `at` of UTF-8 text and its length in bytes (an invalid
/// byte is U+FFFD, 1 byte).
char32_t codePointAt(const std::string &utf8, std::size_t at, std::size_t &bytes);
/// Byte ranges [begin, end) of the non-overlapping occurrences of literal, left to right.
std::vector<std::pair<std::size_t, std::size_t>> findLiteral(const std::string &s,
                                                             const std::string &literal);
/// Encodes code points as UTF-8.
std::string encodeUtf8(const std::vector<char32_t> &codePoints);
/// Encodes one code point as UTF-8.
std::string encodeUtf8(char32_t codePoint);

/// White_Space (as Rust's char::is_whitespace), plus tab, newline, carriage return.
bool isWhitespace(char32_t c);
/// "Other" categories (Cc, Cf, Cn, Co, Cs) except tab, newline and carriage return: what the
/// BERT normalizer removes.
bool isControl(char32_t c);
/// BERT punctuation: ASCII symbol ranges or a Unicode punctuation category (P*).
bool isPunctuation(char32_t c);
/// CJK Unified Ideographs and their extensions and compatibility blocks.
bool isChineseChar(char32_t c);
/// A letter (\p{L}: Lu, Ll, Lt, Lm, Lo).
bool isLetter(char32_t c);
/// A number (\p{N}: Nd, Nl, No).
bool isNumber(char32_t c);
/// Nonspacing mark (Mn).
bool isNonspacingMark(char32_t c);
/// A mark (\p{M}: Mn, Mc, Me).
bool isMark(char32_t c);
/// A word character as Hugging Face tokenizers' regex engine reads \w: letters, letter-like
/// numbers and other alphabetics, marks, decimal digits, connector punctuation, and the
/// joiners U+200C and U+200D (UTS #18).
bool isWordCharacter(char32_t c);
/// Lower case of a code point (simple mapping).
char32_t toLower(char32_t c);
/// Lower case of text as Rust's char::to_lowercase, which tokenizers applies character by
/// character: the simple mapping, except U+0130 (İ) which becomes "i" + U+0307.
std::vector<char32_t> lowercase(const std::vector<char32_t> &codePoints);
/// Unicode normalization of UTF-8 text: "NFC", "NFD", "NFKC" or "NFKD".
std::string normalize(const std::string &utf8, const std::string &form);
/// The extended grapheme clusters of UTF-8 text (UAX #29), each as its bytes.
std::vector<std::string> graphemes(const std::string &utf8);

} // namespace cs::text
