// SPDX-License-Identifier: MIT
#include "tokenizers/unigram_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cs {
namespace {

/// tokenizers' Replace with the pattern DeBERTa-v3 converters write: runs of two or more
/// whitespace characters, or a tab / newline / carriage return, become the content.
std::string replaceWhitespaceRuns(const std::string &in, const std::string &content)
{
    const std::vector<char32_t> chars = text::decodeUtf8(in);
    std::string out;
    for (std::size_t i = 0; i < chars.size();) {
        std::size_t j = i;
        while (j < chars.size() && text::isWhitespace(chars[j]))
            ++j;
        if (j - i >= 2) {
            out += content;
            i = j;
        } else if (j - i == 1 && (chars[i] == '\n' || chars[i] == '\r' || chars[i] == '\t')) {
            out += content;
            ++i;
        } else {
            out += text::encodeUtf8(chars[i]);
            ++i;
        }
    }
    return out;
}

std::string replaceAll(std::string s, const std::string &from, const std::string &to)
{
    if (from.empty()) return s;
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
    return s;
}

/// Sequences nested deeper than this are refused (real tokenizers nest one level).
constexpr int kMaxNormalizerDepth = 32;

void addNormalizer(const nlohmann::json &n,
                   std::vector<std::function<std::string(const std::string &)>> &out, int depth = 0)
{
    if (!n.is_object()) return;
    const std::string type = n.value("type", "");
    if (type == "Sequence") {
        if (depth >= kMaxNormalizerDepth)
            throw std::runtime_error("normaliser Sequences nested deeper than " +
                                     std::to_string(kMaxNormalizerDepth) + " levels");
        for (const auto &inner : n.at("normalizers"))
            addNormalizer(inner, out, depth + 1);
    } else if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
        out.push_back([type](const std::string &s) { return text::normalize(s, type); });
    } else if (type == "Lowercase") {
        out.push_back([](const std::string &s) {
            std::vector<char32_t> c = text::decodeUtf8(s);
            for (char32_t &x : c)
                x = text::toLower(x);
            return text::encodeUtf8(c);
        });
    } else if (type == "Strip") {
        const bool left = n.value("strip_left", false), right = n.value("strip_right", false);
        out.push_back([left, right](const std::string &s) {
            std::vector<char32_t> c = text::decodeUtf8(s);
            std::size_t b = 0, e = c.size();
            while (left && b < e && text::isWhitespace(c[b]))
                ++b;
            while (right && e > b && text::isWhitespace(c[e - 1]))
                --e;
            return text::encodeUtf8(std::vector<char32_t>(c.begin() + std::ptrdiff_t(b),
                                                          c.begin() + std::ptrdiff_t(e)));
        });
    } else if (type == "Replace") {
        const auto &pattern = n.at("pattern");
        const std::string content = n.value("content", "");
        if (pattern.contains("String")) {
            const std::string from = pattern.at("String").get<std::string>();
            out.push_back(
                [from, content](const std::string &s) { return replaceAll(s, from, content); });
        } else if (pattern.value("Regex", "") == "\\s{2,}|[\\n\\r\\t]") {
            out.push_back(
                [content](const std::string &s) { return replaceWhitespaceRuns(s, content); });
        } else {
            throw std::runtime_error("Replace normaliser with pattern " + pattern.dump() +
                                     " is not supported");
        }
    } else {
        throw std::runtime_error("normaliser " + type +
                                 " is not supported (use the checkpoint's spm.model)");
    }
}

} // namespace

