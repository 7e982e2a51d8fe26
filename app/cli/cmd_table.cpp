// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/report_builder.h"

#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

struct TableOptions
{
    ResultOptions results;
    AnalysisOptions analysis;
    std::vector<std::string> metrics;
    std::string format = "csv";
    std::string out;
};

int run(const TableOptions &o)
{
    ResultSet set;
    AnalysisSettings settings;
    if (int rc = loadAndConfigure(o.results, o.analysis, set, settings, std::cerr); rc != Ok)
        return rc;
    TableFormat format;
    parseTableFormat(o.format, format);
    const AnalysedResults analysed = analyseAll(set, settings);
    std::vector<std::string> metrics;
    for (const auto &m : o.metrics) // "Score" in any case, as --criterion takes it
        metrics.push_back(metricId(m));
    const bool forPeople = format == TableFormat::Markdown || format == TableFormat::Latex;
    const Table table = metricTable(
        analysed, metrics, forPeople ? MetricTableLayout::Compact : MetricTableLayout::Data);
    if (table.rows.empty() && !set.runs.empty()) {
        std::cerr << "error: no checkpoint has ";
        for (std::size_t i = 0; i < metrics.size(); ++i)
            std::cerr << (i ? ", " : "") << metrics[i];
        std::cerr << "\n";
        return InputProblems;
    }
    if (int rc = writeOutput(renderTable(table, format), o.out, std::cerr); rc != Ok) return rc;
    return statusOf(set);
}

} // namespace

Action addTable(CLI::App &app)
{
    auto o = std::make_shared<TableOptions>();
    auto *sub = app.add_subcommand("table", "Export a metric of every checkpoint as a table");
    addResultOptions(sub, o->results);
    addAnalysisOptions(sub, o->analysis);
    sub->add_option("-m,--metric", o->metrics,
                    "Metric(s) to export (Real@1, score, eval_loss…); repeatable")
        ->required()
        ->delimiter(',');
    sub->add_option("-f,--format", o->format, "csv, md, latex or json (default csv)")
        ->check(CLI::IsMember({"csv", "md", "markdown", "latex", "tex", "json"}));
    sub->add_option("-o,--out", o->out, "Output file (default: standard output)");
    return [o] { return run(*o); };
}

} // namespace cs::cli
