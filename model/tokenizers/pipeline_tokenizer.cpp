// SPDX-License-Identifier: MIT
#include "tokenizers/pipeline_tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cs {

void PipelineTokenizer::readPipeline(const nlohmann::json &doc)
{
    m_normalizers = readNormalizers(doc.value("normalizer", nlohmann::json()));
    m_preTokenizers = readPreTokenizers(doc.value("pre_tokenizer", nlohmann::json()));
    readAddedTokens(doc);
    // "normalized" added tokens are matched in the normaliser's output, by their normalised
    // content; the others stay in m_added, matched in raw text.
    const auto normalized = std::stable_partition(
        m_added.begin(), m_added.end(), [](const AddedToken &t) { return !t.normalized; });
    for (auto it = normalized; it != m_added.end(); ++it) {
        m_normalizedAdded.push_back(*it);
        m_normalizedAdded.back().content = applyNormalizers(m_normalizers, it->content);
    }
    m_added.erase(normalized, m_added.end());
    sortLongestFirst(m_normalizedAdded);
    readPostProcessor(doc.value("post_processor", nlohmann::json()));
}

void PipelineTokenizer::encodeSegment(const std::string &raw, bool atStart, Encoding &out) const
{
    // A piece "starts the input" (Metaspace's prepend_scheme "first") when its first character
    // stands at the start of the original text: tokenizers reads that from its alignments.
    bool startKept = true;
    const std::string normalized = applyNormalizers(m_normalizers, raw, &startKept);
    splitAtAddedTokens(
        normalized, m_normalizedAdded,
        [&](const std::string &segment, std::size_t offset) {
            for (const PreToken &piece : applyPreTokenizers(
                     m_preTokenizers, {segment, atStart && startKept && offset == 0}))
                encodeWord(piece.text, out);
        },
        [&](const AddedToken &t) {
            out.ids.push_back(t.id);
            out.tokens.push_back(token(t.id));
        });
}

} // namespace cs
