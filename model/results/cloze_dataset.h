// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <string>
#include <vector>

namespace cs {

/// One cloze item: a text with one "[MASK]" placeholder and its answer(s).
struct ClozeExample
{
    std::string id;                   ///< example id ("line-N" when the line has none)
    std::string text;                 ///< text with exactly one "[MASK]"
    std::vector<std::string> answers; ///< gold answer(s)
    std::size_t line = 0;             ///< its line in the file (1-based; 0 = not from a file)
};

/// A cloze dataset read from JSONL, with the lines that could not be used.
struct ClozeDataset
{
    std::string path;                   ///< the file
    std::vector<ClozeExample> examples; ///< usable examples, in file order
    std::vector<Problem> problems;      ///< bad lines (line number, reason), skipped
};

/// Reads a JSONL cloze set (design §4): {"id", "text", "answer"} or "answers": [...]; the first
/// user's "masked"/"target" keys; or LAMBADA-style {"text"} whose last whitespace-separated word
/// becomes the answer. Bad lines are reported and skipped, never fatal.
ClozeDataset readClozeDataset(const std::string &path);
/// The same, from the file's text already read (path names the problems).
ClozeDataset parseClozeDataset(const std::string &path, const std::string &text);

} // namespace cs
