// SPDX-License-Identifier: MIT
#include "tokenizers/pre_tokenizers.h"

#include "tokenizers/onig_regex.h"
#include "tokenizers/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace cs {
namespace {

/// Sequences nested deeper than this are refused (real tokenizers nest one level).
constexpr int kMaxDepth = 32;

/// tokenizers' SplitDelimiterBehavior.
enum class Behavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

Behavior behaviorOf(const nlohmann::json &step, const char *fallback)
{
    const std::string b = step.value("behavior", std::string(fallback));
    if (b == "Removed") return Behavior::Removed;
    if (b == "Isolated") return Behavior::Isolated;
    if (b == "MergedWithPrevious") return Behavior::MergedWithPrevious;
    if (b == "MergedWithNext") return Behavior::MergedWithNext;
    if (b == "Contiguous") return Behavior::Contiguous;
    throw std::runtime_error("split behavior \"" + b + "\" is not supported");
}

using Span = std::pair<std::size_t, std::size_t>;

/// Cuts a piece at the spans that match as tokenizers' NormalizedString::split does.
std::vector<PreToken> splitAt(const PreToken &piece, const std::vector<Span> &matchSpans,
                              Behavior behavior, bool invert)
{
    const std::string &s = piece.text;
    std::vector<std::pair<Span, bool>> parts; // every byte covered, in order
    std::size_t done = 0;
    for (const Span &m : matchSpans) {
        if (m.first > done) parts.push_back({{done, m.first}, invert});
        parts.push_back({m, !invert});
        done = m.second;
    }
    if (done < s.size()) parts.push_back({{done, s.size()}, invert});

    std::vector<Span> kept;
    bool previousMatch = false;
    switch (behavior) {
    case Behavior::Removed:
        for (const auto &[span, match] : parts)
            if (!match) kept.push_back(span);
        break;
    case Behavior::Isolated:
        for (const auto &part : parts)
            kept.push_back(part.first);
        break;
    case Behavior::MergedWithPrevious:
        for (const auto &[span, match] : parts) {
            if (match && !previousMatch && !kept.empty())
                kept.back().second = span.second;
            else
                kept.push_back(span);
            previousMatch = match;
        }
        break;
    case Behavior::MergedWithNext:
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
            if (it->second && !previousMatch && !kept.empty())
                kept.back().first = it->first.first;
            else
                kept.push_back(it->first);
            previousMatch = it->second;
        }
        std::reverse(kept.begin(), kept.end());
        break;
    case Behavior::Contiguous:
        for (const auto &[span, match] : parts) {
            if (match == previousMatch && !kept.empty())
                kept.back().second = span.second;
            else
                kept.push_back(span);
            previousMatch = match;
        }
        break;
    }
    std::vector<PreToken> out;
    for (const Span &span : kept)
        if (span.second > span.first)
            out.push_back(
                {s.substr(span.first, span.second - span.first), piece.atStart && span.first == 0});
    return out;
}

/// Spans of the single code points for which test holds.
template <typename Test> std::vector<Span> codePointSpans(const std::string &s, Test test)
{
    std::vector<Span> out;
    for (std::size_t i = 0, n = 0; i < s.size(); i += n)
        if (test(text::codePointAt(s, i, n))) out.emplace_back(i, i + n);
    return out;
}

/// tokenizers' Whitespace: \w+|[^\w\s]+, whitespace dropped, with \w as its Oniguruma reads
/// it (Debian's older Oniguruma leaves the joiners U+200C/U+200D out, so not through OnigRegex).
std::vector<PreToken> whitespacePieces(const PreToken &p)
{
    std::vector<PreToken> out;
    int previous = 0; // 0 whitespace, 1 word, 2 other
    std::size_t start = 0;
    const std::string &s = p.text;
    for (std::size_t i = 0; i <= s.size();) {
        std::size_t n = 1;
        int kind = 0;
        if (i < s.size()) {
            const char32_t cp = text::codePointAt(s, i, n);
            kind = text::isWhitespace(cp) ? 0 : text::isWordCharacter(cp) ? 1 : 2;
        }
        if (kind != previous || i == s.size()) {
            if (previous != 0) out.push_back({s.substr(start, i - start), p.atStart && start == 0});
            start = i;
            previous = kind;
        }
        if (i == s.size()) break;
        i += n;
    }
    return out;
}

