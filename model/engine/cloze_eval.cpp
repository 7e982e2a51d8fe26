// SPDX-License-Identifier: MIT
#include "engine/cloze_eval.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cs {

std::pair<int, int> truncationWindow(int n, int budget, int lastMask, int rightKeep)
{
    int end = std::min(n, lastMask + 1 + rightKeep);
    const int start = std::max(0, end - budget);
    end = std::min(n, start + budget);
    return {start, end};
}

namespace {

/// One answer of one example: input, scores, rank.
ClozeRecord scoreAnswer(const MaskedLM &model, const Tokenizer &tokenizer, const ClozeExample &ex,
                        const std::string &answer, const ClozeSettings &s)
{
    ClozeRecord r;
    r.id = ex.id;
    r.answerIds = tokenizer.encodePlain(answer).ids;
    if (r.answerIds.empty())
        throw std::runtime_error("example " + ex.id + ": the answer has no tokens");
    const std::size_t at = ex.text.find("[MASK]");
    if (at == std::string::npos || ex.text.find("[MASK]", at + 6) != std::string::npos)
        throw std::runtime_error("example " + ex.id + ": the text needs exactly one [MASK]");
    std::string masks;
    for (std::size_t i = 0; i < r.answerIds.size(); ++i)
        masks += tokenizer.maskToken();
    const std::string text = ex.text.substr(0, at) + masks + ex.text.substr(at + 6);
    const Encoding body = tokenizer.encodePlain(text);
    const Encoding full = tokenizer.encode(text);
    const int special = int(full.ids.size() - body.ids.size());
    r.untruncatedLength = int(full.ids.size());
    int lastMask = -1;
    for (int i = 0; i < int(body.ids.size()); ++i)
        if (body.ids[std::size_t(i)] == tokenizer.maskId()) lastMask = i;
    const auto [start, end] =
        truncationWindow(int(body.ids.size()), s.maxLength - special, lastMask, s.rightKeep);
    // Prefix and suffix come from the template: the full encoding around the body.
    const std::size_t prefixLen = std::size_t(
        std::search(full.ids.begin(), full.ids.end(), body.ids.begin(), body.ids.end()) -
        full.ids.begin());
    r.inputIds.assign(full.ids.begin(), full.ids.begin() + std::ptrdiff_t(prefixLen));
    r.inputIds.insert(r.inputIds.end(), body.ids.begin() + start, body.ids.begin() + end);
    r.inputIds.insert(r.inputIds.end(),
                      full.ids.begin() + std::ptrdiff_t(prefixLen + body.ids.size()),
                      full.ids.end());
    std::vector<int> positions;
    for (int i = 0; i < int(r.inputIds.size()); ++i)
        if (r.inputIds[std::size_t(i)] == tokenizer.maskId()) positions.push_back(i);
    if (positions.size() != r.answerIds.size())
        throw std::runtime_error("example " + ex.id +
                                 ": truncation cut into the masks (max length too small)");
    const auto logits = model.logitsAt({r.inputIds}, {positions}).at(0);
    std::vector<std::vector<double>> logProbs;
    for (const auto &row : logits)
        logProbs.push_back(logSoftmax(row));
    for (std::size_t m = 0; m < positions.size(); ++m)
        r.goldLogprob += logProbs[m][std::size_t(r.answerIds[m])];
    const int kmax =
        std::max(s.topCandidates, s.ks.empty() ? 1 : *std::max_element(s.ks.begin(), s.ks.end()));
    const auto best = jointBest(logProbs, kmax);
    for (std::size_t i = 0; i < best.size(); ++i) {
        if (best[i].first == r.answerIds && !r.rank) r.rank = int(i) + 1;
        if (int(i) < s.topCandidates) {
            FillCandidate c{best[i].first, {}, best[i].second, std::exp(best[i].second)};
            for (int id : c.ids)
                c.tokens.push_back(tokenizer.token(id));
            r.top.push_back(c);
        }
    }
    for (int k : s.ks)
        r.hits[k] = r.rank && *r.rank <= k;
    return r;
}

} // namespace

ClozeResult evaluateCloze(const MaskedLM &model, const Tokenizer &tokenizer,
                          const std::vector<ClozeExample> &examples, const ClozeSettings &settings,
                          const std::function<bool(std::size_t, std::size_t)> &progress)
{
    ClozeResult out;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (progress && !progress(i, examples.size())) break;
        const ClozeExample &ex = examples[i];
        if (ex.answers.empty()) throw std::runtime_error("example " + ex.id + ": no answer");
        // Several answers: each with its own mask count; the best rank and the highest log-prob.
        ClozeRecord best = scoreAnswer(model, tokenizer, ex, ex.answers.front(), settings);
        for (std::size_t a = 1; a < ex.answers.size(); ++a) {
            ClozeRecord other = scoreAnswer(model, tokenizer, ex, ex.answers[a], settings);
            const bool betterRank = other.rank && (!best.rank || *other.rank < *best.rank);
            const double gold = std::max(best.goldLogprob, other.goldLogprob);
            if (betterRank || (!best.rank && !other.rank && other.goldLogprob > best.goldLogprob))
                best = other;
            best.goldLogprob = gold;
            for (auto &[k, hit] : best.hits)
                hit = hit || (other.hits.count(k) && other.hits.at(k));
        }
        out.records.push_back(best);
    }
    if (!out.records.empty()) {
        double sum = 0;
        for (const auto &r : out.records)
            sum += r.goldLogprob;
        out.meanGoldLogprob = sum / double(out.records.size());
        for (int k : settings.ks) {
            std::size_t hits = 0;
            for (const auto &r : out.records)
                hits += r.hits.at(k);
            out.hitAt[k] = double(hits) / double(out.records.size());
        }
    }
    return out;
}

} // namespace cs
