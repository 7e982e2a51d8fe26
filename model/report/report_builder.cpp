// SPDX-License-Identifier: MIT
#include "report/report_builder.h"

#include "analysis/comparisons.h"
#include "report/format.h"
#include "results/metric_aliases.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cs {
namespace {

std::string epochSourceText(const Run &run)
{
    std::set<EpochSource> sources;
    for (const auto &cp : run.checkpoints)
        sources.insert(cp.epochSource);
    std::vector<std::string> parts;
    for (auto s : sources) {
        switch (s) {
        case EpochSource::File: parts.push_back("as written in the results"); break;
        case EpochSource::TrainerState: parts.push_back("from trainer_state.json"); break;
        case EpochSource::StepsPerEpoch:
            parts.push_back("step / " + fmt::number(run.stepsPerEpoch.value_or(0)) +
                            " steps per epoch (" + run.stepsPerEpochSource + "), rounded");
            break;
        case EpochSource::None: parts.push_back("unknown for some checkpoints"); break;
        }
    }
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

void criteriaSection(Document &doc, const AnalysedResults &r)
{
    const auto &s = r.settings;
    std::string weights;
    for (const auto &[m, w] : s.weights)
        weights += (weights.empty() ? "" : " + ") + fmt::number(w) + "·" + m;
    const int pct = static_cast<int>(std::lround(s.confidence * 100));
    doc.heading(2, "Criteria");
    doc.bullets({
        "Composite score = " + weights +
            ", computed for every checkpoint that has all of these; a score "
            "a file carries itself is shown beside it and flagged when it differs by more than " +
            fmt::number(s.scoreTolerance) + ".",
        "Peak: the best value (higher is better; lower for losses and perplexities); ties go to "
        "the higher "
        "composite score, then the earlier checkpoint.",
        "Intervals: Wilson " + std::to_string(pct) +
            " % score intervals where the number of examples n is known; a normal interval from "
            "the standard error a file reports (lm-evaluation-harness) where only that is known; "
            "none is shown otherwise.",
        "Tests: exact McNemar on per-example records when both checkpoints have them; otherwise a "
        "pooled "
        "two-proportion z-test, which treats the two evaluations as independent (approximate). "
        "Significance "
        "level " +
            fmt::number(s.alpha) + ".",
        "Overfitting verdict: \"significant decline\" only when the last evaluation is "
        "significantly below the "
        "peak; otherwise \"within noise\" or \"no decline\". Checkpoints whose difference to the "
        "peak has "
        "p ≥ " +
            fmt::number(s.alpha) + " are \"within noise of the peak\".",
        "Early stopping as Hugging Face's EarlyStoppingCallback: patience " +
            std::to_string(s.earlyStop.patience) + ", threshold " +
            fmt::number(s.earlyStop.threshold) + ", on " +
            (s.earlyStop.metric.empty() ? std::string("each run's criterion")
                                        : s.earlyStop.metric) +
            ".",
        "The checkpoint to keep is chosen by " +
            (s.criterion.empty() ? std::string("Real@1 where present, else the composite score")
                                 : metricLabel(s.criterion)) +
            ".",
        "Differences are differences of the shown 4-decimal values, in percentage points for "
        "proportions.",
    });
}

void runsSection(Document &doc, const AnalysedResults &r)
{
    Table t;
    t.caption = "Runs";
    t.columns = {"Run", "Experiment", "Seq len", "Checkpoints", "n per metric", "Epochs"};
    for (const Run &run : r.set->runs) {
        std::map<std::string, std::set<std::int64_t>> ns;
        for (const auto &cp : run.checkpoints)
            for (const auto &[id, mv] : cp.metrics)
                if (mv.n) ns[id].insert(*mv.n);
        std::string nText;
        for (const auto &id : MetricAliases::ordered([&] {
                 std::vector<std::string> v;
                 for (const auto &[k, x] : ns)
                     v.push_back(k);
                 return v;
             }())) {
            std::string vals;
            for (auto n : ns[id])
                vals += (vals.empty() ? "" : "/") + std::to_string(n);
            nText += (nText.empty() ? "" : ", ") + id + " " + vals;
        }
        t.addRow({run.displayName(), run.experiment, run.seqLen ? std::to_string(*run.seqLen) : "",
                  std::to_string(run.checkpoints.size()), nText.empty() ? "unknown" : nText,
                  epochSourceText(run)});
    }
    doc.heading(2, "Runs");
    doc.table(t);
}

void bestSection(Document &doc, const AnalysedResults &r)
{
    Table t;
    t.caption = "Best checkpoint per criterion";
    t.columns = {"Run", "Criterion", "Checkpoint", "Epoch", "Value", "Interval"};
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        const RunAnalysis &ra = r.analyses[k];
        for (const auto &m : ra.metrics) {
            if (m.points.empty()) continue;
            const Checkpoint &cp = run.checkpoints[m.peak];
            const auto ci = metricInterval(cp, m.metric, r.settings.confidence);
            t.addRow({run.displayName(), "best " + metricLabel(m.metric), cp.name,
                      fmt::epoch(cp.epoch), fmt::value(*metricValue(run, &ra, m.peak, m.metric)),
                      ci ? fmt::interval(*ci) : ""});
        }
        if (ra.earlyStop) {
            const Checkpoint &cp = run.checkpoints[ra.earlyStop->restored];
            t.addRow(
                {run.displayName(),
                 "early stopping on " + metricLabel(ra.earlyStop->metric) + " restores", cp.name,
                 fmt::epoch(cp.epoch),
                 fmt::value(*metricValue(run, &ra, ra.earlyStop->restored, ra.earlyStop->metric)),
                 ""});
        }
        if (run.trainerBest)
            t.addRow({run.displayName(), "Trainer's best_model_checkpoint",
                      run.trainerBest->checkpoint, "", fmt::number(run.trainerBest->metric), ""});
    }
    doc.heading(2, "Best checkpoints");
    doc.table(t);
}

} // namespace

AnalysedResults analyseAll(const ResultSet &set, const AnalysisSettings &settings)
{
    AnalysedResults out;
    out.set = &set;
    out.settings = settings;
    for (const Run &run : set.runs)
        out.analyses.push_back(analyseRun(run, settings));
    return out;
}

Document buildReport(const AnalysedResults &r, const std::vector<std::string> &inputs)
{
    Document doc;
    doc.title = "ClozeScope report";
    std::string from;
    for (const auto &i : inputs)
        from += (from.empty() ? "" : ", ") + i;
    doc.paragraph("Results from " + from + ": " + std::to_string(r.set->runs.size()) + " runs in " +
                  std::to_string(r.set->files.size()) + " files.");
    doc.heading(2, "Recommendation");
    std::vector<std::string> recs;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k)
        recs.push_back(recommendation(r.set->runs[k], r.analyses[k], r.settings));
    doc.bullets(recs);
    criteriaSection(doc, r);
    runsSection(doc, r);
    doc.heading(2, "Checkpoints");
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        doc.heading(3, run.displayName());
        doc.paragraph("Experiment " + run.experiment + "; epochs " + epochSourceText(run) +
                      ". Best values in bold.");
        doc.table(checkpointTable(run, r.analyses[k], r.settings));
    }
    bestSection(doc, r);
    comparisonSections(doc, r);
    return doc;
}

} // namespace cs