PreTokenizer splitOnCodePoints(bool (*test)(char32_t), Behavior behavior)
{
    return [test, behavior](const PreToken &p) {
        return splitAt(p, codePointSpans(p.text, test), behavior, false);
    };
}

PreTokenizer regexSplit(const std::string &pattern, Behavior behavior, bool invert)
{
    const auto regex = std::make_shared<OnigRegex>(pattern);
    return [regex, behavior, invert](const PreToken &p) {
        return splitAt(p, regex->findAll(p.text), behavior, invert);
    };
}

PreTokenizer metaspace(const nlohmann::json &step)
{
    const std::string replacement = step.value("replacement", std::string("\u2581"));
    std::string scheme = step.value("prepend_scheme", std::string());
    if (scheme.empty()) scheme = step.value("add_prefix_space", true) ? "always" : "never";
    if (scheme != "always" && scheme != "first" && scheme != "never")
        throw std::runtime_error("Metaspace prepend_scheme \"" + scheme + "\" is not supported");
    const bool split = step.value("split", true);
    return [replacement, scheme, split](const PreToken &p) {
        PreToken out{p.text, p.atStart};
        std::size_t at = 0;
        while ((at = out.text.find(' ', at)) != std::string::npos) {
            out.text.replace(at, 1, replacement);
            at += replacement.size();
        }
        const bool starts = out.text.compare(0, replacement.size(), replacement) == 0;
        if (!starts && (scheme == "always" || (scheme == "first" && p.atStart)))
            out.text = replacement + out.text;
        if (!split) return std::vector<PreToken>{out};
        return splitAt(out, text::findLiteral(out.text, replacement), Behavior::MergedWithNext,
                       false);
    };
}

PreTokenizer byteLevel(const nlohmann::json &step)
{
    const bool addPrefixSpace = step.value("add_prefix_space", true);
    const bool useRegex = step.value("use_regex", true);
    return [addPrefixSpace, useRegex](const PreToken &p) {
        std::string s = p.text;
        if (addPrefixSpace && s.compare(0, 1, " ") != 0) s = " " + s;
        const std::vector<std::string> words =
            useRegex ? splitGpt2(s) : std::vector<std::string>{s};
        const auto &bytes = byteLevelCharacters();
        std::vector<PreToken> out;
        bool first = true;
        for (const std::string &w : words) {
            std::string mapped;
            for (unsigned char b : w)
                mapped += bytes[b];
            out.push_back({mapped, p.atStart && first});
            first = false;
        }
        return out;
    };
}

