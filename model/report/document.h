// SPDX-License-Identifier: MIT
#pragma once

#include "report/table.h"

#include <string>
#include <vector>

namespace cs {

/// One block of a report.
struct Block
{
    /// What the block is.
    enum class Kind { Heading, Paragraph, Bullets, TableBlock, Image };
    Kind kind = Kind::Paragraph;    ///< kind
    int level = 2;                  ///< heading level
    std::string text;               ///< heading or paragraph text; image path
    std::vector<std::string> items; ///< bullet items
    Table table;                    ///< table
};

/// A report as blocks, rendered to Markdown or HTML.
struct Document
{
    std::string title;           ///< document title
    std::string language = "en"; ///< its language (HTML lang)
    std::vector<Block> blocks;   ///< content in order

    /// Adds a heading.
    void heading(int level, const std::string &text);
    /// Adds a paragraph.
    void paragraph(const std::string &text);
    /// Adds a bullet list.
    void bullets(const std::vector<std::string> &items);
    /// Adds a table.
    void table(const Table &t);
    /// Adds an image (path relative to the report).
    void image(const std::string &path, const std::string &caption);
};

/// Markdown rendering (GitHub flavour).
std::string renderMarkdown(const Document &doc);
/// Self-contained HTML rendering with a small style sheet.
std::string renderHtml(const Document &doc);

} // namespace cs
