// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/report_builder.h"

#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

struct ReportOptions
{
    ResultOptions results;
    AnalysisOptions analysis;
    std::string format = "md";
    std::string language = "en";
    std::string out;
};

int run(const ReportOptions &o)
{
    ResultSet set;
    AnalysisSettings settings;
    if (int rc = loadAndConfigure(o.results, o.analysis, set, settings, std::cerr); rc != Ok)
        return rc;
    AnalysedResults analysed = analyseAll(set, settings);
    parseReportLanguage(o.language, analysed.language); // checked by the option
    const Document doc = buildReport(analysed, o.results.paths);
    const std::string text = o.format == "html" ? renderHtml(doc) : renderMarkdown(doc);
    if (int rc = writeOutput(text, o.out, std::cerr); rc != Ok) return rc;
    return statusOf(set);
}

} // namespace

Action addReport(CLI::App &app)
{
    auto o = std::make_shared<ReportOptions>();
    auto *sub = app.add_subcommand("report", "Write the analysis report (Markdown or HTML)");
    addResultOptions(sub, o->results);
    addAnalysisOptions(sub, o->analysis);
    sub->add_option("--format", o->format, "md or html (default md)")
        ->check(CLI::IsMember({"md", "html"}));
    sub->add_option("--lang", o->language, "Language of the report: en or ko (default en)")
        ->check(CLI::IsMember({"en", "ko"}));
    sub->add_option("-o,--out", o->out, "Output file (default: standard output)");
    return [o] { return run(*o); };
}

} // namespace cs::cli
