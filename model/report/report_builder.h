// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"
#include "analysis/run_analysis.h"
#include "report/document.h"
#include "report/report_words.h"
#include "results/flip_examples.h"
#include "results/result_types.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// Runs and their analyses side by side.
struct AnalysedResults
{
    const ResultSet *set = nullptr;                    ///< the imported results
    AnalysisSettings settings;                         ///< settings used
    std::vector<RunAnalysis> analyses;                 ///< one per run, same order as set->runs
    ReportLanguage language = ReportLanguage::English; ///< of the report built from them
};

/// Analyses every run of a result set.
AnalysedResults analyseAll(const ResultSet &set, const AnalysisSettings &settings);

/// The full report: criteria, recommendation, tables, comparisons, overfitting, early
/// stopping, score check, problems. inputs: the paths the user opened.
Document buildReport(const AnalysedResults &results, const std::vector<std::string> &inputs);

/// Checkpoint table of one run: every metric, interval of the criterion, score, file score.
Table checkpointTable(const Run &run, const RunAnalysis &analysis, const AnalysisSettings &settings,
                      ReportLanguage language = ReportLanguage::English);

/// How a metric table gives intervals: columns for value, bounds and n (data: CSV, JSON), or
/// one "value [low, high]" column per metric, n in a note (papers: Markdown, LaTeX).
enum class MetricTableLayout { Data, Compact };

/// Long table of chosen metrics for every checkpoint of the runs shown (every run when showRun
/// is empty; the `table` command). Compact leaves out columns empty in every row.
Table metricTable(const AnalysedResults &results, const std::vector<std::string> &metrics,
                  MetricTableLayout layout = MetricTableLayout::Data,
                  const std::function<bool(std::size_t run)> &showRun = {});

/// When early stopping restores a checkpoint that ties on its metric with the one ClozeScope
/// keeps (a tie broken by the composite score), the words that say so, starting with a space
/// (" (checkpoint-390 ties with it on Real@1; … keeps checkpoint-390 …)"); "" otherwise.
std::string earlyStopTieNote(const Run &run, const RunAnalysis &analysis,
                             ReportLanguage language = ReportLanguage::English);

/// The one-sentence recommendation for a run ("…: keep checkpoint-390 …").
std::string recommendation(const Run &run, const RunAnalysis &analysis,
                           const AnalysisSettings &settings,
                           ReportLanguage language = ReportLanguage::English);

/// Appends the comparison, overfitting, early-stopping, score-check and problem sections.
void comparisonSections(Document &doc, const AnalysedResults &results);

/// The examples that flipped between two checkpoints (lostOnly: right → wrong only), with
/// their ranks before and after and their texts; notes say what could not be read.
Table flipsTable(const DescribedFlips &flips, ReportLanguage language = ReportLanguage::English,
                 bool lostOnly = false);

/// Display name of a metric ("score" -> "Score").
std::string metricLabel(const std::string &metric);
/// The same in a report's language ("score" -> "종합 점수" in Korean).
std::string metricLabel(const std::string &metric, ReportLanguage language);

} // namespace cs
