// SPDX-License-Identifier: MIT
#include "report/table.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace cs {
namespace {

std::string csvCell(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string mdCell(const Cell &c)
{
    std::string out;
    for (char ch : c.text)
        out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return c.bold && !out.empty() ? "**" + out + "**" : out;
}

std::string latexEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            out += '\\';
            out += c;
            break;
        case '~': out += "\\textasciitilde{}"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '\\': out += "\\textbackslash{}"; break;
        default: out += c;
        }
    }
    return out;
}

std::string renderCsv(const Table &t)
{
    std::ostringstream out;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out << (i ? "," : "") << csvCell(t.columns[i]);
    out << "\n";
    for (const auto &row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out << (i ? "," : "") << csvCell(row[i].text);
        out << "\n";
    }
    return out.str();
}

std::string renderMarkdown(const Table &t)
{
    std::ostringstream out;
    if (!t.caption.empty()) out << "**" << t.caption << "**\n\n";
    out << "|";
    for (const auto &c : t.columns)
        out << " " << mdCell({c, false}) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out << (i == 0 ? " --- |" : " ---: |");
    out << "\n";
    for (const auto &row : t.rows) {
        out << "|";
        for (const auto &c : row)
            out << " " << mdCell(c) << " |";
        out << "\n";
    }
    for (const auto &n : t.notes)
        out << "\n" << n << "\n";
    return out.str();
}

std::string renderLatex(const Table &t)
{
    std::ostringstream out;
    out << "\\begin{table}[ht]\n\\centering\n";
    if (!t.caption.empty()) out << "\\caption{" << latexEscape(t.caption) << "}\n";
    out << "\\begin{tabular}{l" << std::string(t.columns.size() > 0 ? t.columns.size() - 1 : 0, 'r')
        << "}\n\\hline\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out << (i ? " & " : "") << latexEscape(t.columns[i]);
    out << " \\\\\n\\hline\n";
    for (const auto &row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string s = latexEscape(row[i].text);
            out << (i ? " & " : "") << (row[i].bold ? "\\textbf{" + s + "}" : s);
        }
        out << " \\\\\n";
    }
    out << "\\hline\n\\end{tabular}\n";
    for (const auto &n : t.notes)
        out << "\\par{\\footnotesize " << latexEscape(n) << "}\n";
    out << "\\end{table}\n";
    return out.str();
}

std::string renderJson(const Table &t)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const auto &row : t.rows) {
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
            const std::string &s = row[i].text;
            char *end = nullptr;
            const double v = std::strtod(s.c_str(), &end);
            if (!s.empty() && end && *end == '\0')
                obj[t.columns[i]] = v;
            else if (s.empty())
                obj[t.columns[i]] = nullptr;
            else
                obj[t.columns[i]] = s;
        }
        rows.push_back(obj);
    }
    nlohmann::json doc = {{"caption", t.caption}, {"columns", t.columns}, {"rows", rows}};
    if (!t.notes.empty()) doc["notes"] = t.notes;
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderHtml(const Table &t)
{
    std::ostringstream out;
    out << "<table>\n";
    if (!t.caption.empty()) out << "<caption>" << htmlEscape(t.caption) << "</caption>\n";
    out << "<thead><tr>";
    for (const auto &c : t.columns)
        out << "<th>" << htmlEscape(c) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto &row : t.rows) {
        out << "<tr>";
        for (const auto &c : row)
            out << (c.bold ? "<td><b>" : "<td>") << htmlEscape(c.text)
                << (c.bold ? "</b></td>" : "</td>");
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    for (const auto &n : t.notes)
        out << "<p class=\"note\">" << htmlEscape(n) << "</p>\n";
    return out.str();
}

} // namespace

void Table::addRow(const std::vector<std::string> &cells)
{
    std::vector<Cell> row;
    for (const auto &c : cells)
        row.push_back({c, false});
    rows.push_back(std::move(row));
}

bool parseTableFormat(const std::string &name, TableFormat &out)
{
    if (name == "csv")
        out = TableFormat::Csv;
    else if (name == "md" || name == "markdown")
        out = TableFormat::Markdown;
    else if (name == "latex" || name == "tex")
        out = TableFormat::Latex;
    else if (name == "json")
        out = TableFormat::Json;
    else if (name == "html")
        out = TableFormat::Html;
    else
        return false;
    return true;
}

std::string renderTable(const Table &table, TableFormat format)
{
    switch (format) {
    case TableFormat::Csv: return renderCsv(table);
    case TableFormat::Markdown: return renderMarkdown(table);
    case TableFormat::Latex: return renderLatex(table);
    case TableFormat::Json: return renderJson(table);
    case TableFormat::Html: return renderHtml(table);
    }
    return {};
}

std::string htmlEscape(const std::string &text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace cs
