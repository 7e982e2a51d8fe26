// SPDX-License-Identifier: MIT
// The registry of results formats: each format's kind, name, container, recogniser and reader
// in one entry (docs/architecture.md, "Add an importer").
#pragma once

#include "results/file_import.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cs {

class ImportSink;

/// How a file's bytes are laid out; found from the file's name alone.
enum class Container { Json, JsonLines, Csv, EventFile };

/// A file as importers see it: its bytes and, by container, what was parsed from them.
struct FileContent
{
    std::string path;                   ///< the file
    std::string fileName;               ///< its name
    std::string text;                   ///< its bytes
    nlohmann::json json;                ///< the parsed document (Container::Json)
    std::vector<std::string> csvHeader; ///< the header row (Container::Csv)
};

/// One format ClozeScope reads.
struct Importer
{
    FileKind kind;                                   ///< what the format is
    const char *name;                                ///< its name for people
    Container container;                             ///< the container it comes in
    bool (*recognises)(const FileContent &);         ///< whether a file is in this format
    void (*read)(const FileContent &, ImportSink &); ///< reads it; problems go to the sink
};

/// Every format, in the order they are tried: the first of a file's container that recognises
/// it reads it.
const std::vector<Importer> &importers();

/// File-name patterns of results files ("*.json", "*.jsonl", "*.csv", "*tfevents*"): the folder
/// walk, the window's Open dialog and its folder watcher all use this one list.
const std::vector<std::string> &resultFilePatterns();

/// The container of a file name, or none when it is not a results file name.
std::optional<Container> containerOf(const std::string &fileName);

} // namespace cs
