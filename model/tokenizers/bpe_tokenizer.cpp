// SPDX-License-Identifier: MIT
#include "tokenizers/bpe_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <queue>
#include <stdexcept>

namespace cs {
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
    // Merges as tokenizers holds them: pairs of ids, the result's id found at load (a token
    // missing from the vocabulary is an error there too).
    int rank = 0;
    const std::size_t prefixLength = tok->m_continuingPrefix.size();
    for (const auto &m : model.at("merges")) {
        std::string left, right;
        if (m.is_string()) { // "a b"
            const std::string s = m.get<std::string>();
            const auto space = s.find(' ');
            if (space == std::string::npos)
                throw std::runtime_error("BPE: merge \"" + s + "\" is not two tokens");
            left = s.substr(0, space);
            right = s.substr(space + 1);
        } else {
            left = m.at(0).get<std::string>();
            right = m.at(1).get<std::string>();
        }
        const std::string merged = left + right.substr(std::min(prefixLength, right.size()));
        for (const std::string *t :
             std::initializer_list<const std::string *>{&left, &right, &merged})
            if (tok->tokenId(*t) < 0)
                throw std::runtime_error("BPE: merge \"" + left + " " + right + "\" needs \"" + *t +
                                         "\", which is not in the vocabulary");
        const auto key = (std::uint64_t(std::uint32_t(tok->tokenId(left))) << 32) |
                         std::uint32_t(tok->tokenId(right));
        tok->m_merges.emplace(key, Merge{rank++, tok->tokenId(merged)});
    }
    const std::string unk = optionalString("unk_token");
    tok->m_unkToken = unk.empty() ? "<unk>" : unk;
    tok->m_modelHasUnk = !unk.empty();
    tok->readPipeline(doc);
    return tok;
}

const BpeTokenizer::Merge *BpeTokenizer::mergeOf(int left, int right) const
{
    const auto it =
        m_merges.find((std::uint64_t(std::uint32_t(left)) << 32) | std::uint32_t(right));
    return it == m_merges.end() ? nullptr : &it->second;
}

std::vector<int> BpeTokenizer::initialIds(const std::string &word) const
{
    std::vector<int> out;
    const int unk = m_modelHasUnk ? unkId() : -1;
    bool previousUnknown = false;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t n = 0;
        text::codePointAt(word, i, n);
        std::string piece = word.substr(i, n);
        if (i > 0) piece = m_continuingPrefix + piece;
        if (i + n == word.size()) piece += m_endOfWordSuffix;
        i += n;
        if (const int id = tokenId(piece); id >= 0) {
            out.push_back(id);
            previousUnknown = false;
            continue;
        }
        if (m_byteFallback) { // every byte as <0xNN>, when all of them are in the vocabulary
            std::vector<int> bytes;
            for (unsigned char b : word.substr(i - n, n)) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", b);
                if (const int id = tokenId(name); id >= 0) bytes.push_back(id);
            }
            if (bytes.size() == n) {
                out.insert(out.end(), bytes.begin(), bytes.end());
                previousUnknown = false;
                continue;
            }
        }
        if (unk < 0) continue; // no unknown token: tokenizers drops the character
        if (m_fuseUnk && previousUnknown) continue;
        out.push_back(unk);
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
    // tokenizers' merge_word: a queue of candidate pairs, lowest rank first and leftmost among
    // equals; entries made stale by an earlier merge are skipped. O(n log n): a SentencePiece-
    // style BPE has no pre-tokeniser, so a whole 2 048-token text is one word.
    struct Symbol
    {
        int id, prev, next;
        bool alive;
    };
    const std::vector<int> ids = initialIds(word);
    std::vector<Symbol> symbols(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        symbols[i] = {ids[i], int(i) - 1, i + 1 < ids.size() ? int(i) + 1 : -1, true};
    struct Candidate
    {
        int rank, pos, id;
        bool operator>(const Candidate &o) const
        {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    auto offer = [&](int pos) {
        const int next = symbols[std::size_t(pos)].next;
        if (next < 0) return;
        if (const Merge *m = mergeOf(symbols[std::size_t(pos)].id, symbols[std::size_t(next)].id))
            queue.push({m->rank, pos, m->id});
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i)
        offer(int(i));
    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol &left = symbols[std::size_t(top.pos)];
        if (!left.alive || left.next < 0) continue;
        Symbol &right = symbols[std::size_t(left.next)];
        const Merge *m = mergeOf(left.id, right.id);
        if (!m || m->id != top.id) continue; // stale: one side merged since
        left.id = top.id;
        right.alive = false;
        left.next = right.next;
        if (right.next >= 0) symbols[std::size_t(right.next)].prev = top.pos;
        if (left.prev >= 0) offer(left.prev);
        offer(top.pos);
    }
    for (const Symbol &s : symbols)
        if (s.alive) {
            out.ids.push_back(s.id);
            out.tokens.push_back(token(s.id));
        }
}

} // namespace cs
