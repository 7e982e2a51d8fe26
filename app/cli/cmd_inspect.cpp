// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "report/format.h"
#include "results/metric_aliases.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <set>

namespace cs::cli {
namespace {

struct InspectOptions
{
    ResultOptions results;
    bool json = false;
};

const char *epochSourceName(EpochSource s)
{
    switch (s) {
    case EpochSource::None: return "none";
    case EpochSource::File: return "file";
    case EpochSource::TrainerState: return "trainer_state";
    case EpochSource::StepsPerEpoch: return "steps_per_epoch";
    }
    return "?";
}

nlohmann::json runJson(const Run &run)
{
    nlohmann::json cps = nlohmann::json::array();
    for (const auto &cp : run.checkpoints) {
        nlohmann::json metrics = nlohmann::json::object();
        for (const auto &[id, mv] : cp.metrics) {
            nlohmann::json m = {{"value", mv.value}};
            if (mv.n) m["n"] = *mv.n;
            if (!mv.dataset.empty()) m["dataset"] = mv.dataset;
            if (!mv.examples.empty()) m["examples"] = mv.examples.size();
            metrics[id] = m;
        }
        nlohmann::json j = {{"name", cp.name},
                            {"metrics", metrics},
                            {"epoch_source", epochSourceName(cp.epochSource)}};
        j["step"] = cp.step ? nlohmann::json(*cp.step) : nlohmann::json();
        j["epoch"] = cp.epoch ? nlohmann::json(*cp.epoch) : nlohmann::json();
        if (!cp.fileScores.empty()) {
            nlohmann::json scores = nlohmann::json::array();
            for (const auto &fs : cp.fileScores)
                scores.push_back({{"value", fs.value}, {"basis", fs.basis}, {"source", fs.source}});
            j["file_scores"] = scores;
        }
        j["sources"] = cp.sources;
        cps.push_back(j);
    }
    nlohmann::json j = {{"key", run.key()},
                        {"name", run.name},
                        {"experiment", run.experiment},
                        {"checkpoints", cps},
                        {"sources", run.sources}};
    j["seq_len"] = run.seqLen ? nlohmann::json(*run.seqLen) : nlohmann::json();
    j["steps_per_epoch"] =
        run.stepsPerEpoch ? nlohmann::json(*run.stepsPerEpoch) : nlohmann::json();
    if (run.stepsPerEpoch) j["steps_per_epoch_source"] = run.stepsPerEpochSource;
    if (run.trainerBest)
        j["trainer_best"] = {{"checkpoint", run.trainerBest->checkpoint},
                             {"metric", run.trainerBest->metric}};
    return j;
}

nlohmann::json setJson(const ResultSet &set)
{
    nlohmann::json runs = nlohmann::json::array(), files = nlohmann::json::array(),
                   problems = nlohmann::json::array();
    for (const auto &run : set.runs)
        runs.push_back(runJson(run));
    for (const auto &f : set.files)
        files.push_back({{"path", f.path}, {"kind", f.kind}, {"records", f.records}});
    for (const auto &p : set.problems)
        problems.push_back({{"severity", severityName(p.severity)},
                            {"file", p.file},
                            {"location", p.location},
                            {"message", p.message}});
    return {{"runs", runs}, {"files", files}, {"problems", problems}};
}

void printRun(const Run &run, std::ostream &out)
{
    out << "  " << run.key() << "\n    experiment " << run.experiment;
    if (run.seqLen) out << ", sequence length " << *run.seqLen;
    out << ", " << run.checkpoints.size() << " checkpoints";
    if (!run.checkpoints.empty()) {
        const auto &a = run.checkpoints.front(), &b = run.checkpoints.back();
        out << " (" << a.name << " … " << b.name;
        if (a.epoch && b.epoch)
            out << ", epochs " << fmt::epoch(a.epoch) << "–" << fmt::epoch(b.epoch);
        out << ")";
    }
    out << "\n";
    if (run.stepsPerEpoch)
        out << "    steps per epoch " << fmt::number(*run.stepsPerEpoch) << " ("
            << run.stepsPerEpochSource << ")\n";
    std::map<std::string, std::set<std::int64_t>> ns;
    std::set<std::string> ids;
    for (const auto &cp : run.checkpoints)
        for (const auto &[id, mv] : cp.metrics) {
            ids.insert(id);
            if (mv.n) ns[id].insert(*mv.n);
        }
    out << "    metrics:";
    const auto ordered = MetricAliases::ordered({ids.begin(), ids.end()});
    constexpr std::size_t kShown = 12;
    for (std::size_t k = 0; k < ordered.size() && k < kShown; ++k) {
        const std::string &id = ordered[k];
        out << " " << id;
        if (ns.count(id)) {
            out << " (n ";
            bool first = true;
            for (auto n : ns[id]) {
                out << (first ? "" : "/") << n;
                first = false;
            }
            out << ")";
        }
        out << ";";
    }
    if (ordered.size() > kShown)
        out << " … and " << ordered.size() - kShown << " more (--json lists all)";
    out << "\n";
    if (run.trainerBest)
        out << "    Trainer's best checkpoint: " << run.trainerBest->checkpoint << " (best_metric "
            << fmt::number(run.trainerBest->metric) << ")\n";
}

int run(const InspectOptions &o)
{
    ResultSet set;
    std::ostringstream problems;
    if (int rc = loadResults(o.results, set, problems); rc != Ok) {
        std::cerr << problems.str();
        return rc;
    }
    if (o.json) {
        std::cout << setJson(set).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
        return statusOf(set);
    }
    std::map<std::string, int> kinds;
    for (const auto &f : set.files)
        ++kinds[f.kind];
    std::cout << "Files read: " << set.files.size() << "\n";
    for (const auto &[k, n] : kinds)
        std::cout << "  " << n << " × " << k << "\n";
    std::cout << "Runs: " << set.runs.size() << "\n";
    for (const auto &r : set.runs)
        printRun(r, std::cout);
    std::size_t counts[3] = {0, 0, 0};
    for (const auto &p : set.problems)
        ++counts[static_cast<int>(p.severity)];
    std::cout << "Problems: " << counts[2] << " errors, " << counts[1] << " warnings, " << counts[0]
              << " notes\n";
    if (!o.results.quiet) std::cout << problems.str();
    return statusOf(set);
}

} // namespace

Action addInspect(CLI::App &app)
{
    auto o = std::make_shared<InspectOptions>();
    auto *sub = app.add_subcommand(
        "inspect", "Show what files and folders contain: runs, checkpoints, metrics, problems");
    addResultOptions(sub, o->results);
    sub->add_flag("--json", o->json, "Machine-readable output");
    return [o] { return run(*o); };
}

} // namespace cs::cli
