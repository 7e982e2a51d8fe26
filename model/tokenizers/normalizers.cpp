// SPDX-License-Identifier: MIT
#include "tokenizers/normalizers.h"

#include "tokenizers/onig_regex.h"
#include "tokenizers/precompiled_charsmap.h"
#include "tokenizers/unicode_text.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>

namespace cs {
namespace {

/// Sequences nested deeper than this are refused (real tokenizers nest one level).
constexpr int kMaxDepth = 32;

/// Replaces the spans; a replaced start keeps its place only as one character replaced by a
/// non-empty content (tokenizers aligns new characters with the last one they replace).
std::string replaceSpans(const std::string &s,
                         const std::vector<std::pair<std::size_t, std::size_t>> &spans,
                         const std::string &to, bool &startKept)
{
    std::string out;
    std::size_t done = 0;
    for (const auto &[begin, end] : spans) {
        std::size_t first = 0;
        if (begin == 0 && (to.empty() || (text::codePointAt(s, 0, first), end > first)))
            startKept = false;
        out.append(s, done, begin - done);
        out += to;
        done = end;
    }
    out.append(s, done, std::string::npos);
    return out;
}

std::string strip(const std::string &s, bool left, bool right, bool &startKept)
{
    const std::vector<char32_t> c = text::decodeUtf8(s);
    std::size_t b = 0, e = c.size();
    while (left && b < e && text::isWhitespace(c[b]))
        ++b;
    while (right && e > b && text::isWhitespace(c[e - 1]))
        --e;
    if (b > 0) startKept = false;
    return text::encodeUtf8(
        std::vector<char32_t>(c.begin() + std::ptrdiff_t(b), c.begin() + std::ptrdiff_t(e)));
}

std::string stripAccents(const std::string &s, bool &startKept)
{
    std::vector<char32_t> kept;
    const std::vector<char32_t> chars = text::decodeUtf8(s);
    if (!chars.empty() && text::isMark(chars.front())) startKept = false;
    for (char32_t c : chars)
        if (!text::isMark(c)) kept.push_back(c); // tokenizers drops every combining mark
    return text::encodeUtf8(kept);
}

void add(const nlohmann::json &n, std::vector<Normalizer> &out, int depth)
{
    if (n.is_null()) return;
    if (!n.is_object()) throw std::runtime_error("normalizer " + n.dump() + " is not an object");
    const std::string type = n.value("type", "");
    if (type == "Sequence") {
        if (depth >= kMaxDepth)
            throw std::runtime_error("normalizer Sequences nested deeper than " +
                                     std::to_string(kMaxDepth) + " levels");
        for (const auto &inner : n.at("normalizers"))
            add(inner, out, depth + 1);
    } else if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
        out.push_back([type](const std::string &s, bool &) { return text::normalize(s, type); });
    } else if (type == "Lowercase") {
        out.push_back([](const std::string &s, bool &) {
            return text::encodeUtf8(text::lowercase(text::decodeUtf8(s)));
        });
    } else if (type == "Strip") {
        const bool left = n.value("strip_left", false), right = n.value("strip_right", false);
        out.push_back([left, right](const std::string &s, bool &startKept) {
            return strip(s, left, right, startKept);
        });
    } else if (type == "StripAccents") {
        out.push_back(stripAccents);
    } else if (type == "Prepend") {
        const std::string prefix = n.at("prepend").get<std::string>();
        out.push_back(
            [prefix](const std::string &s, bool &) { return s.empty() ? s : prefix + s; });
    } else if (type == "Replace") {
        const auto &pattern = n.at("pattern");
        const std::string content = n.value("content", "");
        if (pattern.contains("String")) {
            const std::string from = pattern.at("String").get<std::string>();
            out.push_back([from, content](const std::string &s, bool &startKept) {
                return replaceSpans(s, text::findLiteral(s, from), content, startKept);
            });
        } else {
            const auto regex = std::make_shared<OnigRegex>(pattern.at("Regex").get<std::string>());
            out.push_back([regex, content](const std::string &s, bool &startKept) {
                return replaceSpans(s, regex->findAll(s), content, startKept);
            });
        }
    } else if (type == "Precompiled") {
        const auto map = n.find("precompiled_charsmap");
        if (map == n.end() || map->is_null() || map->get<std::string>().empty()) return;
        const auto charsmap = std::make_shared<PrecompiledCharsmap>(map->get<std::string>());
        out.push_back([charsmap](const std::string &s, bool &startKept) {
            bool firstRemoved = false;
            std::string result = charsmap->normalize(s, &firstRemoved);
            if (firstRemoved) startKept = false;
            return result;
        });
    } else {
        throw std::runtime_error("normalizer \"" + type + "\" is not supported");
    }
}

} // namespace

std::vector<Normalizer> readNormalizers(const nlohmann::json &normalizer)
{
    std::vector<Normalizer> out;
    add(normalizer, out, 0);
    return out;
}

std::string applyNormalizers(const std::vector<Normalizer> &steps, std::string text,
                             bool *startKept)
{
    bool kept = true;
    for (const Normalizer &step : steps)
        text = step(text, kept);
    if (startKept) *startKept = kept;
    return text;
}

} // namespace cs
