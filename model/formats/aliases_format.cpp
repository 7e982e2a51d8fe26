// SPDX-License-Identifier: MIT
#include "formats/aliases_format.h"

#include "results/json_reader.h"

#include <filesystem>

namespace cs {

nlohmann::json aliasesJson(const MetricAliases &aliases)
{
    nlohmann::json lower = nlohmann::json::array();
    for (const auto &[id, isLower] : aliases.lowerOverrides())
        if (isLower) lower.push_back(id);
    return {{"aliases", aliases.table()}, {"lower_is_better", lower}};
}

std::string readAliases(const nlohmann::json &j, MetricAliases &aliases)
{
    if (!j.is_object()) return "the alias file must hold a JSON object";
    MetricAliases read = aliases; // all or nothing
    if (auto it = j.find("aliases"); it != j.end()) {
        if (!it->is_object()) return "\"aliases\" must be an object {alias: metric}";
        for (const auto &[alias, id] : it->items()) {
            if (!id.is_string()) return "aliases." + alias + " must be a string";
            read.add(alias, id.get<std::string>());
        }
    }
    if (auto it = j.find("lower_is_better"); it != j.end()) {
        if (!it->is_array()) return "\"lower_is_better\" must be a list of metric names";
        for (const auto &id : *it) {
            if (!id.is_string()) return "\"lower_is_better\" must be a list of metric names";
            read.setLowerIsBetter(id.get<std::string>(), true);
        }
    }
    aliases = std::move(read);
    return {};
}

std::string readAliasesFile(const std::string &path, MetricAliases &aliases)
{
    const JsonDocument doc = readJsonFile(path);
    if (!doc.error.empty())
        return path + ": " + (doc.location.empty() ? "" : doc.location + ": ") + doc.error;
    const std::string e = readAliases(doc.json, aliases);
    return e.empty() ? e : path + ": " + e;
}

std::string loadUserAliases(MetricAliases &aliases)
{
    const std::string file = userAliasesPath();
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return {};
    return readAliasesFile(file, aliases);
}

} // namespace cs
