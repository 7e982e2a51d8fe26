// SPDX-License-Identifier: MIT
#include "tokenizers/unigram_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace cs {
namespace {

/// A score as Hugging Face tokenizers holds it: serde_json (without float_roundtrip) reads a
/// decimal as its digits in a u64 scaled by one power of ten, which can be one unit in the last
/// place off the nearest double; Viterbi ties between equal pieces then fall the other way. The
/// file's digits are the shortest that round-trip (tokenizers writes them so), recovered from
/// the parsed double and read again serde_json's way.
double serdeJsonDouble(double parsed)
{
    char buf[64];
    const auto written = std::to_chars(buf, buf + sizeof buf, parsed);
    if (written.ec != std::errc()) return parsed;
    const char *p = buf, *end = written.ptr;
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    std::uint64_t significand = 0;
    int exponent = 0;
    bool overflow = false, afterPoint = false;
    for (; p < end && *p != 'e'; ++p) {
        if (*p == '.') {
            afterPoint = true;
            continue;
        }
        const unsigned digit = unsigned(*p - '0');
        if (!overflow && significand <= (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
            significand = significand * 10 + digit;
            if (afterPoint) --exponent;
        } else {
            overflow = true; // later digits ignored; those before the point still scale
            if (!afterPoint) ++exponent;
        }
    }
    if (p < end) exponent += std::atoi(p + 1);
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double f = static_cast<double>(significand);
    // serde_json's table runs to 1e308; scores never need more than 1e22.
    if (std::abs(exponent) > 22) return parsed;
    f = exponent >= 0 ? f * pow10[exponent] : f / pow10[-exponent];
    return negative ? -f : f;
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
        const double score = serdeJsonDouble(entry.at(1).get<double>());
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
    tok->readPipeline(doc);
    tok->m_scores.resize(std::max(tok->m_scores.size(), tok->vocabSize()), 0.0);
    return tok;
}

void UnigramTokenizer::encodeWord(const std::string &utf8, Encoding &out) const
{
    const std::vector<char32_t> word = text::decodeUtf8(utf8);
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
