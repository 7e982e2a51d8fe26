// SPDX-License-Identifier: MIT
#include "results/result_types.h"

#include <algorithm>
#include <regex>

namespace cs {

std::string Run::key() const
{
    return seqLen ? name + "@" + std::to_string(*seqLen) : name;
}

std::string Run::displayName() const
{
    if (!seqLen || name.find(std::to_string(*seqLen)) != std::string::npos) return name;
    return name + " @ " + std::to_string(*seqLen);
}

const Run *ResultSet::findRun(const std::string &key) const
{
    auto it = std::find_if(runs.begin(), runs.end(), [&](const Run &r) { return r.key() == key; });
    return it == runs.end() ? nullptr : &*it;
}

bool ResultSet::hasInputProblems() const
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem &p) { return p.severity != Severity::Info; });
}

std::optional<std::int64_t> stepFromCheckpointName(const std::string &name)
{
    static const std::regex re(
        R"((?:^|[^A-Za-z])(?:checkpoint|ckpt|step|iter)[-_]?(\d{1,12})(?:$|[^0-9]))",
        std::regex::icase);
    std::smatch m;
    if (std::regex_search(name, m, re)) return std::stoll(m[1].str());
    return std::nullopt;
}

const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "?";
}

std::string problemLine(const Problem &p)
{
    std::string line = std::string(severityName(p.severity)) + ": ";
    if (!p.file.empty()) line += p.file + ": ";
    if (!p.location.empty()) line += p.location + ": ";
    return line + p.message;
}

} // namespace cs
