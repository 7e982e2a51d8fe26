// SPDX-License-Identifier: MIT
#include "tokenizers/tokenizer.h"

#include "tokenizers/unicode_text.h"

#include "tokenizers/bpe_tokenizer.h"
#include "tokenizers/spm_tokenizer.h"
#include "tokenizers/unigram_tokenizer.h"
#include "tokenizers/wordpiece_tokenizer.h"
#include "util/file_read.h"
#include "util/json_depth.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace cs {
namespace {

/// Tokenizer files nest a few levels; deeper ones are refused before parsing.
constexpr std::size_t kMaxJsonDepth = 128;

/// Reads p when it exists (false when not); one that exists but is no readable regular file
/// within the size limit, or JSON nested deeper than kMaxJsonDepth, is an error naming it.
bool readFile(const std::filesystem::path &p, std::string &out)
{
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return false;
    std::string error;
    if (!readRegularFile(p.string(), out, error))
        throw std::runtime_error(p.string() + ": " + error);
    if (p.extension() == ".json" && jsonNestingDepth(out) > kMaxJsonDepth)
        throw std::runtime_error(p.string() + ": nested deeper than " +
                                 std::to_string(kMaxJsonDepth) + " levels; not read");
    return true;
}

/// Where the whitespace code points (Unicode White_Space, as tokenizers strips for an added
/// token's lstrip) that end at `end` begin, not before `limit`.
std::size_t whitespaceBefore(const std::string &s, std::size_t end, std::size_t limit)
{
    while (end > limit) {
        std::size_t start = end - 1;
        while (start > limit && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
        std::size_t bytes = 0;
        if (!text::isWhitespace(text::codePointAt(s, start, bytes)) || start + bytes != end) break;
        end = start;
    }
    return end;
}

/// Where the whitespace code points that start at `pos` end (rstrip).
std::size_t whitespaceAfter(const std::string &s, std::size_t pos)
{
    for (std::size_t bytes = 0; pos < s.size(); pos += bytes)
        if (!text::isWhitespace(text::codePointAt(s, pos, bytes))) break;
    return pos;
}

} // namespace

void Tokenizer::addVocab(const std::string &token, int id)
{
    if (id < 0) return;
    // The id sizes the id → token table: one id of 100 000 000 took 3 GB.
    if (id >= kMaxTokenId)
        throw std::runtime_error("token \"" + token + "\" has id " + std::to_string(id) +
                                 ", beyond any vocabulary (at most " + std::to_string(kMaxTokenId) +
                                 " ids are read)");
    m_tokenToId[token] = id;
    if (static_cast<std::size_t>(id) >= m_idToToken.size())
        m_idToToken.resize(static_cast<std::size_t>(id) + 1);
    m_idToToken[static_cast<std::size_t>(id)] = token;
}

void Tokenizer::readAddedTokens(const nlohmann::json &doc)
{
    if (const auto added = doc.find("added_tokens"); added != doc.end())
        for (const auto &t : *added) {
            AddedToken a{t.at("content").get<std::string>(), t.at("id").get<int>(),
                         t.value("special", true),           t.value("lstrip", false),
                         t.value("rstrip", false),           t.value("normalized", false)};
            if (t.value("single_word", false))
                throw std::runtime_error("added token \"" + a.content +
                                         "\": single_word is not supported");
            addVocab(a.content, a.id);
            m_added.push_back(a);
        }
    sortLongestFirst(m_added);
    for (const char *mask : {"[MASK]", "<mask>"})
        if (tokenId(mask) >= 0) m_maskToken = mask;
    for (const char *pad : {"[PAD]", "<pad>"})
        if (tokenId(pad) >= 0) m_padToken = pad;
}

void Tokenizer::sortLongestFirst(std::vector<AddedToken> &tokens)
{
    std::stable_sort(tokens.begin(), tokens.end(), [](const AddedToken &a, const AddedToken &b) {
        return a.content.size() > b.content.size();
    });
}

void Tokenizer::readPostProcessor(const nlohmann::json &post)
{
    // {"single": [{"SpecialToken": {"id": "[CLS]"}}, {"Sequence": {"id": "A"}}, …]}
    if (!post.is_object()) return;
    const std::string type = post.value("type", "");
    if (type == "Sequence") { // e.g. ByteLevel (offsets only) then TemplateProcessing
        for (const auto &inner : post.at("processors"))
            if (inner.value("type", "") != "Sequence") readPostProcessor(inner);
        return;
    }
    auto idOf = [&](const std::string &token) {
        const int id = tokenId(token);
        if (id < 0)
            throw std::runtime_error("template token " + token + " is not in the vocabulary");
        return id;
    };
    if (type == "TemplateProcessing") {
        bool afterSequence = false;
        for (const auto &piece : post.at("single")) {
            if (piece.contains("Sequence")) {
                afterSequence = true;
                continue;
            }
            const int id = idOf(piece.at("SpecialToken").at("id").get<std::string>());
            (afterSequence ? m_suffix : m_prefix).push_back(id);
        }
    } else if (type == "BertProcessing" || type == "RobertaProcessing") {
        m_prefix.push_back(idOf(post.at("cls").at(0).get<std::string>()));
        m_suffix.push_back(idOf(post.at("sep").at(0).get<std::string>()));
    } else if (type != "ByteLevel") { // ByteLevel only trims offsets
        throw std::runtime_error("post_processor \"" + type + "\" is not supported");
    }
}

int Tokenizer::tokenId(const std::string &token) const
{
    auto it = m_tokenToId.find(token);
    return it == m_tokenToId.end() ? -1 : it->second;
}

std::string Tokenizer::token(int id) const
{
    return id >= 0 && static_cast<std::size_t>(id) < m_idToToken.size()
               ? m_idToToken[static_cast<std::size_t>(id)]
               : std::string();
}

void Tokenizer::splitAtAddedTokens(
    const std::string &text, const std::vector<AddedToken> &tokens,
    const std::function<void(const std::string &, std::size_t)> &onSegment,
    const std::function<void(const AddedToken &)> &onToken)
{
    // Longest token at the earliest position (tokens are sorted longest first).
    std::size_t pos = 0, start = 0;
    while (pos < text.size()) {
        const AddedToken *match = nullptr;
        for (const AddedToken &t : tokens)
            if (!t.content.empty() && text.compare(pos, t.content.size(), t.content) == 0) {
                match = &t;
                break;
            }
        if (!match) {
            ++pos;
            continue;
        }
        // lstrip / rstrip: the whitespace beside the token is part of it, not of the text.
        const std::size_t end = match->lstrip ? whitespaceBefore(text, pos, start) : pos;
        if (end > start) onSegment(text.substr(start, end - start), start);
        onToken(*match);
        pos += match->content.size();
        if (match->rstrip) pos = whitespaceAfter(text, pos);
        start = pos;
    }
    if (start < text.size()) onSegment(text.substr(start), start);
}

Encoding Tokenizer::encodePlain(const std::string &text) const
{
    // Added tokens are matched in the raw text first and never reach the normaliser or the
    // model; a pipeline's "normalized" ones are matched after its normaliser.
    Encoding out;
    splitAtAddedTokens(
        text, m_added,
        [&](const std::string &segment, std::size_t offset) {
            encodeSegment(segment, offset == 0, out);
        },
        [&](const AddedToken &t) {
            out.ids.push_back(t.id);
            out.tokens.push_back(token(t.id));
        });
    return out;
}

Encoding Tokenizer::encode(const std::string &text) const
{
    const Encoding body = encodePlain(text);
    Encoding out;
    for (int id : m_prefix) {
        out.ids.push_back(id);
        out.tokens.push_back(token(id));
    }
    out.ids.insert(out.ids.end(), body.ids.begin(), body.ids.end());
    out.tokens.insert(out.tokens.end(), body.tokens.begin(), body.tokens.end());
    for (int id : m_suffix) {
        out.ids.push_back(id);
        out.tokens.push_back(token(id));
    }
    return out;
}

bool hasTokenizerFiles(const std::string &dirPath)
{
    const std::filesystem::path dir(dirPath);
    for (const char *name : {"tokenizer.json", "vocab.txt", "spm.model"})
        if (std::filesystem::exists(dir / name)) return true;
    return false;
}

std::unique_ptr<Tokenizer> loadTokenizer(const std::string &dirPath, std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path dir(dirPath);
    std::string text;
    nlohmann::json config = nullptr;
    fs::path file; // the one being read, named in any error
    try {
        if (readFile(file = dir / "tokenizer_config.json", text))
            config = nlohmann::json::parse(text);
        if (readFile(file = dir / "tokenizer.json", text)) {
            const nlohmann::json doc = nlohmann::json::parse(text);
            const std::string type = doc.at("model").value("type", "");
            if (type == "WordPiece") return WordPieceTokenizer::fromTokenizerJson(doc);
            if (type == "Unigram") return UnigramTokenizer::fromTokenizerJson(doc);
            if (type == "BPE") return BpeTokenizer::fromTokenizerJson(doc);
            error = file.string() + ": tokenizer model \"" + type + "\" is not supported";
            return nullptr;
        }
        if (readFile(file = dir / "vocab.txt", text))
            return WordPieceTokenizer::fromVocab(text, config);
        if (fs::exists(file = dir / "spm.model")) {
            // SentencePiece opens the file itself: only a regular file within the limit.
            std::error_code ec;
            if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxReadBytes || ec)
                throw std::runtime_error("not a regular file within " +
                                         std::to_string(kMaxReadBytes) + " bytes; not read");
            return SpmTokenizer::fromModel(file.string(), config);
        }
    } catch (const std::exception &e) {
        const std::string what = e.what();
        error = what.rfind(file.string(), 0) == 0 ? what : file.string() + ": " + what;
        return nullptr;
    }
    error = dir.string() + ": no tokenizer.json, vocab.txt or spm.model";
    for (const char *other : {"sentencepiece.bpe.model", "tokenizer.model"})
        if (fs::exists(dir / other))
            error += std::string(" (") + other +
                     " alone is not read: save the tokenizer with transformers' "
                     "save_pretrained, which writes tokenizer.json)";
    return nullptr;
}

std::unique_ptr<Tokenizer> loadCheckpointTokenizer(const std::string &checkpointDir,
                                                   const std::string &tokenizerDir,
                                                   std::string &error)
{
    if (!tokenizerDir.empty()) return loadTokenizer(tokenizerDir, error);
    auto tok = loadTokenizer(checkpointDir, error);
    const std::filesystem::path parent = std::filesystem::path(checkpointDir).parent_path();
    if (!tok && !parent.empty()) {
        std::string parentError; // the checkpoint's own error is the one worth reporting
        tok = loadTokenizer(parent.string(), parentError);
    }
    return tok;
}

} // namespace cs
