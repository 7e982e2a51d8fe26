// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace cs {

/// A parsed JSON file, or the reason it could not be parsed.
struct JsonDocument
{
    nlohmann::json json;  ///< the document; null when error is set
    std::string error;    ///< "" when parsed; otherwise the reason
    std::string location; ///< "line L, column C" of the error, when known
};

/// Reads a whole regular file (at most kMaxReadBytes) into a string; returns false (and the
/// reason) when it cannot (util/file_read.h).
bool readTextFile(const std::string &path, std::string &out, std::string &error);

/// Parses JSON text. Python's NaN, Infinity and -Infinity literals are accepted and
/// become the strings "NaN", "Infinity", "-Infinity" (see numberValue).
JsonDocument parseJson(const std::string &text);

/// Reads and parses a JSON file.
JsonDocument readJsonFile(const std::string &path);

/// JSON Lines: onObject(object, line number) for each line holding a JSON object, onBad(line
/// number, reason) for one that does not parse or holds something else ("not a JSON object").
/// Blank lines are skipped; line numbers start at 1.
void forEachJsonLine(const std::string &text,
                     const std::function<void(const nlohmann::json &, std::size_t)> &onObject,
                     const std::function<void(std::size_t, const std::string &)> &onBad);

/// "line L, column C" for a byte offset into text.
std::string lineColumn(const std::string &text, std::size_t offset);

/// A JSON number, or one of the strings "NaN", "Infinity", "-Infinity"; nullopt otherwise.
std::optional<double> numberValue(const nlohmann::json &j);

/// An integer (or integral number); nullopt otherwise.
std::optional<long long> integerValue(const nlohmann::json &j);

/// A JSON string, or nullopt.
std::optional<std::string> stringValue(const nlohmann::json &j);

} // namespace cs
