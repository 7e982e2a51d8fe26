// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace cs {

/// What joining shard outputs did.
struct ShardMergeReport
{
    int copied = 0;                    ///< checkpoints written to the output
    int identical = 0;                 ///< checkpoints found in several shards with equal results
    std::vector<std::string> problems; ///< "file: reason", for everything refused
};

/// Joins the output folders of `clozescope-cli eval --shard i/n` runs into one folder laid out
/// like an unsharded run (<run>/<checkpoint>.results.json + examples). Every results file must
/// use the same datasets (SHA-256, n) and settings as the others of its run; a checkpoint
/// present twice must carry equal metrics. Files are written atomically; nothing is deleted.
ShardMergeReport mergeShardResults(const std::vector<std::string> &shardDirs,
                                   const std::string &outDir);

} // namespace cs
