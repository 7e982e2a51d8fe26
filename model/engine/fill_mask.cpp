// SPDX-License-Identifier: MIT
#include "engine/fill_mask.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <set>
#include <stdexcept>

namespace cs {
namespace {

/// The text with every "[MASK]" written as the model's mask token.
std::string withModelMask(std::string text, const std::string &maskToken)
{
    if (maskToken == "[MASK]") return text;
    for (std::size_t p = text.find("[MASK]"); p != std::string::npos;
         p = text.find("[MASK]", p + maskToken.size()))
        text.replace(p, 6, maskToken);
    return text;
}

std::vector<int> maskPositions(const std::vector<int> &ids, int maskId)
{
    std::vector<int> out;
    for (int i = 0; i < int(ids.size()); ++i)
        if (ids[std::size_t(i)] == maskId) out.push_back(i);
    return out;
}

/// The input for a text (model mask tokens in it), cut as asked; a cut that leaves a mask out
/// is refused, as the cloze evaluation refuses it.
std::vector<int> modelInput(const Tokenizer &tokenizer, const std::string &text,
                            const Truncation &truncation, int *textLength = nullptr)
{
    Encoding full = tokenizer.encode(text);
    if (textLength) *textLength = int(full.ids.size());
    if (truncation.maxLength <= 0 || int(full.ids.size()) <= truncation.maxLength)
        return std::move(full.ids);
    std::vector<int> ids =
        truncatedInput(full, tokenizer.encodePlain(text), tokenizer.maskId(), truncation);
    const int maskId = tokenizer.maskId();
    if (std::count(ids.begin(), ids.end(), maskId) !=
        std::count(full.ids.begin(), full.ids.end(), maskId))
        throw std::runtime_error("cutting the text to max length " +
                                 std::to_string(truncation.maxLength) + " (right keep " +
                                 std::to_string(truncation.rightKeep) +
                                 ") leaves out a mask; give a larger max length or a smaller "
                                 "right keep");
    return ids;
}

} // namespace

int positionLimit(const ModelConfig &config)
{
    return config.architecture == Architecture::Roberta
               ? config.maxPositionEmbeddings - config.padTokenId - 1
               : config.maxPositionEmbeddings;
}

int defaultMaxLength(const ModelConfig &config)
{
    if (config.architecture == Architecture::DebertaV2 && !config.positionBiasedInput)
        return std::max(config.maxPositionEmbeddings, kLongestUnaskedInput);
    return positionLimit(config);
}

std::pair<int, int> truncationWindow(int n, int budget, int lastMask, int rightKeep)
{
    int end = std::min(n, lastMask + 1 + rightKeep);
    const int start = std::max(0, end - budget);
    end = std::min(n, start + budget);
    return {start, end};
}

std::vector<int> truncatedInput(const Encoding &full, const Encoding &body, int maskId,
                                const Truncation &truncation)
{
    if (truncation.maxLength <= 0) return full.ids;
    const int special = int(full.ids.size() - body.ids.size());
    if (truncation.maxLength - special < 1)
        throw std::runtime_error("max length " + std::to_string(truncation.maxLength) +
                                 " leaves no room beside the model's " + std::to_string(special) +
                                 " special tokens");
    int lastMask = -1;
    for (int i = 0; i < int(body.ids.size()); ++i)
        if (body.ids[std::size_t(i)] == maskId) lastMask = i;
    const auto [start, end] = truncationWindow(int(body.ids.size()), truncation.maxLength - special,
                                               lastMask, truncation.rightKeep);
    // Prefix and suffix come from the template: the full encoding around the body.
    const std::size_t prefixLen = std::size_t(
        std::search(full.ids.begin(), full.ids.end(), body.ids.begin(), body.ids.end()) -
        full.ids.begin());
    if (prefixLen + body.ids.size() > full.ids.size())
        throw std::runtime_error("the text's tokens differ with and without the model's template; "
                                 "it cannot be cut");
    std::vector<int> ids(full.ids.begin(), full.ids.begin() + std::ptrdiff_t(prefixLen));
    ids.insert(ids.end(), body.ids.begin() + start, body.ids.begin() + end);
    ids.insert(ids.end(), full.ids.begin() + std::ptrdiff_t(prefixLen + body.ids.size()),
               full.ids.end());
    return ids;
}

std::vector<double> logSoftmax(const std::vector<float> &logits)
{
    const double maxValue = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (float v : logits)
        sum += std::exp(double(v) - maxValue);
    const double logSum = maxValue + std::log(sum);
    std::vector<double> out(logits.size());
    for (std::size_t i = 0; i < logits.size(); ++i)
        out[i] = double(logits[i]) - logSum;
    return out;
}

std::vector<int> topIndices(const std::vector<double> &row, std::size_t k)
{
    std::vector<int> idx(row.size());
    std::iota(idx.begin(), idx.end(), 0);
    k = std::min(k, idx.size());
    std::partial_sort(idx.begin(), idx.begin() + std::ptrdiff_t(k), idx.end(),
                      [&](int a, int b) { return row[std::size_t(a)] > row[std::size_t(b)]; });
    idx.resize(k);
    return idx;
}

std::vector<std::pair<std::vector<int>, double>>
jointBest(const std::vector<std::vector<double>> &logProbs, int k)
{
    // Best-first search over rank tuples: each position's candidates sorted, a tuple's
    // successors raise one rank by one; a set avoids visiting a tuple twice.
    const std::size_t n = logProbs.size();
    std::vector<std::vector<int>> order(n);
    for (std::size_t p = 0; p < n; ++p)
        order[p] = topIndices(logProbs[p], std::size_t(std::max(k, 1)));
    auto scoreOf = [&](const std::vector<int> &ranks) {
        double s = 0;
        for (std::size_t p = 0; p < n; ++p)
            s += logProbs[p][std::size_t(order[p][std::size_t(ranks[p])])];
        return s;
    };
    using Entry = std::pair<double, std::vector<int>>;
    std::priority_queue<Entry> queue;
    std::set<std::vector<int>> seen;
    std::vector<int> start(n, 0);
    queue.push({scoreOf(start), start});
    seen.insert(start);
    std::vector<std::pair<std::vector<int>, double>> out;
    while (!queue.empty() && int(out.size()) < k) {
        auto [score, ranks] = queue.top();
        queue.pop();
        std::vector<int> ids(n);
        for (std::size_t p = 0; p < n; ++p)
            ids[p] = order[p][std::size_t(ranks[p])];
        out.emplace_back(ids, score);
        for (std::size_t p = 0; p < n; ++p) {
            if (std::size_t(ranks[p] + 1) >= order[p].size()) continue;
            auto next = ranks;
            ++next[p];
            if (seen.insert(next).second) queue.push({scoreOf(next), next});
        }
    }
    return out;
}

FillMaskResult fillMask(const MaskedLM &model, const Tokenizer &tokenizer,
                        const std::string &rawText, int topK,
                        const std::vector<std::string> &targets, const Truncation &truncation)
{
    const std::string text = withModelMask(rawText, tokenizer.maskToken());
    FillMaskResult r;
    Truncation cut = truncation; // none asked for: the model's longest input
    if (cut.maxLength <= 0) cut.maxLength = defaultMaxLength(model.config());
    r.inputIds = modelInput(tokenizer, text, cut, &r.textLength);
    r.maskPositions = maskPositions(r.inputIds, tokenizer.maskId());
    if (r.maskPositions.empty())
        throw std::runtime_error("the text has no " + tokenizer.maskToken() +
                                 (tokenizer.maskToken() == "[MASK]" ? "" : " (or [MASK])"));
    if (int(r.inputIds.size()) > defaultMaxLength(model.config()) &&
        model.config().architecture != Architecture::DebertaV2)
        throw std::runtime_error("the text is " + std::to_string(r.inputIds.size()) +
                                 " tokens, more than the model's positions allow (" +
                                 std::to_string(defaultMaxLength(model.config())) + ")");
    const auto logits = model.logitsAt({r.inputIds}, {r.maskPositions}).at(0);
    std::vector<std::vector<double>> logProbs;
    for (const auto &row : logits)
        logProbs.push_back(logSoftmax(row));
    for (const auto &lp : logProbs) {
        std::vector<FillCandidate> best;
        for (const auto &[ids, score] : jointBest({lp}, topK))
            best.push_back({ids, {tokenizer.token(ids[0])}, score, std::exp(score)});
        r.perMask.push_back(best);
    }
    if (logProbs.size() > 1)
        for (const auto &[ids, score] : jointBest(logProbs, topK)) {
            FillCandidate c{ids, {}, score, std::exp(score)};
            for (int id : ids)
                c.tokens.push_back(tokenizer.token(id));
            r.joint.push_back(c);
        }
    for (const std::string &word : targets) {
        const Encoding wordIds = tokenizer.encodePlain(word);
        if (wordIds.ids.empty()) throw std::runtime_error("target \"" + word + "\" has no tokens");
        FillCandidate c{wordIds.ids, wordIds.tokens, 0.0, 0.0};
        if (wordIds.ids.size() == r.maskPositions.size()) {
            for (std::size_t m = 0; m < wordIds.ids.size(); ++m)
                c.logProb += logProbs[m][std::size_t(wordIds.ids[m])];
        } else if (r.maskPositions.size() == 1) {
            // Widen the one mask to the word's token count in the text, as the cloze
            // evaluation does (its truncation window moves with it), and score those positions.
            std::string masks;
            for (std::size_t m = 0; m < wordIds.ids.size(); ++m)
                masks += tokenizer.maskToken();
            std::string wideText = text;
            const std::size_t at = wideText.find(tokenizer.maskToken());
            wideText.replace(at, tokenizer.maskToken().size(), masks);
            const std::vector<int> ids = modelInput(tokenizer, wideText, cut);
            const std::vector<int> positions = maskPositions(ids, tokenizer.maskId());
            if (positions.size() != wordIds.ids.size())
                throw std::runtime_error("target \"" + word + "\": its masks do not fit the text");
            const auto wide = model.logitsAt({ids}, {positions}).at(0);
            for (std::size_t m = 0; m < wide.size(); ++m)
                c.logProb += logSoftmax(wide[m])[std::size_t(wordIds.ids[m])];
        } else {
            throw std::runtime_error("target \"" + word + "\" is " +
                                     std::to_string(wordIds.ids.size()) + " tokens for " +
                                     std::to_string(r.maskPositions.size()) + " masks");
        }
        c.prob = std::exp(c.logProb);
        r.targets.emplace_back(word, c);
    }
    return r;
}

} // namespace cs
