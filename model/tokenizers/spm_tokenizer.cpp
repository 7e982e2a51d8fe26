// SPDX-License-Identifier: MIT
#include "tokenizers/spm_tokenizer.h"

#include <sentencepiece_processor.h>

#include <stdexcept>

namespace cs {

SpmTokenizer::~SpmTokenizer() = default;

void enableSentencePiece()
{
    setSentencePieceLoader(
        [](const std::string &path, const nlohmann::json &config) -> std::unique_ptr<Tokenizer> {
            return SpmTokenizer::fromModel(path, config);
        });
}

std::unique_ptr<SpmTokenizer> SpmTokenizer::fromModel(const std::string &path,
                                                      const nlohmann::json &config)
{
    auto tok = std::make_unique<SpmTokenizer>();
    tok->m_sp = std::make_unique<sentencepiece::SentencePieceProcessor>();
    if (const auto status = tok->m_sp->Load(path); !status.ok())
        throw std::runtime_error(path + ": " + status.ToString());
    for (int id = 0; id < tok->m_sp->GetPieceSize(); ++id)
        tok->addVocab(tok->m_sp->IdToPiece(id), id);
    const nlohmann::json cfg = config.is_object() ? config : nlohmann::json::object();
    auto str = [&](const char *key, const char *fallback) {
        const auto it = cfg.find(key);
        return it != cfg.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
    };
    tok->m_unkToken = str("unk_token", "[UNK]");
    tok->m_maskToken = str("mask_token", "[MASK]");
    tok->m_padToken = str("pad_token", "[PAD]");
    if (tok->tokenId(tok->m_maskToken) < 0) // DeBERTa-v2 appends [MASK] after the model's pieces
        tok->addVocab(tok->m_maskToken, static_cast<int>(tok->vocabSize()));
    for (const std::string &special : {tok->m_unkToken, str("sep_token", "[SEP]"), tok->m_padToken,
                                       str("cls_token", "[CLS]"), tok->m_maskToken})
        if (const int id = tok->tokenId(special); id >= 0)
            tok->m_added.push_back({special, id, true});
    tok->sortAddedTokens();
    const int cls = tok->tokenId(str("cls_token", "[CLS]")),
              sep = tok->tokenId(str("sep_token", "[SEP]"));
    if (cls < 0 || sep < 0)
        throw std::runtime_error(path + ": the model lacks the [CLS] or [SEP] piece");
    tok->m_prefix = {cls};
    tok->m_suffix = {sep};
    return tok;
}

void SpmTokenizer::encodeSegment(const std::string &text, Encoding &out) const
{
    std::vector<int> ids;
    m_sp->Encode(text, &ids);
    for (int id : ids) {
        out.ids.push_back(id);
        out.tokens.push_back(m_sp->IdToPiece(id));
    }
}

} // namespace cs
