// SPDX-License-Identifier: MIT
#include "cli_options.h"

#include "formats/aliases_format.h"
#include "results/result_loader.h"
#include "util/atomic_file.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

namespace cs::cli {
namespace {

bool splitPair(const std::string &s, std::string &key, double &value)
{
    const auto eq = s.rfind('=');
    if (eq == std::string::npos || eq == 0) return false;
    key = s.substr(0, eq);
    char *end = nullptr;
    value = std::strtod(s.c_str() + eq + 1, &end);
    return end && *end == '\0' && eq + 1 < s.size() && std::isfinite(value);
}

} // namespace

std::string metricId(const std::string &typed)
{
    std::string lower = typed;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (typed.empty() || lower == metric::Score) return lower;
    return defaultAliases().canonical(typed);
}

void addResultOptions(CLI::App *app, ResultOptions &o)
{
    app->add_option("paths", o.paths, "Result files or folders (searched recursively)")->required();
    app->add_option("--steps-per-epoch", o.stepsPerEpoch,
                    "Steps per epoch of a run, RUN=N (run folder name); repeatable");
    app->add_option("--aliases", o.aliasesFile,
                    "JSON file of extra metric aliases {\"aliases\": {name: metric}}");
    app->add_option("--epoch-decimals", o.epochDecimals,
                    "Rounding of epochs derived from steps (default 1)")
        ->check(CLI::Range(0, 6));
    app->add_flag("-q,--quiet", o.quiet, "Do not list import problems on stderr");
}

void addAnalysisOptions(CLI::App *app, AnalysisOptions &o)
{
    app->add_option("--weights", o.weights,
                    "Composite score weights, METRIC=W; repeatable (default Real@1=0.4 Real@5=0.3 "
                    "LAMBADA@1=0.3)");
    app->add_option("--alpha", o.alpha, "Significance level (default 0.05)")
        ->check(CLI::Range(1e-9, 0.5));
    app->add_option("--criterion", o.criterion,
                    "Metric that chooses the checkpoint (default Real@1, else score)");
    app->add_option("--patience", o.patience, "Early-stopping patience (default 3)")
        ->check(CLI::Range(1, 1000));
    app->add_option("--threshold", o.threshold, "Early-stopping threshold (default 0)")
        ->check(CLI::NonNegativeNumber);
    app->add_option("--early-stop-metric", o.earlyStopMetric,
                    "Metric early stopping watches (default: the criterion)");
}

std::string loadAliasTable(const ResultOptions &o, MetricAliases &aliases)
{
    if (std::string e = loadUserAliases(aliases); !e.empty()) return e;
    return o.aliasesFile.empty() ? std::string() : readAliasesFile(o.aliasesFile, aliases);
}

int loadResults(const ResultOptions &o, ResultSet &out, std::ostream &err)
{
    LoadOptions lo;
    if (o.epochDecimals >= 0) lo.epochDecimals = o.epochDecimals;
    if (const std::string e = loadAliasTable(o, defaultAliases()); !e.empty()) {
        err << "error: metric aliases " << e << "\n";
        return Usage;
    }
    lo.aliases = &defaultAliases();
    for (const auto &s : o.stepsPerEpoch) {
        std::string run;
        double v = 0;
        if (!splitPair(s, run, v) || v <= 0) {
            err << "error: --steps-per-epoch expects RUN=N with N > 0, got \"" << s << "\"\n";
            return Usage;
        }
        lo.stepsPerEpoch[run] = v;
    }
    out = cs::loadResults(o.paths, lo);
    if (!o.quiet) printProblems(out, err);
    return Ok;
}

int makeSettings(const AnalysisOptions &o, AnalysisSettings &out, std::ostream &err)
{
    out = AnalysisSettings{};
    if (!o.weights.empty()) {
        out.weights.clear();
        for (const auto &s : o.weights) {
            std::string m;
            double w = 0;
            if (!splitPair(s, m, w)) {
                err << "error: --weights expects METRIC=W, got \"" << s << "\"\n";
                return Usage;
            }
            out.weights[defaultAliases().canonical(m)] = w;
        }
    }
    out.alpha = o.alpha;
    out.criterion = metricId(o.criterion);
    out.earlyStop.patience = o.patience;
    out.earlyStop.threshold = o.threshold;
    out.earlyStop.metric = metricId(o.earlyStopMetric);
    return Ok;
}

namespace {

/// Usage error when a metric the user named is in none of the runs.
int checkMetricExists(const std::string &option, const std::string &metric, const ResultSet &set,
                      std::ostream &err)
{
    if (metric.empty() || metric == metric::Score) return Ok;
    std::set<std::string> known;
    for (const Run &run : set.runs)
        for (const auto &cp : run.checkpoints)
            for (const auto &[id, mv] : cp.metrics)
                known.insert(id);
    if (known.count(metric) || set.runs.empty()) return Ok;
    err << "error: " << option << " " << metric << ": no run has this metric; available: score";
    for (const auto &id : known)
        err << ", " << id;
    err << "\n";
    return Usage;
}

} // namespace

int loadAndConfigure(const ResultOptions &r, const AnalysisOptions &a, ResultSet &set,
                     AnalysisSettings &settings, std::ostream &err)
{
    if (int rc = loadResults(r, set, err); rc != Ok) // loads user aliases that settings use
        return rc;
    if (int rc = makeSettings(a, settings, err); rc != Ok) return rc;
    if (int rc = checkMetricExists("--criterion", settings.criterion, set, err); rc != Ok)
        return rc;
    return checkMetricExists("--early-stop-metric", settings.earlyStop.metric, set, err);
}

void printProblems(const ResultSet &set, std::ostream &err)
{
    for (const auto &p : set.problems)
        err << problemLine(p) << "\n";
}

int statusOf(const ResultSet &set)
{
    return set.runs.empty() || set.hasInputProblems() ? InputProblems : Ok;
}

int writeOutput(const std::string &text, const std::string &path, std::ostream &err)
{
    if (path.empty() || path == "-") {
        std::cout << text;
        return Ok;
    }
    const std::string e = writeFileAtomically(path, text);
    if (!e.empty()) {
        err << "error: " << e << "\n";
        return InputProblems;
    }
    err << "wrote " << path << "\n";
    return Ok;
}

} // namespace cs::cli
