// SPDX-License-Identifier: MIT
#include "tokenizers/precompiled_charsmap.h"

#include "tokenizers/unicode_text.h"

#include <stdexcept>

namespace cs {
namespace {

std::string decodeBase64(const std::string &in)
{
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        if (c == '=') break;
        const int v = value(c);
        if (v < 0) throw std::runtime_error("precompiled_charsmap: not base64");
        buffer = (buffer << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// darts-clone's unit layout.
bool hasLeaf(std::uint32_t unit)
{
    return (unit >> 8) & 1;
}
std::uint32_t value(std::uint32_t unit)
{
    return unit & 0x7FFFFFFFu;
}
std::uint32_t label(std::uint32_t unit)
{
    return unit & (0x80000000u | 0xFFu);
}
std::uint32_t offset(std::uint32_t unit)
{
    return (unit >> 10) << ((unit & (1u << 9)) >> 6);
}

} // namespace

PrecompiledCharsmap::PrecompiledCharsmap(const std::string &base64)
{
    const std::string raw = decodeBase64(base64);
    if (raw.size() < 4) throw std::runtime_error("precompiled_charsmap: too short");
    const std::uint32_t trieBytes =
        std::uint32_t(std::uint8_t(raw[0])) | std::uint32_t(std::uint8_t(raw[1])) << 8 |
        std::uint32_t(std::uint8_t(raw[2])) << 16 | std::uint32_t(std::uint8_t(raw[3])) << 24;
    if (trieBytes % 4 != 0 || trieBytes > raw.size() - 4 || trieBytes == 0)
        throw std::runtime_error("precompiled_charsmap: trie of " + std::to_string(trieBytes) +
                                 " bytes in " + std::to_string(raw.size()));
    m_trie.resize(trieBytes / 4);
    for (std::size_t i = 0; i < m_trie.size(); ++i) {
        const std::size_t at = 4 + 4 * i;
        m_trie[i] = std::uint32_t(std::uint8_t(raw[at])) |
                    std::uint32_t(std::uint8_t(raw[at + 1])) << 8 |
                    std::uint32_t(std::uint8_t(raw[at + 2])) << 16 |
                    std::uint32_t(std::uint8_t(raw[at + 3])) << 24;
    }
    m_replacements = raw.substr(4 + trieBytes);
}

bool PrecompiledCharsmap::transform(const std::string &chunk, std::string &out) const
{
    std::size_t node = offset(m_trie[0]);
    for (char ch : chunk) {
        const auto c = static_cast<std::uint8_t>(ch);
        if (c == 0) break;
        node ^= c;
        if (node >= m_trie.size() || label(m_trie[node]) != c) return false;
        const std::uint32_t unit = m_trie[node];
        node ^= offset(unit);
        if (hasLeaf(unit)) {
            if (node >= m_trie.size()) return false;
            const std::size_t at = value(m_trie[node]);
            if (at >= m_replacements.size()) return false;
            const std::size_t end = m_replacements.find('\0', at);
            out += m_replacements.substr(at, end == std::string::npos ? end : end - at);
            return true;
        }
    }
    return false;
}

std::string PrecompiledCharsmap::normalize(const std::string &utf8, bool *firstRemoved) const
{
    std::string out;
    out.reserve(utf8.size());
    bool first = true;
    for (const std::string &grapheme : text::graphemes(utf8)) {
        if (!(grapheme.size() < 6 && transform(grapheme, out)))
            for (std::size_t i = 0, n = 0; i < grapheme.size(); i += n) {
                text::codePointAt(grapheme, i, n);
                const std::string part = grapheme.substr(i, n);
                if (!transform(part, out)) out += part;
            }
        if (first && firstRemoved) *firstRemoved = out.empty();
        first = false;
    }
    return out;
}

} // namespace cs
