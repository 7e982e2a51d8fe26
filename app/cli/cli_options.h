// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysis_settings.h"
#include "results/metric_aliases.h"
#include "results/result_types.h"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace cs::cli {

/// Exit statuses of clozescope-cli.
enum Exit { Ok = 0, InputProblems = 1, Usage = 2 };

/// Options every results command shares.
struct ResultOptions
{
    std::vector<std::string> paths;         ///< files or folders to open
    std::vector<std::string> stepsPerEpoch; ///< RUN=N pairs
    std::string aliasesFile;                ///< extra metric aliases (JSON)
    int epochDecimals = -1;                 ///< rounding of derived epochs; -1: workspace, else 1
    bool quiet = false;                     ///< no problem list on stderr
};

/// Options of the analysis.
struct AnalysisOptions
{
    std::vector<std::string> weights; ///< METRIC=W pairs replacing the default weights
    double alpha = 0.05;              ///< significance level
    std::string criterion;            ///< metric choosing the checkpoint
    int patience = 3;                 ///< early-stopping patience
    double threshold = 0.0;           ///< early-stopping threshold
    std::string earlyStopMetric;      ///< metric early stopping watches
};

/// Adds PATH… and the import options to a subcommand.
void addResultOptions(CLI::App *app, ResultOptions &o);
/// Adds the analysis options to a subcommand.
void addAnalysisOptions(CLI::App *app, AnalysisOptions &o);

/// Loads the results; problems go to err. Returns Usage on bad option values.
int loadResults(const ResultOptions &o, ResultSet &out, std::ostream &err);
/// Adds the user's alias file, then --aliases, to aliases; "" or "<file>: reason".
std::string loadAliasTable(const ResultOptions &o, MetricAliases &aliases);
/// Turns the analysis options into settings; Usage on bad values.
int makeSettings(const AnalysisOptions &o, AnalysisSettings &out, std::ostream &err);

/// Loads the results and makes the settings (the first two steps of report and table).
int loadAndConfigure(const ResultOptions &r, const AnalysisOptions &a, ResultSet &set,
                     AnalysisSettings &settings, std::ostream &err);

/// Prints problems as "severity: file: place: reason" lines.
void printProblems(const ResultSet &set, std::ostream &err);
/// Canonical id of a metric the user typed; "score" (any case) is the composite.
std::string metricId(const std::string &typed);

/// Exit status for a loaded set: InputProblems when there are warnings, errors or no runs.
int statusOf(const ResultSet &set);
/// Writes text to a file atomically, or to stdout when path is empty or "-".
int writeOutput(const std::string &text, const std::string &path, std::ostream &err);

} // namespace cs::cli