void add(const nlohmann::json &step, std::vector<PreTokenizer> &out, int depth)
{
    if (step.is_null()) return;
    if (!step.is_object())
        throw std::runtime_error("pre_tokenizer " + step.dump() + " is not an object");
    const std::string type = step.value("type", "");
    if (type == "Sequence") {
        if (depth >= kMaxDepth)
            throw std::runtime_error("pre_tokenizer Sequences nested deeper than " +
                                     std::to_string(kMaxDepth) + " levels");
        for (const auto &inner : step.at("pretokenizers"))
            add(inner, out, depth + 1);
    } else if (type == "WhitespaceSplit") {
        out.push_back(splitOnCodePoints(text::isWhitespace, Behavior::Removed));
    } else if (type == "Whitespace") {
        out.push_back(whitespacePieces);
    } else if (type == "BertPreTokenizer") {
        out.push_back(splitOnCodePoints(text::isWhitespace, Behavior::Removed));
        out.push_back(splitOnCodePoints(text::isPunctuation, Behavior::Isolated));
    } else if (type == "Punctuation") {
        out.push_back(splitOnCodePoints(text::isPunctuation, behaviorOf(step, "Isolated")));
    } else if (type == "Digits") {
        out.push_back(splitOnCodePoints(text::isNumber, step.value("individual_digits", false)
                                                            ? Behavior::Isolated
                                                            : Behavior::Contiguous));
    } else if (type == "Split") {
        const auto &pattern = step.at("pattern");
        const Behavior behavior = behaviorOf(step, "Removed");
        const bool invert = step.value("invert", false);
        if (pattern.contains("String")) {
            const std::string literal = pattern.at("String").get<std::string>();
            out.push_back([literal, behavior, invert](const PreToken &p) {
                return splitAt(p, text::findLiteral(p.text, literal), behavior, invert);
            });
        } else {
            out.push_back(regexSplit(pattern.at("Regex").get<std::string>(), behavior, invert));
        }
    } else if (type == "Metaspace") {
        out.push_back(metaspace(step));
    } else if (type == "ByteLevel") {
        out.push_back(byteLevel(step));
    } else {
        throw std::runtime_error("pre_tokenizer \"" + type + "\" is not supported");
    }
}

} // namespace

std::vector<PreTokenizer> readPreTokenizers(const nlohmann::json &preTokenizer)
{
    std::vector<PreTokenizer> out;
    add(preTokenizer, out, 0);
    return out;
}

std::vector<PreToken> applyPreTokenizers(const std::vector<PreTokenizer> &steps,
                                         const PreToken &text)
{
    std::vector<PreToken> pieces;
    if (!text.text.empty()) pieces.push_back(text);
    for (const PreTokenizer &step : steps) {
        std::vector<PreToken> next;
        for (const PreToken &p : pieces)
            for (PreToken &q : step(p))
                if (!q.text.empty()) next.push_back(std::move(q));
        pieces = std::move(next);
    }
    return pieces;
}

const std::vector<std::string> &byteLevelCharacters()
{
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t(256);
        int extra = 0;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            t[std::size_t(b)] = text::encodeUtf8(printable ? char32_t(b) : char32_t(256 + extra++));
        }
        return t;
    }();
    return table;
}

std::vector<std::string> splitGpt2(const std::string &utf8)
{
    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    const std::vector<char32_t> c = text::decodeUtf8(utf8);
    const std::size_t n = c.size();
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        if (c[i] == '\'' && i + 1 < n) { // contractions, lower case only
            for (const char *suffix : {"s", "t", "re", "ve", "m", "ll", "d"}) {
                std::size_t k = 0;
                while (suffix[k] && i + 1 + k < n && c[i + 1 + k] == char32_t(suffix[k]))
                    ++k;
                if (!suffix[k]) {
                    j = i + 1 + k;
                    break;
                }
            }
        }
        if (j == i) {
            const std::size_t start = c[i] == ' ' && i + 1 < n ? i + 1 : i; // " ?"
            for (const auto &cls : {+[](char32_t x) { return text::isLetter(x); },
                                    +[](char32_t x) { return text::isNumber(x); },
                                    +[](char32_t x) {
                                        return !text::isWhitespace(x) && !text::isLetter(x) &&
                                               !text::isNumber(x);
                                    }}) {
                if (start < n && cls(c[start])) {
                    j = start;
                    while (j < n && cls(c[j]))
                        ++j;
                    break;
                }
            }
        }
        if (j == i && text::isWhitespace(c[i])) {
            std::size_t k = i;
            while (k < n && text::isWhitespace(c[k]))
                ++k;
            // \s+(?!\S): leave the last space for the word after; else \s+ takes one.
            j = k == n ? k : (k - i > 1 ? k - 1 : k);
        }
        if (j == i) j = i + 1; // cannot happen: every character is one of the classes
        out.push_back(text::encodeUtf8(
            std::vector<char32_t>(c.begin() + std::ptrdiff_t(i), c.begin() + std::ptrdiff_t(j))));
        i = j;
    }
    return out;
}

} // namespace cs
