// SPDX-License-Identifier: MIT
#include "results/result_loader.h"
#include "results/run_naming.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace cs {
namespace {

/// Values that agree within the rounding of a 4-decimal CSV are the same value.
constexpr double kSameValue = 5e-5 + 1e-12;

std::string checkpointKey(const Checkpoint &cp)
{
    return cp.step ? "s:" + std::to_string(*cp.step) : "n:" + cp.name;
}

std::string formatValue(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void mergeCheckpoint(Checkpoint &into, Checkpoint &&from, const std::string &runKey,
                     std::vector<Problem> &problems)
{
    for (auto &[id, mv] : from.metrics) {
        auto it = into.metrics.find(id);
        if (it == into.metrics.end()) {
            into.metrics[id] = std::move(mv);
            continue;
        }
        MetricValue &old = it->second;
        if (std::fabs(old.value - mv.value) > kSameValue) {
            problems.push_back({Severity::Warning, mv.source, "",
                                runKey + " " + into.name + ": " + id + " = " +
                                    formatValue(mv.value) + " conflicts with " +
                                    formatValue(old.value) + " from " + old.source +
                                    "; kept the first"});
            continue;
        }
        if (!old.n && mv.n) old.n = mv.n;
        if (old.n && mv.n && *old.n != *mv.n)
            problems.push_back({Severity::Warning, mv.source, "",
                                runKey + " " + into.name + ": " + id +
                                    " over n = " + std::to_string(*mv.n) +
                                    " here but n = " + std::to_string(*old.n) + " in " +
                                    old.source + "; kept the first"});
        if (old.examples.empty() && !mv.examples.empty()) old.examples = std::move(mv.examples);
    }
    for (auto &fs : from.fileScores)
        into.fileScores.push_back(std::move(fs));
    if (!into.epoch && from.epoch) {
        into.epoch = from.epoch;
        into.epochSource = from.epochSource;
    }
    if (into.path.empty()) into.path = from.path;
    if (into.name.empty() || into.name == "final")
        into.name = from.name.empty() ? into.name : from.name;
    for (auto &s : from.sources)
        if (std::find(into.sources.begin(), into.sources.end(), s) == into.sources.end())
            into.sources.push_back(s);
}

/// Evaluation order, a total order: checkpoints with a step by step, then those without (a
/// Trainer entry logged by epoch only, "final") by epoch, then by name.
bool checkpointOrder(const Checkpoint &a, const Checkpoint &b)
{
    const auto key = [](const Checkpoint &c) {
        return std::make_tuple(!c.step.has_value(), c.step.value_or(0), !c.epoch.has_value(),
                               c.epoch.value_or(0.0), c.name);
    };
    return key(a) < key(b);
}

/// How much a source of steps per epoch counts: the user over the workspace over files.
int sourceRank(const std::string &source)
{
    return source == "user" ? 3 : source == "workspace" ? 2 : source.empty() ? 0 : 1;
}

/// Takes b's steps per epoch into a unless a's comes from a weightier source.
void takeStepsPerEpoch(std::optional<double> &spe, std::string &source,
                       const std::optional<double> &newSpe, const std::string &newSource)
{
    if (newSpe && sourceRank(newSource) >= sourceRank(source)) {
        spe = newSpe;
        source = newSource;
    }
}

double roundTo(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

struct RunBuilder
{
    Run run;
    std::map<std::string, std::size_t> index; // checkpoint key -> position
};

void applyFacts(Run &run, const RunFacts &f, int &decimals)
{
    takeStepsPerEpoch(run.stepsPerEpoch, run.stepsPerEpochSource, f.stepsPerEpoch,
                      f.stepsPerEpochSource);
    run.trainerEpochs.insert(f.trainerEpochs.begin(), f.trainerEpochs.end());
    if (f.trainerBest) run.trainerBest = f.trainerBest;
    if (f.epochDecimals) decimals = *f.epochDecimals;
}

void assignEpochs(Run &run, int decimals, std::vector<Problem> &problems)
{
    std::size_t missing = 0;
    for (auto &cp : run.checkpoints) {
        if (cp.epoch || !cp.step) continue;
        if (auto it = run.trainerEpochs.find(*cp.step); it != run.trainerEpochs.end()) {
            cp.epoch = it->second;
            cp.epochSource = EpochSource::TrainerState;
        } else if (run.stepsPerEpoch) {
            cp.epoch = roundTo(static_cast<double>(*cp.step) / *run.stepsPerEpoch, decimals);
            cp.epochSource = EpochSource::StepsPerEpoch;
        } else {
            ++missing;
        }
    }
    if (missing)
        problems.push_back({Severity::Info, run.sources.empty() ? "" : run.sources.front(), "",
                            run.key() + ": epochs unknown for " + std::to_string(missing) +
                                " checkpoint(s); give the run's steps per epoch (workbench: "
                                "double-click its steps per epoch; command line: "
                                "--steps-per-epoch " +
                                run.name + "=N) or put its trainer_state.json beside the results",
                            ProblemCode::EpochUnknown});
}

} // namespace

ResultSet buildResultSet(std::vector<FileImport> imports, const LoadOptions &options)
{
    ResultSet set;
    std::map<std::string, RunFacts> facts; // by run name
    for (auto &imp : imports) {
        for (auto &p : imp.problems)
            set.problems.push_back(std::move(p));
        for (auto &[name, f] : imp.runFacts) {
            const std::string runName = name.empty() ? imp.defaultRunName : name;
            RunFacts &into = facts[runName];
            into.trainerEpochs.insert(f.trainerEpochs.begin(), f.trainerEpochs.end());
            takeStepsPerEpoch(into.stepsPerEpoch, into.stepsPerEpochSource, f.stepsPerEpoch,
                              f.stepsPerEpochSource);
            // Every checkpoint-N/ holds a trainer_state.json; the latest one knows most.
            const bool latest = !into.finalStep || (f.finalStep && *f.finalStep >= *into.finalStep);
            if (latest && f.trainerBest) into.trainerBest = f.trainerBest;
            if (latest && f.finalStep) into.finalStep = f.finalStep;
            if (f.epochDecimals) into.epochDecimals = f.epochDecimals;
        }
        if (imp.kind != FileKind::Unknown)
            set.files.push_back({imp.path, fileKindName(imp.kind), imp.records.size()});
    }
    for (const auto &[name, spe] : options.stepsPerEpoch) {
        facts[name].stepsPerEpoch = spe;
        facts[name].stepsPerEpochSource = "user";
    }

    std::map<std::string, RunBuilder> runs;
    for (auto &imp : imports) {
        for (auto &rec : imp.records) {
            std::string name = rec.runName.empty() ? imp.defaultRunName : rec.runName;
            if (name.empty()) name = "results";
            const std::optional<int> seqLen = rec.seqLen ? rec.seqLen : seqLenFromName(name);
            Run probe;
            probe.name = name;
            probe.seqLen = seqLen;
            RunBuilder &b = runs[probe.key()];
            if (b.run.name.empty()) {
                b.run.name = name;
                b.run.seqLen = seqLen;
                b.run.experiment =
                    rec.experiment.empty() ? experimentFromRunName(name, seqLen) : rec.experiment;
            }
            if (std::find(b.run.sources.begin(), b.run.sources.end(), imp.path) ==
                b.run.sources.end())
                b.run.sources.push_back(imp.path);
            Checkpoint &cp = rec.checkpoint;
            if (!cp.step && cp.name == "final")
                if (auto f = facts.find(name); f != facts.end() && f->second.finalStep) {
                    cp.step = f->second.finalStep;
                    cp.name = "checkpoint-" + std::to_string(*cp.step);
                }
            const std::string key = checkpointKey(cp);
            if (auto it = b.index.find(key); it != b.index.end()) {
                mergeCheckpoint(b.run.checkpoints[it->second], std::move(cp), probe.key(),
                                set.problems);
            } else {
                b.index[key] = b.run.checkpoints.size();
                b.run.checkpoints.push_back(std::move(cp));
            }
        }
    }
    for (auto &[key, b] : runs) {
        Run &run = b.run;
        int decimals = options.epochDecimals.value_or(1);
        for (const std::string &k : {run.name, run.key()})
            if (auto f = facts.find(k); f != facts.end()) applyFacts(run, f->second, decimals);
        if (options.epochDecimals)
            decimals = *options.epochDecimals; // the command line wins over the workspace
        assignEpochs(run, decimals, set.problems);
        std::stable_sort(run.checkpoints.begin(), run.checkpoints.end(), checkpointOrder);
        set.runs.push_back(std::move(run));
    }
    std::sort(set.runs.begin(), set.runs.end(), [](const Run &a, const Run &b) {
        if (a.experiment != b.experiment) return a.experiment < b.experiment;
        if (a.seqLen != b.seqLen) return a.seqLen.value_or(0) < b.seqLen.value_or(0);
        return a.name < b.name;
    });
    return set;
}

} // namespace cs
