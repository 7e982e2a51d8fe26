// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

/// One example as a ClozeScope evaluation recorded it, with its text from the cloze set.
struct EvaluatedExample
{
    std::string id;                    ///< example id within its set
    std::string dataset;               ///< set name ("real", "lambada")
    std::optional<int> rank;           ///< 1-based rank of the answer; none when not among the best
    std::optional<double> goldLogprob; ///< log-probability of the answer, when recorded
    std::vector<std::string> best;     ///< tokens of the best filling, when recorded
    std::string text;                  ///< the text with its [MASK] ("" when the set was not found)
    std::vector<std::string> answers;  ///< the gold answer(s) ("" when the set was not found)

    /// True when the answer was not the model's first choice.
    bool failed() const { return !rank || *rank != 1; }
};

/// A cloze set the results name whose texts were not found: where it was recorded.
struct MissingSet
{
    std::string name;     ///< set name ("real")
    std::string recorded; ///< its recorded path (or file name)
    std::string sha256;   ///< the SHA-256 of the bytes evaluated ("" = not recorded)
};

/// The examples of one evaluated checkpoint.
struct CheckpointExamples
{
    std::string resultsFile;                ///< the results file read
    std::string checkpointPath;             ///< the evaluated checkpoint folder, as recorded
    int maxLength = 0;                      ///< the evaluation's max length (0 = not recorded)
    int rightKeep = 64;                     ///< tokens it kept after the mask when cutting
    std::string dtype;                      ///< the evaluation's precision ("" = not recorded)
    std::vector<EvaluatedExample> examples; ///< in the sidecar's order
    std::vector<Problem> problems;          ///< what could not be read or found, and why
    std::vector<MissingSet> missingSets;    ///< sets whose texts were not found
};

/// Reads a ClozeScope results file's per-example sidecar (inside the file's folder only) and
/// joins each record with its text from the cloze set the file names: by file name beside the
/// results file, else among chosenSets (set files the user chose); used only when its SHA-256
/// matches the record. A recorded path outside the results folder is never read.
/// In a file of several checkpoints ("checkpoints": […]) the one named checkpoint is read.
/// Never throws: problems say what is missing.
CheckpointExamples readEvaluatedExamples(const std::string &resultsFile,
                                         const std::string &checkpoint = {},
                                         const std::vector<std::string> &chosenSets = {});

} // namespace cs
