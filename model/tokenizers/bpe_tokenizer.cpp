// SPDX-License-Identifier: MIT
#include "tokenizers/bpe_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace cs {
namespace {

/// Byte length of the UTF-8 character that starts with c.
std::size_t charLength(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

} // namespace

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromTokenizerJson(const nlohmann::json &doc)
{
    auto tok = std::unique_ptr<BpeTokenizer>(new BpeTokenizer);
    const nlohmann::json &model = doc.at("model");
    if (const auto d = model.find("dropout"); d != model.end() && !d->is_null())
        throw std::runtime_error("BPE: dropout is not supported");
    auto optionalString = [&](const char *key) {
        const auto v = model.find(key);
        return v == model.end() || v->is_null() ? std::string() : v->get<std::string>();
    };
    tok->m_continuingPrefix = optionalString("continuing_subword_prefix");
    tok->m_endOfWordSuffix = optionalString("end_of_word_suffix");
    tok->m_byteFallback = model.value("byte_fallback", false);
    tok->m_fuseUnk = model.value("fuse_unk", false);
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
    const std::string unk = optionalString("unk_token");
    tok->m_unkToken = unk.empty() ? "<unk>" : unk;
    tok->m_modelHasUnk = !unk.empty();
    tok->readPipeline(doc);
    return tok;
}

std::vector<BpeTokenizer::Symbol> BpeTokenizer::initialSymbols(const std::string &word) const
{
    std::vector<Symbol> out;
    const int unk = m_modelHasUnk ? unkId() : -1;
    bool previousUnknown = false;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t n =
            std::min(charLength(static_cast<unsigned char>(word[i])), word.size() - i);
        std::string piece = word.substr(i, n);
        if (i > 0) piece = m_continuingPrefix + piece;
        if (i + n == word.size()) piece += m_endOfWordSuffix;
        i += n;
        if (const int id = tokenId(piece); id >= 0) {
            out.push_back({piece, id});
            previousUnknown = false;
            continue;
        }
        if (m_byteFallback) { // every byte as <0xNN>, when all of them are in the vocabulary
            std::vector<Symbol> bytes;
            for (unsigned char b : word.substr(i - n, n)) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", b);
                if (const int id = tokenId(name); id >= 0) bytes.push_back({name, id});
            }
            if (bytes.size() == n) {
                out.insert(out.end(), bytes.begin(), bytes.end());
                previousUnknown = false;
                continue;
            }
        }
        if (unk < 0) continue; // no unknown token: tokenizers drops the character
        if (m_fuseUnk && previousUnknown) continue;
        out.push_back({m_unkToken, unk});
        previousUnknown = true;
    }
    return out;
}

void BpeTokenizer::encodeWord(const std::string &word, Encoding &out) const
{
    if (m_ignoreMerges)
        if (const int id = tokenId(word); id >= 0) {
            out.ids.push_back(id);
            out.tokens.push_back(word);
            return;
        }
    std::vector<Symbol> parts = initialSymbols(word);
    for (;;) { // merge the pair of lowest rank, every occurrence left to right
        int best = std::numeric_limits<int>::max();
        std::pair<std::string, std::string> bestPair;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            const auto it = m_ranks.find({parts[i].text, parts[i + 1].text});
            if (it != m_ranks.end() && it->second < best) {
                best = it->second;
                bestPair = it->first;
            }
        }
        if (best == std::numeric_limits<int>::max()) break;
        // The merged token drops the second part's continuing-subword prefix.
        const std::string &second = bestPair.second;
        const bool prefixed = !m_continuingPrefix.empty() &&
                              second.compare(0, m_continuingPrefix.size(), m_continuingPrefix) == 0;
        const std::string merged =
            bestPair.first + (prefixed ? second.substr(m_continuingPrefix.size()) : second);
        const int mergedId = tokenId(merged);
        if (mergedId < 0)
            break; // a merge whose result is not in the vocabulary: tokenizers refuses such files
        std::vector<Symbol> next;
        for (std::size_t i = 0; i < parts.size();) {
            if (i + 1 < parts.size() && parts[i].text == bestPair.first &&
                parts[i + 1].text == bestPair.second) {
                next.push_back({merged, mergedId});
                i += 2;
            } else {
                next.push_back(parts[i++]);
            }
        }
        parts = std::move(next);
    }
    for (const Symbol &p : parts) {
        out.ids.push_back(p.id);
        out.tokens.push_back(p.text);
    }
}

} // namespace cs
