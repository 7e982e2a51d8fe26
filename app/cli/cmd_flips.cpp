// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/format.h"
#include "report/report_builder.h"
#include "results/flip_examples.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

struct FlipsOptions
{
    ResultOptions results;
    std::string from;
    std::string to;
    std::string run;
    std::vector<std::string> metrics;
    std::vector<std::string> sets;
    std::string format = "md";
    bool lostOnly = false;
    std::string out;
};

/// Index of the checkpoint named name (or whose path ends in it) in run, or -1.
int findCheckpoint(const Run &run, const std::string &name)
{
    for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
        const Checkpoint &cp = run.checkpoints[i];
        const auto slash = cp.path.find_last_of('/');
        if (cp.name == name || cp.path == name ||
            (slash != std::string::npos && cp.path.substr(slash + 1) == name))
            return int(i);
    }
    return -1;
}

/// The run that holds both checkpoints (and matches --run); nullptr after saying why.
const Run *chooseRun(const ResultSet &set, const FlipsOptions &o)
{
    std::vector<const Run *> found;
    for (const Run &r : set.runs) {
        if (!o.run.empty() && o.run != r.name && o.run != r.key() && o.run != r.displayName())
            continue;
        if (findCheckpoint(r, o.from) >= 0 && findCheckpoint(r, o.to) >= 0) found.push_back(&r);
    }
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        std::cerr << "error: no run" << (o.run.empty() ? "" : " named " + o.run) << " has both "
                  << o.from << " and " << o.to << "\n";
    } else {
        std::cerr << "error: several runs have " << o.from << " and " << o.to
                  << "; choose one with --run:";
        for (const Run *r : found)
            std::cerr << " " << r->key();
        std::cerr << "\n";
    }
    return nullptr;
}

nlohmann::json flipsJson(const DescribedFlips &d)
{
    nlohmann::json examples = nlohmann::json::array();
    for (const FlippedExample &e : d.examples)
        examples.push_back({{"change", e.lost ? "lost" : "gained"},
                            {"set", e.dataset},
                            {"id", e.id},
                            {"rank_from", e.rankFrom ? nlohmann::json(*e.rankFrom) : nullptr},
                            {"rank_to", e.rankTo ? nlohmann::json(*e.rankTo) : nullptr},
                            {"answers", e.answers},
                            {"text", e.text}});
    return {{"metric", d.flips.metric},
            {"paired", d.flips.paired},
            {"lost", d.flips.lost.size()},
            {"gained", d.flips.gained.size()},
            {"both_right", d.flips.bothRight},
            {"mcnemar_p", d.flips.p},
            {"examples", examples}};
}

int run(const FlipsOptions &o)
{
    ResultSet set;
    if (int rc = loadResults(o.results, set, std::cerr); rc != Ok) return rc;
    const Run *run = chooseRun(set, o);
    if (!run) return InputProblems;
    const Checkpoint &from = run->checkpoints[std::size_t(findCheckpoint(*run, o.from))];
    const Checkpoint &to = run->checkpoints[std::size_t(findCheckpoint(*run, o.to))];
    std::vector<std::string> metrics;
    for (const auto &m : o.metrics)
        metrics.push_back(metricId(m));
    if (metrics.empty())
        for (const auto &[id, mv] : to.metrics)
            if (!mv.examples.empty()) metrics.push_back(id);
    metrics = MetricAliases::ordered(metrics);

    std::vector<DescribedFlips> all;
    for (const auto &m : metrics) {
        std::string why;
        if (auto d = describeFlips(from, to, m, o.sets, &why))
            all.push_back(std::move(*d));
        else
            std::cerr << "error: " << run->key() << ": " << m << " from " << from.name << " to "
                      << to.name << ": " << why << "\n";
    }
    if (all.empty()) {
        if (metrics.empty()) std::cerr << "error: " << to.name << " has no per-example records\n";
        return InputProblems;
    }

    std::string text;
    if (o.format == "json") {
        nlohmann::json j = {{"run", run->key()}, {"from", from.name}, {"to", to.name}};
        for (const auto &d : all)
            j["metrics"].push_back(flipsJson(d));
        text = j.dump(2) + "\n";
    } else {
        TableFormat format = TableFormat::Markdown;
        parseTableFormat(o.format, format);
        Table table;
        table.caption = run->displayName() + ": flips from " + from.name + " to " + to.name;
        for (const auto &d : all) {
            Table t = flipsTable(d, ReportLanguage::English, o.lostOnly);
            if (table.columns.empty()) {
                table.columns = t.columns;
                table.columns.insert(table.columns.begin(), "Metric");
            }
            for (auto &row : t.rows) {
                row.insert(row.begin(), Cell{d.flips.metric, false});
                table.rows.push_back(std::move(row));
            }
            table.notes.push_back(d.flips.metric + ": " + std::to_string(d.flips.lost.size()) +
                                  " right → wrong, " + std::to_string(d.flips.gained.size()) +
                                  " wrong → right of " + std::to_string(d.flips.paired) +
                                  " paired examples; McNemar exact " + fmt::pClause(d.flips.p));
            table.notes.insert(table.notes.end(), t.notes.begin(), t.notes.end());
        }
        text = renderTable(table, format);
    }
    if (int rc = writeOutput(text, o.out, std::cerr); rc != Ok) return rc;
    return all.size() == metrics.size() ? statusOf(set) : InputProblems;
}

} // namespace

Action addFlips(CLI::App &app)
{
    auto o = std::make_shared<FlipsOptions>();
    auto *sub = app.add_subcommand(
        "flips", "Examples that went right → wrong and wrong → right between two checkpoints");
    addResultOptions(sub, o->results);
    sub->add_option("--from", o->from, "Checkpoint before (name, e.g. checkpoint-390)")->required();
    sub->add_option("--to", o->to, "Checkpoint after")->required();
    sub->add_option("--run", o->run, "Run holding them, when several do");
    sub->add_option("-m,--metric", o->metrics,
                    "Metric(s) (default: every one with per-example records)")
        ->delimiter(',');
    sub->add_option("--sets", o->sets,
                    "Cloze set files to take the texts from when not beside the results");
    sub->add_flag("--lost-only", o->lostOnly, "Only right → wrong");
    sub->add_option("-f,--format", o->format, "md, csv or json (default md)")
        ->check(CLI::IsMember({"csv", "md", "markdown", "json"}));
    sub->add_option("-o,--out", o->out, "Output file (default: standard output)");
    return [o] { return run(*o); };
}

} // namespace cs::cli
