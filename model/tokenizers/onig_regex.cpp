// SPDX-License-Identifier: MIT
#include "tokenizers/onig_regex.h"

#include <oniguruma.h>

#include <stdexcept>

namespace cs {
namespace {

void initializeOnce()
{
    static const bool initialized = [] {
        OnigEncoding encodings[] = {ONIG_ENCODING_UTF8};
        onig_initialize(encodings, 1);
        return true;
    }();
    (void)initialized;
}

const OnigUChar *bytes(const std::string &s)
{
    return reinterpret_cast<const OnigUChar *>(s.data());
}

} // namespace

OnigRegex::OnigRegex(const std::string &pattern)
{
    initializeOnce();
    regex_t *regex = nullptr;
    OnigErrorInfo info;
    const int rc = onig_new(&regex, bytes(pattern), bytes(pattern) + pattern.size(),
                            ONIG_OPTION_NONE, ONIG_ENCODING_UTF8, ONIG_SYNTAX_DEFAULT, &info);
    if (rc != ONIG_NORMAL) {
        OnigUChar message[ONIG_MAX_ERROR_MESSAGE_LEN];
        onig_error_code_to_str(message, rc, &info);
        throw std::runtime_error("regex \"" + pattern +
                                 "\": " + reinterpret_cast<const char *>(message));
    }
    m_regex = std::shared_ptr<void>(regex, [](void *r) { onig_free(static_cast<regex_t *>(r)); });
}

std::vector<std::pair<std::size_t, std::size_t>> OnigRegex::findAll(const std::string &text) const
{
    auto *regex = static_cast<regex_t *>(m_regex.get());
    std::unique_ptr<OnigRegion, void (*)(OnigRegion *)> region(
        onig_region_new(), [](OnigRegion *r) { onig_region_free(r, 1); });
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const OnigUChar *begin = bytes(text), *end = begin + text.size();
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const int at =
            onig_search(regex, begin, end, begin + pos, end, region.get(), ONIG_OPTION_NONE);
        if (at < 0) break; // ONIG_MISMATCH, or an error (taken as no further match)
        const auto from = static_cast<std::size_t>(region->beg[0]);
        const auto to = static_cast<std::size_t>(region->end[0]);
        if (to > from) {
            out.emplace_back(from, to);
            pos = to;
            continue;
        }
        // An empty match: go on from the next character.
        pos = from + 1;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
            ++pos;
    }
    return out;
}

} // namespace cs
