// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace cs {

/// One cell: its text, and whether it is emphasised (best value).
struct Cell
{
    std::string text;  ///< what is shown
    bool bold = false; ///< best value of its column
};

/// A table: caption, header, rows; exported to CSV, Markdown, LaTeX, JSON or HTML.
struct Table
{
    std::string caption;                 ///< title above the table
    std::vector<std::string> columns;    ///< header
    std::vector<std::vector<Cell>> rows; ///< cells, one vector per row
    std::vector<std::string> notes;      ///< lines printed under the table

    /// Appends a row of plain cells.
    void addRow(const std::vector<std::string> &cells);
};

/// Table formats.
enum class TableFormat { Csv, Markdown, Latex, Json, Html };

/// Parses "csv", "md"/"markdown", "latex"/"tex", "json", "html"; false when unknown.
bool parseTableFormat(const std::string &name, TableFormat &out);

/// Renders a table in a format (CSV and JSON without emphasis; JSON as a list of objects).
std::string renderTable(const Table &table, TableFormat format);

/// Escapes text for HTML.
std::string htmlEscape(const std::string &text);

} // namespace cs
