// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace cs {

/// A CSV table: header and rows, with the file line each row started on.
struct CsvTable
{
    std::vector<std::string> header;            ///< column names
    std::vector<std::vector<std::string>> rows; ///< cells, row by row
    std::vector<std::size_t> rowLines;          ///< 1-based line of each row
    std::string error;                          ///< "" when the text parsed
};

/// Parses RFC 4180 CSV (quoted cells, doubled quotes, LF or CRLF line ends, BOM).
CsvTable parseCsv(const std::string &text);

/// Index of a column by name (case-insensitive), or -1.
int csvColumn(const CsvTable &table, const std::string &name);

} // namespace cs
