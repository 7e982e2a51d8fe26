// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cs {

/// Path pieces of a file: its folders, then the "__"-separated parts of its name
/// before the last one (files saved as "owner__repo__run__trainer_state.json").
std::vector<std::string> pathComponents(const std::string &filePath);

/// Pieces of a checkpoint path as a file names it ("runs/mlm_v2_scratch_1536/checkpoint-65").
std::vector<std::string> checkpointPathComponents(const std::string &checkpointPath);

/// The run name among path pieces: the last piece that is not generic
/// ("checkpoint-N", "runs", "output", "evaluation_results_…"); "" when none.
std::string runNameFromComponents(const std::vector<std::string> &components);

/// Sequence length written in a name ("mlm_v2_scratch_1536" -> 1536): a separated number
/// between 64 and 65536 that is a multiple of 64.
std::optional<int> seqLenFromName(const std::string &name);

/// Experiment of a run: its name without the sequence length and a trailing timestamp.
std::string experimentFromRunName(const std::string &name, std::optional<int> seqLen);

/// True for checkpoint names like "checkpoint-390" or "checkpoint_390" as files write them.
bool isCheckpointName(const std::string &name);

/// The checkpoint folders of a run folder as the Trainer writes them ("checkpoint-" and the
/// step), ordered by step: the one rule for which folders evaluation and probe take. Throws
/// std::runtime_error when the folder cannot be read.
std::vector<std::string> discoverCheckpoints(const std::string &runDir);

/// The path piece that names a training step: "checkpoint-390", Megatron's "iter_0500000",
/// DeepSpeed's "global_step1200", "step_500", when it is the last piece or followed only by
/// the layout a converter saves in ("mp_rank_00/hf", "hf_model"); nullopt otherwise.
std::optional<std::size_t> stepPiece(const std::vector<std::string> &components);

} // namespace cs
