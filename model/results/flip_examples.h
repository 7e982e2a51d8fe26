// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/flips.h"
#include "results/evaluated_examples.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

/// One example that flipped, as both checkpoints recorded it.
struct FlippedExample
{
    std::string id;                   ///< example id within its set
    std::string dataset;              ///< set name ("real")
    bool lost = false;                ///< right → wrong (else wrong → right)
    std::optional<int> rankFrom;      ///< the answer's rank at "from" (none: not among the best)
    std::optional<int> rankTo;        ///< the answer's rank at "to"
    std::string text;                 ///< the text with its [MASK] ("" when the set was not found)
    std::vector<std::string> answers; ///< the gold answer(s)
    std::vector<std::string> bestTo;  ///< the best filling at "to", when recorded
};

/// The flips of one metric between two checkpoints, with each example's text and ranks.
struct DescribedFlips
{
    Flips flips;                          ///< counts, ids and McNemar p
    std::string from;                     ///< checkpoint name at "from"
    std::string to;                       ///< checkpoint name at "to"
    std::vector<FlippedExample> examples; ///< lost first, then gained, in the records' order
    std::vector<Problem> problems;        ///< texts or ranks that could not be read, and why
    std::string checkpointPath;           ///< the "to" checkpoint's folder as recorded ("" = not)
    std::string resultsFile;              ///< the "to" checkpoint's results file
    int maxLength = 0;                    ///< how it was evaluated (0 = not recorded)
    int rightKeep = 64;                   ///< tokens kept after the mask when cutting
    std::string dtype;                    ///< precision ("" = not recorded)
};

/// The ClozeScope results file a checkpoint came from ("" when it came from none).
std::string resultsFileOf(const Checkpoint &cp);

/// Flips of metric from one checkpoint to another, with texts and ranks read from each
/// checkpoint's results file and the cloze sets it names (or chosenSets). nullopt, with the
/// reason in why, when the per-example records do not allow it.
std::optional<DescribedFlips> describeFlips(const Checkpoint &from, const Checkpoint &to,
                                            const std::string &metric,
                                            const std::vector<std::string> &chosenSets = {},
                                            std::string *why = nullptr);

} // namespace cs
