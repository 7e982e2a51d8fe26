// SPDX-License-Identifier: MIT
#include "tokenizers/bpe_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <stdexcept>

namespace cs {
namespace {

/// GPT-2's bytes_to_unicode: printable bytes stand for themselves, the others for 256 + n.
const std::array<std::string, 256> &byteCharacters()
{
    static const std::array<std::string, 256> table = [] {
        std::array<std::string, 256> t;
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

/// The UTF-8 characters of a string, each as its own string.
std::vector<std::string> characters(const std::string &s)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

bool isSpace(char32_t c)
{
    return text::isWhitespace(c);
}

} // namespace

std::vector<std::string> BpeTokenizer::splitGpt2(const std::string &utf8)
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
                                        return !isSpace(x) && !text::isLetter(x) &&
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
        if (j == i && isSpace(c[i])) {
            std::size_t k = i;
            while (k < n && isSpace(c[k]))
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

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromTokenizerJson(const nlohmann::json &doc)
{
    auto tok = std::unique_ptr<BpeTokenizer>(new BpeTokenizer);
    const nlohmann::json &model = doc.at("model");
    if (const auto n = doc.find("normalizer"); n != doc.end() && !n->is_null())
        throw std::runtime_error("BPE: normalizer \"" + n->value("type", std::string("?")) +
                                 "\" is not supported");
    const nlohmann::json &pre = doc.at("pre_tokenizer");
    if (!pre.is_object() || pre.value("type", "") != "ByteLevel")
        throw std::runtime_error(
            "BPE: pre-tokenizer \"" +
            (pre.is_object() ? pre.value("type", std::string("?")) : std::string("none")) +
            "\" is not supported (ByteLevel is)");
    tok->m_addPrefixSpace = pre.value("add_prefix_space", false);
    tok->m_useRegex = pre.value("use_regex", true);
    if (const auto d = model.find("dropout"); d != model.end() && !d->is_null())
        throw std::runtime_error("BPE: dropout is not supported");
    for (const char *key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (const auto v = model.find(key);
            v != model.end() && !v->is_null() && !v->get<std::string>().empty())
            throw std::runtime_error(std::string("BPE: ") + key + " is not supported");
    if (model.value("byte_fallback", false))
        throw std::runtime_error("BPE: byte_fallback is not supported");
    tok->m_ignoreMerges = model.value("ignore_merges", false);
    for (const auto &[token, id] : model.at("vocab").items())
        tok->addVocab(token, id.get<int>());
    int rank = 0;
    for (const auto &m : model.at("merges")) {
        std::pair<std::string, std::string> pair;
        if (m.is_string()) { // "a b"
            const std::string s = m.get<std::string>();
            const auto space = s.find(' ');
            if (space == std::string::npos)
                throw std::runtime_error("BPE: merge \"" + s + "\" is not two tokens");
            pair = {s.substr(0, space), s.substr(space + 1)};
        } else {
            pair = {m.at(0).get<std::string>(), m.at(1).get<std::string>()};
        }
        tok->m_ranks.emplace(std::move(pair), rank++);
    }
    if (const auto unk = model.find("unk_token"); unk != model.end() && unk->is_string())
        tok->m_unkToken = unk->get<std::string>();
    else
        tok->m_unkToken = "<unk>";
    tok->readAddedTokens(doc);
    if (const auto post = doc.find("post_processor"); post != doc.end())
        tok->readPostProcessor(*post);
    return tok;
}

void BpeTokenizer::encodeSegment(const std::string &segment, Encoding &out) const
{
    std::string text = segment;
    if (m_addPrefixSpace && !text.empty() && text[0] != ' ') text = " " + text;
    const std::vector<std::string> words =
        m_useRegex ? splitGpt2(text) : std::vector<std::string>{text};
    const auto &bytes = byteCharacters();
    for (const std::string &w : words) {
        std::string mapped;
        for (unsigned char b : w)
            mapped += bytes[b];
        encodeWord(mapped, out);
    }
}

void BpeTokenizer::encodeWord(const std::string &mapped, Encoding &out) const
{
    if (m_ignoreMerges)
        if (const int id = tokenId(mapped); id >= 0) {
            out.ids.push_back(id);
            out.tokens.push_back(mapped);
            return;
        }
    std::vector<std::string> parts = characters(mapped);
    for (;;) { // merge the pair of lowest rank, every occurrence left to right
        int best = std::numeric_limits<int>::max();
        std::pair<std::string, std::string> bestPair;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            const auto it = m_ranks.find({parts[i], parts[i + 1]});
            if (it != m_ranks.end() && it->second < best) {
                best = it->second;
                bestPair = it->first;
            }
        }
        if (best == std::numeric_limits<int>::max()) break;
        std::vector<std::string> merged;
        for (std::size_t i = 0; i < parts.size();) {
            if (i + 1 < parts.size() && parts[i] == bestPair.first &&
                parts[i + 1] == bestPair.second) {
                merged.push_back(parts[i] + parts[i + 1]);
                i += 2;
            } else {
                merged.push_back(parts[i++]);
            }
        }
        parts = std::move(merged);
    }
    for (const std::string &p : parts) {
        int id = tokenId(p);
        if (id < 0) id = unkId();
        if (id < 0) continue; // no unknown token: tokenizers drops it too
        out.ids.push_back(id);
        out.tokens.push_back(p);
    }
}

} // namespace cs
