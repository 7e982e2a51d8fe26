// SPDX-License-Identifier: MIT
#include "tokenizers/unicode_text.h"

#include <utf8proc.h>

#include <cstdlib>

namespace cs::text {

std::vector<char32_t> decodeUtf8(const std::string &utf8)
{
    std::vector<char32_t> out;
    out.reserve(utf8.size());
    const auto *p = reinterpret_cast<const utf8proc_uint8_t *>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            out.push_back(0xFFFD);
            ++p;
            --left;
            continue;
        }
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

char32_t codePointAt(const std::string &utf8, std::size_t at, std::size_t &bytes)
{
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(utf8.data()) + at,
                         static_cast<utf8proc_ssize_t>(utf8.size() - at), &cp);
    if (n <= 0) {
        bytes = 1;
        return 0xFFFD;
    }
    bytes = static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

std::vector<std::pair<std::size_t, std::size_t>> findLiteral(const std::string &s,
                                                             const std::string &literal)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (literal.empty()) return out;
    for (std::size_t p = s.find(literal); p != std::string::npos;
         p = s.find(literal, p + literal.size()))
        out.emplace_back(p, p + literal.size());
    return out;
}

std::string encodeUtf8(char32_t c)
{
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    return std::string(reinterpret_cast<char *>(buf), static_cast<std::size_t>(n));
}

std::string encodeUtf8(const std::vector<char32_t> &codePoints)
{
    std::string out;
    out.reserve(codePoints.size() * 3);
    for (char32_t c : codePoints)
        out += encodeUtf8(c);
    return out;
}

bool isWhitespace(char32_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return c >= 0x2000 && c <= 0x200A;
    }
}

bool isControl(char32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r') return false;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS: return true;
    default: return false;
    }
}

bool isLetter(char32_t c)
{
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return true;
    default: return false;
    }
}

bool isNumber(char32_t c)
{
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
    }
}

bool isPunctuation(char32_t c)
{
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
        (c >= 123 && c <= 126))
        return true;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return true;
    default: return false;
    }
}

bool isChineseChar(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::vector<char32_t> lowercase(const std::vector<char32_t> &codePoints)
{
    std::vector<char32_t> out;
    out.reserve(codePoints.size());
    for (char32_t c : codePoints) {
        if (c == 0x130) { // the one unconditional expansion in SpecialCasing.txt
            out.push_back('i');
            out.push_back(0x307);
        } else {
            out.push_back(toLower(c));
        }
    }
    return out;
}

bool isNonspacingMark(char32_t c)
{
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN;
}

bool isMark(char32_t c)
{
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

bool isWordCharacter(char32_t c)
{
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return isLetter(c) || isMark(c) || cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL ||
           cat == UTF8PROC_CATEGORY_PC || c == 0x200C || c == 0x200D ||
           (c >= 0x24B6 && c <= 0x24E9); // circled letters: Other_Alphabetic
}

char32_t toLower(char32_t c)
{
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

std::string normalize(const std::string &utf8, const std::string &form)
{
    int options = UTF8PROC_STABLE;
    if (form == "NFC")
        options |= UTF8PROC_COMPOSE;
    else if (form == "NFD")
        options |= UTF8PROC_DECOMPOSE;
    else if (form == "NFKC")
        options |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    else if (form == "NFKD")
        options |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    else
        return utf8;
    utf8proc_uint8_t *out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t *>(utf8.c_str()),
        static_cast<utf8proc_ssize_t>(utf8.size()), &out, static_cast<utf8proc_option_t>(options));
    if (n < 0) return utf8; // invalid UTF-8: left as it is (decodeUtf8 replaces bad bytes later)
    std::string result(reinterpret_cast<char *>(out), static_cast<std::size_t>(n));
    std::free(out);
    return result;
}

std::vector<std::string> graphemes(const std::string &utf8)
{
    std::vector<std::string> out;
    const auto *p = reinterpret_cast<const utf8proc_uint8_t *>(utf8.data());
    const auto size = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_int32_t previous = -1, state = 0;
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p + at, size - at, &cp);
        if (n <= 0) { // an invalid byte: a cluster of its own
            n = 1;
            cp = 0xFFFD;
            state = 0;
        }
        const bool breaks = previous < 0 || (n == 1 && cp == 0xFFFD) ||
                            utf8proc_grapheme_break_stateful(previous, cp, &state);
        if (breaks || out.empty())
            out.emplace_back(utf8, static_cast<std::size_t>(at), static_cast<std::size_t>(n));
        else
            out.back().append(utf8, static_cast<std::size_t>(at), static_cast<std::size_t>(n));
        previous = cp;
        at += n;
    }
    return out;
}

} // namespace cs::text
