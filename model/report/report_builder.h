// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"
#include "analysis/run_analysis.h"
#include "report/document.h"
#include "report/report_words.h"
#include "results/result_types.h"

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

/// Long table of chosen metrics for every checkpoint of every run (the `table` command).
Table metricTable(const AnalysedResults &results, const std::vector<std::string> &metrics);

/// What the recommendation for a run says, as parts (so each interface words it in its
/// language); every text part is already formatted.
struct Recommendation
{
    bool hasValues = false;               ///< false: the criterion has no values to choose from
    std::string run;                      ///< the run's display name
    std::string keep;                     ///< checkpoint to keep (the criterion's peak)
    std::string epoch;                    ///< its epoch ("" when unknown)
    std::string metric;                   ///< the criterion's label
    std::string value;                    ///< its value at the peak
    std::string interval;                 ///< "[0.641, 0.679]" or ""
    Verdict verdict = Verdict::NoDecline; ///< what happened after the peak
    bool peakIsLast = false;              ///< the peak is the last evaluation
    std::string decline;                  ///< size of the decline ("1.37"), without sign
    bool points = false;                  ///< the decline is in percentage points
    std::string byEpoch;                  ///< epoch of the last evaluation ("" when unknown)
    std::string byCheckpoint;             ///< name of the last evaluation
    std::string p;                        ///< p-value of the decline test
    std::string why;                      ///< why the decline cannot be tested
    std::size_t withinNoise = 0;          ///< other checkpoints within noise of the peak
    std::size_t others = 0;               ///< other checkpoints with a value
};

/// The parts of the recommendation for a run.
Recommendation recommend(const Run &run, const RunAnalysis &analysis,
                         const AnalysisSettings &settings);

/// The one-sentence recommendation for a run ("…: keep checkpoint-390 …").
std::string recommendation(const Run &run, const RunAnalysis &analysis,
                           const AnalysisSettings &settings,
                           ReportLanguage language = ReportLanguage::English);

/// Appends the comparison, overfitting, early-stopping, score-check and problem sections.
void comparisonSections(Document &doc, const AnalysedResults &results);

/// Display name of a metric ("score" -> "Score").
std::string metricLabel(const std::string &metric);
/// The same in a report's language ("score" -> "종합 점수" in Korean).
std::string metricLabel(const std::string &metric, ReportLanguage language);

} // namespace cs
