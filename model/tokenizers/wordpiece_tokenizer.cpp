// SPDX-License-Identifier: MIT
#include "tokenizers/wordpiece_tokenizer.h"

#include "tokenizers/unicode_text.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace cs {

std::unique_ptr<WordPieceTokenizer> WordPieceTokenizer::fromTokenizerJson(const nlohmann::json &doc)
{
    auto tok = std::make_unique<WordPieceTokenizer>();
    const auto &model = doc.at("model");
    for (const auto &[token, id] : model.at("vocab").items())
        tok->addVocab(token, id.get<int>());
    tok->m_unkToken = model.value("unk_token", "[UNK]");
    tok->m_prefixMark = model.value("continuing_subword_prefix", "##");
    tok->m_maxChars = model.value("max_input_chars_per_word", 100);
    if (const auto n = doc.find("normalizer"); n != doc.end() && n->is_object()) {
        if (n->value("type", "") != "BertNormalizer")
            throw std::runtime_error("normalizer " + n->value("type", "?") +
                                     " is not supported with WordPiece");
        tok->m_norm.cleanText = n->value("clean_text", true);
        tok->m_norm.handleChineseChars = n->value("handle_chinese_chars", true);
        const auto strip = n->find("strip_accents");
        tok->m_norm.stripAccents = strip == n->end() || strip->is_null() ? -1
                                   : strip->get<bool>()                  ? 1
                                                                         : 0;
        tok->m_norm.lowercase = n->value("lowercase", false);
    }
    tok->readAddedTokens(doc);
    tok->readPostProcessor(doc.value("post_processor", nlohmann::json()));
    return tok;
}

std::unique_ptr<WordPieceTokenizer> WordPieceTokenizer::fromVocab(const std::string &vocabText,
                                                                  const nlohmann::json &config)
{
    auto tok = std::make_unique<WordPieceTokenizer>();
    std::istringstream in(vocabText);
    std::string line;
    int id = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        tok->addVocab(line, id++);
    }
    const nlohmann::json cfg = config.is_object() ? config : nlohmann::json::object();
    auto str = [&](const char *key, const char *fallback) {
        const auto it = cfg.find(key);
        return it != cfg.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
    };
    tok->m_norm.lowercase = cfg.value("do_lower_case", true); // BertTokenizer's default
    tok->m_norm.handleChineseChars = cfg.value("tokenize_chinese_chars", true);
    const auto strip = cfg.find("strip_accents");
    tok->m_norm.stripAccents = strip == cfg.end() || strip->is_null() ? -1
                               : strip->get<bool>()                   ? 1
                                                                      : 0;
    tok->m_unkToken = str("unk_token", "[UNK]");
    tok->m_maskToken = str("mask_token", "[MASK]");
    tok->m_padToken = str("pad_token", "[PAD]");
    for (const std::string &special :
         {str("unk_token", "[UNK]"), str("sep_token", "[SEP]"), str("pad_token", "[PAD]"),
          str("cls_token", "[CLS]"), str("mask_token", "[MASK]")})
        if (const int sid = tok->tokenId(special); sid >= 0)
            tok->m_added.push_back({special, sid, true});
    tok->sortLongestFirst(tok->m_added);
    const int cls = tok->tokenId(str("cls_token", "[CLS]")),
              sep = tok->tokenId(str("sep_token", "[SEP]"));
    if (cls < 0 || sep < 0) throw std::runtime_error("vocab.txt lacks the [CLS] or [SEP] token");
    tok->m_prefix = {cls};
    tok->m_suffix = {sep};
    return tok;
}

std::vector<std::vector<char32_t>> WordPieceTokenizer::preTokenize(const std::string &raw) const
{
    // Normalise (BertNormalizer), then split on whitespace and around punctuation.
    std::vector<char32_t> chars;
    for (char32_t c : text::decodeUtf8(raw)) {
        if (m_norm.cleanText) {
            if (c == 0 || c == 0xFFFD || text::isControl(c)) continue;
            if (text::isWhitespace(c)) c = ' ';
        }
        if (m_norm.handleChineseChars && text::isChineseChar(c)) {
            chars.push_back(' ');
            chars.push_back(c);
            chars.push_back(' ');
        } else {
            chars.push_back(c);
        }
    }
    const bool strip = m_norm.stripAccents == 1 || (m_norm.stripAccents == -1 && m_norm.lowercase);
    if (strip) {
        std::vector<char32_t> kept;
        for (char32_t c : text::decodeUtf8(text::normalize(text::encodeUtf8(chars), "NFD")))
            if (!text::isNonspacingMark(c)) kept.push_back(c); // Mn only (StripAccents: all)
        chars.swap(kept);
    }
    if (m_norm.lowercase) chars = text::lowercase(chars);
    std::vector<std::vector<char32_t>> words(1);
    for (char32_t c : chars) {
        if (text::isWhitespace(c)) {
            if (!words.back().empty()) words.emplace_back();
        } else if (text::isPunctuation(c)) {
            if (!words.back().empty()) words.emplace_back();
            words.back().push_back(c);
            words.emplace_back();
        } else {
            words.back().push_back(c);
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

void WordPieceTokenizer::wordPiece(const std::vector<char32_t> &word, Encoding &out) const
{
    const int unk = tokenId(m_unkToken);
    if (word.size() > m_maxChars) {
        out.ids.push_back(unk);
        out.tokens.push_back(m_unkToken);
        return;
    }
    std::vector<std::pair<int, std::string>> pieces;
    std::size_t start = 0;
    while (start < word.size()) {
        std::size_t end = word.size();
        int found = -1;
        std::string piece;
        while (start < end) {
            piece = text::encodeUtf8(std::vector<char32_t>(word.begin() + std::ptrdiff_t(start),
                                                           word.begin() + std::ptrdiff_t(end)));
            if (start > 0) piece = m_prefixMark + piece;
            if ((found = tokenId(piece)) >= 0) break;
            --end;
        }
        if (found < 0) { // no piece fits: the whole word is unknown
            out.ids.push_back(unk);
            out.tokens.push_back(m_unkToken);
            return;
        }
        pieces.emplace_back(found, piece);
        start = end;
    }
    for (auto &[id, piece] : pieces) {
        out.ids.push_back(id);
        out.tokens.push_back(std::move(piece));
    }
}

void WordPieceTokenizer::encodeSegment(const std::string &text, bool, Encoding &out) const
{
    for (const auto &word : preTokenize(text))
        wordPiece(word, out);
}

} // namespace cs
