// SPDX-License-Identifier: MIT
#include "tokenizers/tokenizer.h"

#include "tokenizers/wordpiece_tokenizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cs {
namespace {

bool readFile(const std::filesystem::path &p, std::string &out)
{
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

} // namespace

void Tokenizer::addVocab(const std::string &token, int id)
{
    if (id < 0) return;
    m_tokenToId[token] = id;
    if (static_cast<std::size_t>(id) >= m_idToToken.size())
        m_idToToken.resize(static_cast<std::size_t>(id) + 1);
    m_idToToken[static_cast<std::size_t>(id)] = token;
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

Encoding Tokenizer::encodePlain(const std::string &text) const
{
    // Added tokens are matched in the raw text first (longest at the earliest position) and
    // never reach the normaliser or the model.
    Encoding out;
    std::size_t pos = 0, segment = 0;
    while (pos < text.size()) {
        const AddedToken *match = nullptr;
        for (const AddedToken &t : m_added)
            if (!t.content.empty() && text.compare(pos, t.content.size(), t.content) == 0) {
                match = &t;
                break; // m_added is sorted longest first
            }
        if (!match) {
            ++pos;
            continue;
        }
        if (pos > segment) encodeSegment(text.substr(segment, pos - segment), out);
        out.ids.push_back(match->id);
        out.tokens.push_back(match->content);
        pos += match->content.size();
        segment = pos;
    }
    if (segment < text.size()) encodeSegment(text.substr(segment), out);
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

std::unique_ptr<Tokenizer> loadTokenizer(const std::string &dirPath, std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path dir(dirPath);
    std::string text;
    nlohmann::json config = nullptr;
    if (readFile(dir / "tokenizer_config.json", text)) {
        try {
            config = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception &e) {
            error = (dir / "tokenizer_config.json").string() + ": " + e.what();
            return nullptr;
        }
    }
    try {
        if (readFile(dir / "tokenizer.json", text)) {
            const nlohmann::json doc = nlohmann::json::parse(text);
            const std::string type = doc.at("model").value("type", "");
            if (type == "WordPiece") return WordPieceTokenizer::fromTokenizerJson(doc);
            error = (dir / "tokenizer.json").string() + ": tokenizer model \"" + type +
                    "\" is not supported yet";
            return nullptr;
        }
        if (readFile(dir / "vocab.txt", text)) return WordPieceTokenizer::fromVocab(text, config);
    } catch (const std::exception &e) {
        error = dir.string() + ": tokenizer: " + e.what();
        return nullptr;
    }
    error = dir.string() + ": no tokenizer.json or vocab.txt";
    return nullptr;
}

} // namespace cs