std::unique_ptr<UnigramTokenizer> UnigramTokenizer::fromTokenizerJson(const nlohmann::json &doc)
{
    auto tok = std::make_unique<UnigramTokenizer>();
    const auto &model = doc.at("model");
    if (model.value("byte_fallback", false))
        throw std::runtime_error("Unigram with byte_fallback is not supported");
    double minScore = std::numeric_limits<double>::infinity();
    int id = 0;
    for (const auto &entry : model.at("vocab")) {
        const std::string piece = entry.at(0).get<std::string>();
        const double score = entry.at(1).get<double>();
        tok->addVocab(piece, id++);
        tok->m_scores.push_back(score);
        minScore = std::min(minScore, score);
        tok->m_maxPieceChars = std::max(tok->m_maxPieceChars, text::decodeUtf8(piece).size());
    }
    tok->m_unkScore = minScore - 10.0; // tokenizers' K_UNK_PENALTY
    const auto unk = model.find("unk_id");
    if (unk == model.end() || !unk->is_number_integer())
        throw std::runtime_error("Unigram model without unk_id");
    tok->m_unkToken = tok->token(unk->get<int>());
    addNormalizer(doc.value("normalizer", nlohmann::json()), tok->m_normalizers);
    // Metaspace, alone or after WhitespaceSplit (transformers 5 writes XLM-RoBERTa's so).
    nlohmann::json pre = doc.value("pre_tokenizer", nlohmann::json());
    if (pre.is_object() && pre.value("type", "") == "Sequence") {
        auto steps = pre.at("pretokenizers");
        if (steps.size() == 2 && steps.at(0).value("type", "") == "WhitespaceSplit") {
            tok->m_whitespaceSplit = true;
            steps.erase(steps.begin());
        }
        if (steps.size() == 1) pre = steps.at(0);
    }
    if (!pre.is_object() || pre.value("type", "") != "Metaspace")
        throw std::runtime_error(
            "Unigram: pre-tokeniser " + (pre.is_object() ? pre.dump() : std::string("none")) +
            " is not supported (Metaspace, optionally after WhitespaceSplit, is)");
    const std::vector<char32_t> rep = text::decodeUtf8(pre.value("replacement", "\u2581"));
    tok->m_metaspace = rep.empty() ? 0x2581 : rep.front();
    tok->m_prependAlways =
        pre.value("prepend_scheme", "always") == "always" || pre.value("add_prefix_space", false);
    tok->readAddedTokens(doc);
    tok->m_scores.resize(std::max(tok->m_scores.size(), tok->vocabSize()), 0.0);
    tok->readPostProcessor(doc.value("post_processor", nlohmann::json()));
    return tok;
}

void UnigramTokenizer::encodeSegment(const std::string &raw, Encoding &out) const
{
    std::string s = raw;
    for (const auto &n : m_normalizers)
        s = n(s);
    const std::vector<char32_t> all = text::decodeUtf8(s);
    // WhitespaceSplit: words between runs of whitespace, which is dropped; each is then
    // pre-tokenised by Metaspace on its own.
    std::vector<std::vector<char32_t>> parts;
    if (m_whitespaceSplit) {
        for (char32_t c : all)
            if (text::isWhitespace(c))
                parts.emplace_back();
            else if (parts.empty())
                parts.push_back({c});
            else
                parts.back().push_back(c);
    } else {
        parts.push_back(all);
    }
    for (auto &chars : parts) {
        if (chars.empty()) continue;
        for (char32_t &c : chars)
            if (c == ' ') c = m_metaspace;
        if (m_prependAlways && chars.front() != m_metaspace)
            chars.insert(chars.begin(), m_metaspace);
        // Metaspace split: each word starts at a metaspace (merged with what follows).
        std::vector<char32_t> word;
        for (char32_t c : chars) {
            if (c == m_metaspace && !word.empty()) {
                viterbi(word, out);
                word.clear();
            }
            word.push_back(c);
        }
        if (!word.empty()) viterbi(word, out);
    }
}

void UnigramTokenizer::viterbi(const std::vector<char32_t> &word, Encoding &out) const
{
    struct Node
    {
        int id = -1;
        double score = 0.0;
        std::ptrdiff_t start = -1;
    };
    const std::size_t n = word.size();
    std::vector<Node> best(n + 1);
    best[0].start = 0;
    const int unk = tokenId(m_unkToken);
    for (std::size_t s = 0; s < n; ++s) {
        if (best[s].start < 0 && s > 0) continue;
        const double base = best[s].score;
        bool single = false;
        std::string piece;
        for (std::size_t len = 1; len <= m_maxPieceChars && s + len <= n; ++len) {
            piece += text::encodeUtf8(word[s + len - 1]);
            const int id = tokenId(piece);
            if (id < 0 || static_cast<std::size_t>(id) >= m_scores.size()) continue;
            Node &target = best[s + len];
            const double candidate = base + m_scores[static_cast<std::size_t>(id)];
            if (target.start < 0 || candidate > target.score)
                target = {id, candidate, static_cast<std::ptrdiff_t>(s)};
            single = single || len == 1;
        }
        if (!single) {
            Node &target = best[s + 1];
            const double candidate = base + m_unkScore;
            if (target.start < 0 || candidate > target.score)
                target = {unk, candidate, static_cast<std::ptrdiff_t>(s)};
        }
    }
    std::vector<std::pair<int, std::string>> pieces;
    for (std::size_t end = n; end > 0;) {
        const Node &node = best[end];
        const std::size_t start = static_cast<std::size_t>(node.start);
        const bool fuse = node.id == unk && !pieces.empty() && pieces.back().first == unk;
        if (!fuse) pieces.emplace_back(node.id, node.id == unk ? m_unkToken : token(node.id));
        end = start;
    }
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
        out.ids.push_back(it->first);
        out.tokens.push_back(it->second);
    }
}

} // namespace cs
