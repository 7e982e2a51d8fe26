// SPDX-License-Identifier: MIT
#pragma once

#include "results/file_import.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cs {

class MetricAliases;

/// Collects one file's records and problems for the importers.
class ImportSink
{
  public:
    /// Writes into out; aliases map metric names.
    ImportSink(FileImport &out, const MetricAliases &aliases) : m_out(out), m_aliases(aliases) {}

    /// Records a problem at a place in the file.
    void problem(Severity severity, const std::string &location, const std::string &message,
                 ProblemCode code = ProblemCode::Other);
    /// Adds a metric from a JSON value; warns (and skips) on a wrong type or a non-finite value.
    /// Returns the canonical id, or "" when skipped.
    std::string metric(Checkpoint &cp, const std::string &key, const nlohmann::json &value,
                       const std::string &location, std::optional<std::int64_t> n = {});
    /// Adds a metric from a number.
    std::string metric(Checkpoint &cp, const std::string &key, double value,
                       const std::string &location, std::optional<std::int64_t> n = {});
    /// Canonical id of a metric name.
    std::string canonical(const std::string &key) const;
    /// The file being imported.
    FileImport &out() { return m_out; }

  private:
    FileImport &m_out;
    const MetricAliases &m_aliases;
};

/// How a record's example counts are found.
/// LAMBADA examples the first user's evaluator takes unless its lambada_limit says otherwise.
constexpr std::int64_t kDefaultLambadaLimit = 600;

struct RecordRules
{
    bool seedEvaluator = false;           ///< coref_samples is the n of the Real metrics
    std::optional<std::int64_t> lambadaN; ///< n of LAMBADA@1 when the record has none
};

/// Parses a flat record {checkpoint|name, step|global_step, epoch, seq_len, run, metrics…}.
/// Keys that are not metrics (times, counts, paths) are left out.
ImportedRecord parseRecord(const nlohmann::json &obj, const std::string &location, ImportSink &sink,
                           const RecordRules &rules);

/// A sequence length: an integer in 1 … 2^24.
std::optional<int> seqLenValue(const nlohmann::json &j);
/// A number of examples: a positive integer.
std::optional<std::int64_t> countValue(const nlohmann::json &j);
/// A finite number.
std::optional<double> finiteNumber(const nlohmann::json &j);

/// True for keys that describe a record rather than measure it.
bool isNonMetricKey(const std::string &key);

/// True for the Trainer's evaluation metrics: eval_* keys (not runtimes or counts), perplexity.
bool isEvalMetricKey(const std::string &key);

/// Undoes the Hugging Face TensorBoard/W&B callbacks' renaming: "eval/loss" -> "eval_loss",
/// "test/x" -> "test_x", "train/loss" -> "loss"; other names are returned unchanged.
std::string hfMetricName(const std::string &tag);

/// Fills step from the checkpoint name and name from the step, when one is missing.
void completeCheckpointIdentity(Checkpoint &cp);

/// "results[3]" style location.
std::string indexLocation(const std::string &base, std::size_t index);

} // namespace cs
