// SPDX-License-Identifier: MIT
#pragma once

#include "results/import_common.h"

#include <nlohmann/json.hpp>

namespace cs {

/// checkpoint-N_eval_results.json of the first user's evaluator: one record.
void importSeedCheckpoint(const nlohmann::json &doc, ImportSink &sink);
/// real_coref_results*.json / reevaluation_results*.json: {"results": [records], lambada_limit}.
void importSeedSummary(const nlohmann::json &doc, ImportSink &sink);
/// final_results.json of the fine-tuning scripts: the run's final evaluation.
void importSeedFinal(const nlohmann::json &doc, ImportSink &sink);
/// Hugging Face trainer_state.json: eval entries of log_history, epochs, best checkpoint.
void importTrainerState(const nlohmann::json &doc, ImportSink &sink);
/// Hugging Face all_results.json / eval_results.json: the final evaluation.
void importTrainerResults(const nlohmann::json &doc, ImportSink &sink);
/// ClozeScope's own results format (docs/formats.md).
void importClozeScope(const nlohmann::json &doc, const std::string &dir, ImportSink &sink);
/// Loose hand-written shapes: {ckpt: {metric: v}}, [records], {run: …}.
void importLooseJson(const nlohmann::json &doc, ImportSink &sink);
/// Record-per-line JSON (half_epoch_eval.jsonl and the like).
void importJsonLines(const std::string &text, ImportSink &sink);
/// CSV with a checkpoint or step column and metric columns; seedEvaluatorCsv: the first
/// user's evaluator wrote it (LAMBADA@1 is then over 600 examples).
void importRecordCsv(const std::string &text, ImportSink &sink, bool seedEvaluatorCsv);
/// clozescope.workspace.json: steps per epoch and epoch rounding the user chose, per run.
void importWorkspace(const nlohmann::json &doc, ImportSink &sink);

/// True when an object looks like one evaluation record of the first user's evaluator.
bool looksLikeSeedRecord(const nlohmann::json &obj);
/// True when a CSV header row names a checkpoint or step column.
bool csvHasRecordColumns(const std::string &text);

} // namespace cs
