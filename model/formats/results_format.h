// SPDX-License-Identifier: MIT
// ClozeScope's results format (docs/formats.md): the results file and its per-example sidecar,
// read and written here only. The engine writes it, the importer, the Examples tab and merge
// read it.
#pragma once

#include "formats/format_problem.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// The "format" value of a results file.
inline constexpr const char *kResultsFormat = "clozescope-results";
/// The newest results format version this ClozeScope reads and writes.
inline constexpr int kResultsVersion = 1;

/// One of the best fillings of an example.
struct ExampleFilling
{
    std::vector<int> ids;            ///< token ids
    std::vector<std::string> tokens; ///< their tokens
    double logprob = 0.0;            ///< joint log-probability
};

/// One example as the per-example sidecar records it (one JSON line).
struct ExampleLine
{
    std::string id;                    ///< example id within its set
    std::string dataset;               ///< set name
    std::optional<int> rank;           ///< 1-based rank of the answer; none when not among the best
    std::optional<double> goldLogprob; ///< log-probability of the answer
    std::vector<int> answerIds;        ///< the answer's token ids
    std::optional<int> inputLength;    ///< tokens given to the model
    std::optional<int> untruncatedLength; ///< tokens before cutting
    std::map<int, bool> hits;             ///< k -> answer among the k best
    std::vector<ExampleFilling> top;      ///< best fillings, best first
};

/// An example left out of an evaluation.
struct SkippedLine
{
    std::string id;        ///< example id
    std::int64_t line = 0; ///< its line in the set
    std::string reason;    ///< why
};

/// A cloze set an evaluation read.
struct ResultsDataset
{
    std::string file;                 ///< its file name
    std::string path;                 ///< its absolute path when evaluated
    std::string sha256;               ///< SHA-256 of its bytes
    std::optional<std::int64_t> n;    ///< examples evaluated
    std::vector<SkippedLine> skipped; ///< examples left out
};

/// One metric of a checkpoint.
struct ResultsMetric
{
    std::string key;                   ///< its name as written ("real@1")
    nlohmann::json value;              ///< its value as written (a number when valid)
    std::optional<std::int64_t> count; ///< examples counted as hits
    std::optional<std::int64_t> n;     ///< examples
    std::string dataset;               ///< set it was measured on
    std::optional<int> k;              ///< k of a hit@k metric
    std::optional<double> stderr_;     ///< standard error when the producer gave one
    std::string location;              ///< where it was read ("metrics.real@1")
};

/// One evaluated checkpoint.
struct ResultsCheckpoint
{
    std::string name;                   ///< folder name ("checkpoint-390")
    std::string path;                   ///< folder evaluated
    std::optional<std::int64_t> step;   ///< global step
    std::optional<double> epoch;        ///< epoch
    std::vector<ResultsMetric> metrics; ///< in file order
    std::string examples;               ///< per-example sidecar, relative to the results file
    std::string location;               ///< where it was read ("(top level)", "checkpoints[2]")
};

/// The settings of the evaluation that wrote the file.
struct ResultsSettings
{
    std::optional<int> maxLength; ///< tokens per input
    std::optional<int> rightKeep; ///< tokens kept after the mask when cutting
    std::string dtype;            ///< precision
    std::string device;           ///< device
};

/// A whole results file.
struct ResultsFile
{
    int version = kResultsVersion;                  ///< format version
    std::string runName;                            ///< run the checkpoints belong to
    std::string experiment;                         ///< experiment, when given
    std::optional<int> seqLen;                      ///< the run's sequence length
    std::optional<double> stepsPerEpoch;            ///< the run's steps per epoch
    std::map<std::string, ResultsDataset> datasets; ///< set name -> set
    /// One (written at the top level) or several; an entry without metrics is read (for its
    /// examples) and said.
    std::vector<ResultsCheckpoint> checkpoints;
    std::optional<ResultsSettings> settings; ///< the evaluation's settings
    std::string createdBy;                   ///< program that wrote it
    std::string createdAt;                   ///< UTC time it was written
    std::optional<double> seconds;           ///< time the evaluation took
};

/// The results file as JSON: one checkpoint at the top level, several under "checkpoints".
nlohmann::json resultsJson(const ResultsFile &file);
/// Reads a results document; each value of the wrong type is a problem and left out. False
/// (with a problem) when the version is missing or newer than this ClozeScope reads.
bool readResults(const nlohmann::json &doc, ResultsFile &out, const FormatProblemFn &problem);

/// One sidecar line (no newline); invalid UTF-8 in tokens is replaced.
std::string exampleLineText(const ExampleLine &line);
/// Reads one sidecar record; nullopt (with why) when it lacks "id", "dataset" or "hits".
std::optional<ExampleLine> readExampleLine(const nlohmann::json &record, std::string &why);

} // namespace cs
