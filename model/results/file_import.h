// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

class MetricAliases;

/// The kinds of file ClozeScope recognises; each has one entry in the importer registry.
enum class FileKind {
    Unknown,
    ClozeScopeResults, ///< ClozeScope's own results format
    Workspace,         ///< clozescope.workspace.json
    TrainerState,      ///< Hugging Face trainer_state.json
    TrainerResults,    ///< Hugging Face all_results.json / eval_results.json
    SeedCheckpoint,    ///< first user's checkpoint-N_eval_results.json
    SeedSummary,       ///< first user's real_coref_results*.json / reevaluation_results*.json
    SeedCsv,           ///< the CSVs beside those, and other CSVs of records
    SeedJsonl,         ///< half_epoch_eval.jsonl and similar record-per-line logs
    SeedFinal,         ///< fine-tuning final_results.json
    LooseJson,         ///< hand-written JSON shapes
    LmEval,            ///< lm-evaluation-harness results
    TensorBoardCsv,    ///< TensorBoard "download CSV"
    WandbCsv,          ///< W&B line-plot CSV export
    WandbRunsCsv,      ///< W&B runs-table CSV export
    TensorBoardEvents, ///< events.out.tfevents.* file
    ClozeSet,          ///< a cloze dataset (evaluation input): recognised, holds no results
};

/// Name of a kind for people (from the importer registry, results/importers.h).
const char *fileKindName(FileKind kind);

/// One checkpoint's results as one file gives them, with the run it belongs to.
struct ImportedRecord
{
    std::string runName;       ///< "" when the file does not say; filled from the path
    std::optional<int> seqLen; ///< when the file says
    std::string experiment;    ///< when the file says
    Checkpoint checkpoint;     ///< the checkpoint and its metrics
};

/// Run-level facts a file gives (trainer_state, own format, workspace).
struct RunFacts
{
    std::optional<double> stepsPerEpoch;          ///< steps per epoch
    std::string stepsPerEpochSource;              ///< where it came from
    std::optional<int> epochDecimals;             ///< rounding of derived epochs
    std::map<std::int64_t, double> trainerEpochs; ///< step -> epoch
    std::optional<std::int64_t> finalStep;        ///< global_step at the end
    std::optional<TrainerBest> trainerBest;       ///< the Trainer's best checkpoint
};

/// What one file contributed.
struct FileImport
{
    std::string path;                         ///< the file
    FileKind kind = FileKind::Unknown;        ///< what it was recognised as
    std::string defaultRunName;               ///< run name taken from the path
    std::vector<ImportedRecord> records;      ///< checkpoints found
    std::map<std::string, RunFacts> runFacts; ///< by run name ("" = the file's default run)
    std::vector<Problem> problems;            ///< problems found in this file
};

/// Imports one file: classifies it, parses it, reports problems. Never throws.
/// explicitFile: the user named this file (an unrecognised file is then an error).
FileImport importFile(const std::string &path, const MetricAliases &aliases, bool explicitFile);

} // namespace cs
