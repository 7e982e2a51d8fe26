// SPDX-License-Identifier: MIT
#include "report/document.h"

#include <sstream>

namespace cs {

void Document::heading(int level, const std::string &text)
{
    Block b;
    b.kind = Block::Kind::Heading;
    b.level = level;
    b.text = text;
    blocks.push_back(std::move(b));
}

void Document::paragraph(const std::string &text)
{
    Block b;
    b.kind = Block::Kind::Paragraph;
    b.text = text;
    blocks.push_back(std::move(b));
}

void Document::bullets(const std::vector<std::string> &items)
{
    if (items.empty()) return;
    Block b;
    b.kind = Block::Kind::Bullets;
    b.items = items;
    blocks.push_back(std::move(b));
}

void Document::table(const Table &t)
{
    Block b;
    b.kind = Block::Kind::TableBlock;
    b.table = t;
    blocks.push_back(std::move(b));
}

void Document::image(const std::string &path, const std::string &caption)
{
    Block b;
    b.kind = Block::Kind::Image;
    b.text = path;
    b.items = {caption};
    blocks.push_back(std::move(b));
}

std::string renderMarkdown(const Document &doc)
{
    std::ostringstream out;
    out << "# " << doc.title << "\n";
    for (const auto &b : doc.blocks) {
        out << "\n";
        switch (b.kind) {
        case Block::Kind::Heading: out << std::string(b.level, '#') << " " << b.text << "\n"; break;
        case Block::Kind::Paragraph: out << b.text << "\n"; break;
        case Block::Kind::Bullets:
            for (const auto &i : b.items)
                out << "- " << i << "\n";
            break;
        case Block::Kind::TableBlock: out << renderTable(b.table, TableFormat::Markdown); break;
        case Block::Kind::Image: out << "![" << b.items.front() << "](" << b.text << ")\n"; break;
        }
    }
    return out.str();
}

std::string renderHtml(const Document &doc)
{
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << doc.language
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << htmlEscape(doc.title)
        << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans','Noto Sans CJK KR',sans-serif;max-width:72rem;margin:2rem "
           "auto;"
           "padding:0 1rem;color:#222}\n"
        << "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid "
           "#ccc;padding:.25rem .5rem;"
           "text-align:right}th:first-child,td:first-child{text-align:left}caption{font-weight:"
           "bold;"
           "text-align:left;padding:.25rem "
           "0}\n.note{color:#555;font-size:.9rem}\n</style>\n</head>\n<body>\n"
        << "<h1>" << htmlEscape(doc.title) << "</h1>\n";
    for (const auto &b : doc.blocks) {
        switch (b.kind) {
        case Block::Kind::Heading:
            out << "<h" << b.level << ">" << htmlEscape(b.text) << "</h" << b.level << ">\n";
            break;
        case Block::Kind::Paragraph: out << "<p>" << htmlEscape(b.text) << "</p>\n"; break;
        case Block::Kind::Bullets:
            out << "<ul>\n";
            for (const auto &i : b.items)
                out << "<li>" << htmlEscape(i) << "</li>\n";
            out << "</ul>\n";
            break;
        case Block::Kind::TableBlock: out << renderTable(b.table, TableFormat::Html); break;
        case Block::Kind::Image:
            out << "<figure><img src=\"" << htmlEscape(b.text) << "\" alt=\""
                << htmlEscape(b.items.front()) << "\"><figcaption>" << htmlEscape(b.items.front())
                << "</figcaption></figure>\n";
            break;
        }
    }
    out << "</body>\n</html>\n";
    return out.str();
}

} // namespace cs
