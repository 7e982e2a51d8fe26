// SPDX-License-Identifier: MIT
#include "results/cloze_dataset.h"

#include "results/json_reader.h"

namespace cs {
namespace {

std::string trimRight(std::string s)
{
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.pop_back();
    return s;
}

std::size_t countMasks(const std::string &text)
{
    std::size_t n = 0;
    for (std::size_t p = text.find("[MASK]"); p != std::string::npos;
         p = text.find("[MASK]", p + 6))
        ++n;
    return n;
}

} // namespace

ClozeDataset readClozeDataset(const std::string &path)
{
    std::string body, error;
    if (!readTextFile(path, body, error)) {
        ClozeDataset ds;
        ds.path = path;
        ds.problems.push_back({Severity::Error, path, "", error});
        return ds;
    }
    return parseClozeDataset(path, body);
}

ClozeDataset parseClozeDataset(const std::string &path, const std::string &body)
{
    ClozeDataset ds;
    ds.path = path;
    const auto badLine = [&](std::size_t lineNo, const std::string &why) {
        ds.problems.push_back(
            {Severity::Warning, path, "line " + std::to_string(lineNo), why + "; line skipped"});
    };
    forEachJsonLine(
        body,
        [&](const nlohmann::json &j, std::size_t lineNo) {
            const auto bad = [&](const std::string &why) { badLine(lineNo, why); };
            ClozeExample ex;
            ex.line = lineNo;
            const auto id = j.find("id");
            ex.id = id != j.end() && id->is_string() ? id->get<std::string>()
                    : id != j.end() && id->is_number_integer()
                        ? std::to_string(id->get<long long>())
                        : "line-" + std::to_string(lineNo);
            const auto text = j.contains("text") ? j.find("text") : j.find("masked");
            if (text == j.end() || !text->is_string()) {
                bad("no \"text\" (or \"masked\") string");
                return;
            }
            ex.text = text->get<std::string>();
            const auto answer = j.contains("answer") ? j.find("answer") : j.find("target");
            if (answer != j.end() && answer->is_string()) {
                if (trimRight(answer->get<std::string>()).empty()) {
                    bad("the answer is empty");
                    return;
                }
                ex.answers.push_back(answer->get<std::string>());
            } else if (const auto answers = j.find("answers");
                       answers != j.end() && answers->is_array()) {
                for (const auto &a : *answers)
                    if (a.is_string() && !trimRight(a.get<std::string>()).empty())
                        ex.answers.push_back(a.get<std::string>());
            } else if (countMasks(ex.text) == 0) {
                // LAMBADA style: the last whitespace-separated word is the target.
                const std::string t = trimRight(ex.text);
                const std::size_t cut = t.find_last_of(" \t\n");
                if (cut == std::string::npos) {
                    bad("a LAMBADA-style text needs at least two words");
                    return;
                }
                ex.answers.push_back(t.substr(cut + 1));
                ex.text = t.substr(0, cut + 1) + "[MASK]";
            }
            if (ex.answers.empty()) {
                bad("no answer");
                return;
            }
            if (countMasks(ex.text) != 1) {
                bad("the text has " + std::to_string(countMasks(ex.text)) +
                    " [MASK] placeholders, not one");
                return;
            }
            ds.examples.push_back(std::move(ex));
        },
        badLine);

    return ds;
}

} // namespace cs
