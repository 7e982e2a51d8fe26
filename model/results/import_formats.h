// SPDX-License-Identifier: MIT
#pragma once

#include "results/csv_reader.h"
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

/// lm-evaluation-harness results (v0.3 / v0.4); path locates samples_<task>_*.jsonl beside it.
void importLmEval(const nlohmann::json &doc, const std::string &path, ImportSink &sink);
/// TensorBoard event file bytes (TFRecord framing, Event protobufs).
void importTensorBoardEvents(const std::string &bytes, ImportSink &sink);

/// True for TensorBoard's "download CSV" header (Wall time,Step,Value).
bool isTensorBoardCsvHeader(const std::vector<std::string> &header);
/// True for a W&B runs-table or sweep export header (Name with State or _wandb).
bool isWandbRunsHeader(const std::vector<std::string> &header);
/// True for a W&B line-plot export header (x, then "<run> - <metric>" columns).
bool isWandbPlotHeader(const std::vector<std::string> &header);
/// TensorBoard "download CSV" (Wall time,Step,Value); the tag comes from the file name.
void importTensorBoardCsv(const CsvTable &table, const std::string &fileName, ImportSink &sink);
/// W&B line-plot export: x column, then "<run> - <metric>" columns (with __MIN/__MAX).
void importWandbPlotCsv(const CsvTable &table, ImportSink &sink);
/// W&B runs-table export: one row per run, summary metrics as its final checkpoint.
void importWandbRunsCsv(const CsvTable &table, ImportSink &sink);

/// True when a JSON document is lm-evaluation-harness output.
bool looksLikeLmEval(const nlohmann::json &doc);
/// True when an object looks like one evaluation record of the first user's evaluator.
bool looksLikeSeedRecord(const nlohmann::json &obj);
/// True when a CSV header row names a checkpoint or step column.
bool csvHasRecordColumns(const std::string &text);

} // namespace cs
