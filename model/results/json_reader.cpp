// SPDX-License-Identifier: MIT
#include "results/json_reader.h"

#include "util/file_read.h"
#include "util/json_depth.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace cs {
namespace {

/// Quotes bare NaN / Infinity / -Infinity tokens outside strings.
std::string quoteNonFiniteLiterals(const std::string &text)
{
    if (text.find("NaN") == std::string::npos && text.find("Infinity") == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size() + 16);
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        bool matched = false;
        for (const char *lit : {"-Infinity", "Infinity", "NaN"}) {
            const std::string l(lit);
            if (text.compare(i, l.size(), l) == 0) {
                out += '"' + l + '"';
                i += l.size() - 1;
                matched = true;
                break;
            }
        }
        if (!matched) out += c;
    }
    return out;
}

} // namespace

bool readTextFile(const std::string &path, std::string &out, std::string &error)
{
    return readRegularFile(path, out, error);
}

std::string lineColumn(const std::string &text, std::size_t offset)
{
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

JsonDocument parseJson(const std::string &text)
{
    JsonDocument doc;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        doc.error = "the file is empty";
        doc.location = "line 1, column 1";
        return doc;
    }
    constexpr std::size_t kMaxDepth = 256; // result files are a few levels deep
    if (jsonNestingDepth(text) > kMaxDepth) {
        doc.error =
            "nested deeper than " + std::to_string(kMaxDepth) + " levels; not a results file";
        doc.location = "line 1, column 1";
        return doc;
    }
    const std::string quoted = quoteNonFiniteLiterals(text);
    try {
        doc.json = nlohmann::json::parse(quoted);
    } catch (const nlohmann::json::parse_error &e) {
        // The byte offset refers to the quoted text; close enough to locate the error
        // unless NaN literals precede it, in which case it is off by two per literal.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        doc.location = lineColumn(quoted, at);
        std::string what = e.what();
        if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        doc.error = at + 1 >= quoted.size() ? "truncated JSON (" + what + ")"
                                            : "malformed JSON (" + what + ")";
        doc.json = nullptr;
    } catch (const nlohmann::json::exception &e) {
        // A number beyond a double (1e999): nlohmann names the literal, not where it is.
        const std::string what = e.what();
        const auto open = what.find('\''), close = what.rfind('\'');
        if (open != std::string::npos && close > open)
            if (const auto at = quoted.find(what.substr(open + 1, close - open - 1));
                at != std::string::npos)
                doc.location = lineColumn(quoted, at);
        doc.error = "a number out of range (" + what.substr(what.find(']') + 2) + ")";
        doc.json = nullptr;
    }
    return doc;
}

JsonDocument readJsonFile(const std::string &path)
{
    std::string text, err;
    if (!readTextFile(path, text, err)) {
        JsonDocument doc;
        doc.error = err;
        return doc;
    }
    return parseJson(text);
}

std::optional<double> numberValue(const nlohmann::json &j)
{
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) {
        const auto &s = j.get_ref<const std::string &>();
        if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (s == "Infinity") return std::numeric_limits<double>::infinity();
        if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    }
    return std::nullopt;
}

std::optional<long long> integerValue(const nlohmann::json &j)
{
    if (j.is_number_integer()) return j.get<long long>();
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15)
            return static_cast<long long>(d);
    }
    return std::nullopt;
}

std::optional<std::string> stringValue(const nlohmann::json &j)
{
    if (j.is_string()) return j.get<std::string>();
    return std::nullopt;
}

void forEachJsonLine(const std::string &text,
                     const std::function<void(const nlohmann::json &, std::size_t)> &onObject,
                     const std::function<void(std::size_t, const std::string &)> &onBad)
{
    std::istringstream in(text);
    std::string line;
    for (std::size_t lineNo = 1; std::getline(in, line); ++lineNo) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const JsonDocument d = parseJson(line);
        if (!d.error.empty())
            onBad(lineNo, d.error);
        else if (!d.json.is_object())
            onBad(lineNo, "not a JSON object");
        else
            onObject(d.json, lineNo);
    }
}

} // namespace cs
