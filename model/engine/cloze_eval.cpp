// SPDX-License-Identifier: MIT
#include "engine/cloze_eval.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace cs {

namespace {

/// One answer of one example, ready for the model: its input and mask positions.
struct PreparedAnswer
{
    std::size_t example = 0;    ///< index of its example
    std::size_t answer = 0;     ///< index of the answer in the example's list
    ClozeRecord record;         ///< id, answer and input filled in
    std::vector<int> positions; ///< mask positions in record.inputIds
};

/// Tokenises one answer of one example and builds the truncated input (design §4).
PreparedAnswer prepareAnswer(const Tokenizer &tokenizer, const ClozeExample &ex,
                             const std::string &answer, const ClozeSettings &s)
{
    PreparedAnswer p;
    ClozeRecord &r = p.record;
    std::vector<int> &positions = p.positions;
    r.id = ex.id;
    r.answerIds = tokenizer.encodePlain(answer).ids;
    if (r.answerIds.empty())
        throw std::runtime_error("the answer \"" + answer + "\" has no tokens");
    const std::size_t at = ex.text.find("[MASK]");
    if (at == std::string::npos || ex.text.find("[MASK]", at + 6) != std::string::npos)
        throw std::runtime_error("the text needs exactly one [MASK]");
    if (s.maxLength > 0 && int(r.answerIds.size()) >= s.maxLength)
        throw std::runtime_error("the answer is " + std::to_string(r.answerIds.size()) +
                                 " tokens, too long for max length " + std::to_string(s.maxLength));
    std::string masks;
    for (std::size_t i = 0; i < r.answerIds.size(); ++i)
        masks += tokenizer.maskToken();
    const std::string text = ex.text.substr(0, at) + masks + ex.text.substr(at + 6);
    const Encoding body = tokenizer.encodePlain(text);
    const Encoding full = tokenizer.encode(text);
    r.untruncatedLength = int(full.ids.size());
    r.inputIds = truncatedInput(full, body, tokenizer.maskId(), {s.maxLength, s.rightKeep});
    for (int i = 0; i < int(r.inputIds.size()); ++i)
        if (r.inputIds[std::size_t(i)] == tokenizer.maskId()) positions.push_back(i);
    if (positions.size() != r.answerIds.size())
        throw std::runtime_error("the answer's " + std::to_string(r.answerIds.size()) +
                                 " masks do not fit max length " + std::to_string(s.maxLength) +
                                 " (right keep " + std::to_string(s.rightKeep) + ")");
    return p;
}

/// Scores a prepared answer from the logits at its masks: gold log-prob, k-best, rank, hits.
ClozeRecord finishAnswer(const Tokenizer &tokenizer, PreparedAnswer &p,
                         const std::vector<std::vector<float>> &logits, const ClozeSettings &s)
{
    ClozeRecord r = std::move(p.record);
    std::vector<std::vector<double>> logProbs;
    for (const auto &row : logits)
        logProbs.push_back(logSoftmax(row));
    for (std::size_t m = 0; m < p.positions.size(); ++m)
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

int forEachBatch(std::size_t n, int batchSize,
                 const std::function<void(std::size_t, std::size_t)> &forward,
                 const std::function<bool(std::size_t)> &progress)
{
    std::size_t size = std::size_t(std::max(1, batchSize));
    for (std::size_t first = 0; first < n;) {
        if (progress && !progress(first)) break;
        const std::size_t count = std::min(size, n - first);
        try {
            forward(first, count);
        } catch (const std::exception &e) {
            const std::string what = e.what();
            if (count == 1 || (what.find("out of memory") == std::string::npos &&
                               what.find("OutOfMemory") == std::string::npos))
                throw;
            size = count / 2;
            continue;
        }
        first += count;
    }
    return int(size);
}

ClozeResult evaluateCloze(const MaskedLM &model, const Tokenizer &tokenizer,
                          const std::vector<ClozeExample> &examples, const ClozeSettings &settings,
                          const std::function<bool(std::size_t, std::size_t)> &progress)
{
    // Every answer of every example, longest inputs first: similar lengths share a batch (little
    // padding) and an out-of-memory error shows at once.
    // An example any of whose answers cannot be prepared is skipped whole, with the reason.
    std::vector<PreparedAnswer> items;
    ClozeResult out;
    std::vector<bool> evaluated(examples.size(), false);
    for (std::size_t e = 0; e < examples.size(); ++e) {
        const ClozeExample &ex = examples[e];
        std::vector<PreparedAnswer> mine;
        try {
            if (ex.answers.empty()) throw std::runtime_error("no answer");
            for (std::size_t a = 0; a < ex.answers.size(); ++a) {
                mine.push_back(prepareAnswer(tokenizer, ex, ex.answers[a], settings));
                mine.back().example = e;
                mine.back().answer = a;
            }
        } catch (const std::exception &error) {
            out.skipped.push_back({ex.id, ex.line, error.what()});
            continue;
        }
        evaluated[e] = true;
        std::move(mine.begin(), mine.end(), std::back_inserter(items));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const PreparedAnswer &a, const PreparedAnswer &b) {
                         return a.record.inputIds.size() > b.record.inputIds.size();
                     });
    std::vector<std::map<std::size_t, ClozeRecord>> perExample(examples.size()); // answer -> record
    std::vector<std::size_t> answersLeft(examples.size());
    for (std::size_t e = 0; e < examples.size(); ++e)
        answersLeft[e] = examples[e].answers.size();
    std::size_t examplesDone = out.skipped.size();
    forEachBatch(
        items.size(), settings.batchSize,
        [&](std::size_t first, std::size_t count) {
            std::vector<std::vector<int>> ids, positions;
            for (std::size_t i = first; i < first + count; ++i) {
                ids.push_back(items[i].record.inputIds);
                positions.push_back(items[i].positions);
            }
            const auto logits = model.logitsAt(ids, positions);
            for (std::size_t i = first; i < first + count; ++i) {
                const std::size_t e = items[i].example;
                perExample[e].emplace(items[i].answer, finishAnswer(tokenizer, items[i],
                                                                    logits[i - first], settings));
                examplesDone += --answersLeft[e] == 0;
            }
        },
        [&](std::size_t) { return !progress || progress(examplesDone, examples.size()); });

    for (std::size_t e = 0; e < examples.size(); ++e) {
        if (!evaluated[e] || answersLeft[e] != 0) continue; // skipped, or cancelled before done
        // Several answers, in the file's order: the best rank and the highest log-prob.
        const auto &answers = perExample[e];
        ClozeRecord best = answers.begin()->second;
        for (auto it = std::next(answers.begin()); it != answers.end(); ++it) {
            const ClozeRecord &other = it->second;
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
