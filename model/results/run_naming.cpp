// SPDX-License-Identifier: MIT
#include "results/run_naming.h"

#include "results/result_types.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <stdexcept>

namespace cs {
namespace {

std::vector<std::string> split(const std::string &s, const std::string &sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + sep.size();
    }
    return out;
}

bool isDigits(const std::string &s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool isGeneric(const std::string &piece)
{
    static const std::regex generic(
        R"((checkpoint[-_]\d+|checkpoints?|runs?|outputs?|results?|logs?|logs_backup|evals?|)"
        R"(evaluation|evaluation_results(_\d+)*|eval_results|tmp|models?|\.|\.\.|~|home|work|)"
        R"(zero-shot|few-shot|final|best|last|latest|)"
        R"([A-Z][a-z]{2}\d{2}_\d{2}-\d{2}-\d{2}_.*))", // Trainer logging dirs:
                                                       // runs/Nov28_17-18-55_host
        std::regex::icase);
    return piece.empty() || std::regex_match(piece, generic);
}

} // namespace

bool isCheckpointName(const std::string &name)
{
    static const std::regex re(R"(checkpoint[-_]\d+)", std::regex::icase);
    return std::regex_match(name, re);
}

std::vector<std::string> discoverCheckpoints(const std::string &runDir)
{
    namespace fs = std::filesystem;
    // The Trainer's folders only: "checkpoint-" and digits (Accelerate's checkpoint_0 counts
    // saves, not steps, and holds no model the engine loads).
    static const std::regex trainer(R"(checkpoint-(\d{1,12}))");
    std::vector<std::pair<std::int64_t, std::string>> found;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(runDir, ec)) {
        const std::string name = e.path().filename().string();
        std::smatch m;
        std::error_code entryError; // a dangling link is skipped, not the folder's error
        if (std::regex_match(name, m, trainer) && e.is_directory(entryError))
            found.emplace_back(std::stoll(m[1].str()), e.path().string());
    }
    if (ec) throw std::runtime_error(runDir + ": " + ec.message());
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto &[step, path] : found)
        out.push_back(path);
    return out;
}

std::optional<std::size_t> stepPiece(const std::vector<std::string> &components)
{
    // The last piece, or the one before the layout a converter saves in (mp_rank_00/hf).
    static const std::regex step(R"((?:checkpoint|ckpt|iter|global_step|step)[-_]?\d+)",
                                 std::regex::icase);
    static const std::regex layout(
        R"(mp_rank_\d+|hf|hf_model|hf_checkpoint|huggingface|converted|release|model)",
        std::regex::icase);
    std::size_t i = components.size();
    while (i > 0 && std::regex_match(components[i - 1], layout))
        --i;
    if (i > 0 && std::regex_match(components[i - 1], step)) return i - 1;
    return std::nullopt;
}

std::vector<std::string> checkpointPathComponents(const std::string &checkpointPath)
{
    std::string p = checkpointPath;
    std::replace(p.begin(), p.end(), '\\', '/');
    std::vector<std::string> out;
    for (auto &piece : split(p, "/"))
        if (!piece.empty()) out.push_back(piece);
    return out;
}

std::vector<std::string> pathComponents(const std::string &filePath)
{
    std::vector<std::string> parts = checkpointPathComponents(filePath);
    if (parts.empty()) return parts;
    const std::string fileName = parts.back();
    parts.pop_back();
    std::vector<std::string> nameParts = split(fileName, "__");
    nameParts.pop_back(); // the file's own name
    parts.insert(parts.end(), nameParts.begin(), nameParts.end());
    return parts;
}

std::string runNameFromComponents(const std::vector<std::string> &components)
{
    for (auto it = components.rbegin(); it != components.rend(); ++it)
        if (!isGeneric(*it)) return *it;
    return {};
}

std::optional<int> seqLenFromName(const std::string &name)
{
    std::string norm = name;
    std::replace_if(
        norm.begin(), norm.end(), [](char c) { return c == '-' || c == '.'; }, '_');
    for (const auto &tok : split(norm, "_")) {
        std::string digits = tok;
        for (const char *prefix : {"len", "seq", "L", "ctx"}) {
            const std::string p(prefix);
            if (digits.size() > p.size() && digits.rfind(p, 0) == 0 &&
                isDigits(digits.substr(p.size())))
                digits = digits.substr(p.size());
        }
        if (!isDigits(digits) || digits.size() > 5 || digits[0] == '0') continue;
        const int v = std::stoi(digits);
        if (v >= 64 && v <= 65536 && v % 64 == 0) return v;
    }
    return std::nullopt;
}

std::string experimentFromRunName(const std::string &name, std::optional<int> seqLen)
{
    // Tokens with the separator before each ("mlm", "_v2", "-1536"), so "-" and "." names work too.
    std::vector<std::pair<char, std::string>> toks;
    for (char c : name) {
        if ((c == '_' || c == '-' || c == '.') && !toks.empty())
            toks.push_back({c, ""});
        else if (toks.empty())
            toks.push_back({'\0', std::string(1, c)});
        else
            toks.back().second += c;
    }
    std::vector<std::pair<char, std::string>> kept;
    for (const auto &t : toks)
        if (!(seqLen && t.second == std::to_string(*seqLen))) kept.push_back(t);
    // Drop a trailing timestamp: YYYYmmdd[_HHMMSS].
    while (kept.size() > 1 && isDigits(kept.back().second) && kept.back().second.size() >= 6)
        kept.pop_back();
    std::string out;
    for (const auto &t : kept)
        out += (out.empty() || !t.first ? "" : std::string(1, t.first)) + t.second;
    return out.empty() ? name : out;
}

} // namespace cs
