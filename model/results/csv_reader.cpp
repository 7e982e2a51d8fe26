// SPDX-License-Identifier: MIT
#include "results/csv_reader.h"

#include <algorithm>
#include <cctype>

namespace cs {

CsvTable parseCsv(const std::string &input)
{
    CsvTable t;
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, rowHasContent = false;
    std::size_t line = 1, rowStart = 1;
    auto endRow = [&]() {
        row.push_back(cell);
        cell.clear();
        if (rowHasContent) {
            if (t.header.empty() && t.rows.empty()) {
                t.header = row;
            } else {
                t.rows.push_back(row);
                t.rowLines.push_back(rowStart);
            }
        }
        row.clear();
        rowHasContent = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (!rowHasContent && c != '\r' && c != '\n') rowStart = line;
        if (c == '"') {
            quoted = true;
            rowHasContent = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
            rowHasContent = true;
        } else if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            endRow(); // LF, CRLF (the CR is skipped below) or a lone CR (old Mac exports)
            ++line;
        } else if (c != '\r') {
            cell += c;
            rowHasContent = true;
        }
    }
    if (quoted) t.error = "unterminated quoted cell starting on line " + std::to_string(rowStart);
    if (rowHasContent || !cell.empty()) endRow();
    for (auto &h : t.header) {
        h.erase(h.begin(), std::find_if(h.begin(), h.end(),
                                        [](unsigned char ch) { return !std::isspace(ch); }));
        while (!h.empty() && std::isspace(static_cast<unsigned char>(h.back())))
            h.pop_back();
    }
    return t;
}

int csvColumn(const CsvTable &table, const std::string &name)
{
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const auto &h = table.header[i];
        if (h.size() == name.size() &&
            std::equal(h.begin(), h.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace cs
