// SPDX-License-Identifier: MIT
#include "results/metric_aliases.h"

#include "results/json_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace cs {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool containsAny(const std::string &s, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const char *w) { return s.find(w) != std::string::npos; });
}

} // namespace

MetricAliases::MetricAliases()
{
    for (const char *a : {"real@1", "real1", "real_top1", "real_at_1", "real_acc@1", "real@1_acc"})
        add(a, metric::Real1);
    for (const char *a : {"real@5", "real5", "real_top5", "real_at_5", "real_acc@5"})
        add(a, metric::Real5);
    for (const char *a : {"lambada@1", "lambada1", "lambada_top1", "lambada_at_1", "lambada_acc@1"})
        add(a, metric::Lambada1);
}

void MetricAliases::add(const std::string &alias, const std::string &canonicalId)
{
    m_aliases[lower(alias)] = canonicalId;
}

std::string MetricAliases::canonical(const std::string &key) const
{
    const std::string k = lower(key);
    if (auto it = m_aliases.find(k); it != m_aliases.end()) return it->second;
    for (const char *prefix : {"eval_", "eval/", "test_", "test/"}) {
        const std::string p(prefix);
        if (k.rfind(p, 0) == 0) {
            if (auto it = m_aliases.find(k.substr(p.size())); it != m_aliases.end())
                return it->second;
        }
    }
    return key;
}

void MetricAliases::setLowerIsBetter(const std::string &canonicalId, bool lowerBetter)
{
    m_lowerOverride[canonicalId] = lowerBetter;
}

bool MetricAliases::lowerIsBetter(const std::string &canonicalId) const
{
    if (auto it = m_lowerOverride.find(canonicalId); it != m_lowerOverride.end()) return it->second;
    return containsAny(lower(canonicalId), {"loss", "perplexity", "ppl", "error", "runtime"});
}

std::vector<std::string> MetricAliases::ordered(const std::vector<std::string> &ids)
{
    auto rank = [](const std::string &id) {
        if (id == metric::Real1) return 0;
        if (id == metric::Real5) return 1;
        if (id == metric::Lambada1) return 2;
        if (id == metric::Score) return 3;
        return 4;
    };
    std::vector<std::string> out = ids;
    std::sort(out.begin(), out.end(), [&](const std::string &a, const std::string &b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

MetricAliases &defaultAliases()
{
    static MetricAliases aliases;
    return aliases;
}

std::string userAliasesPath()
{
    const char *config = std::getenv("XDG_CONFIG_HOME");
    const char *home = std::getenv("HOME");
    return config && *config ? std::string(config) + "/clozescope/aliases.json"
           : home            ? std::string(home) + "/.config/clozescope/aliases.json"
                             : std::string();
}

} // namespace cs
