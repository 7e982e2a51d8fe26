// SPDX-License-Identifier: MIT
#include "report/report_builder.h"

#include "analysis/comparisons.h"
#include "report/format.h"
#include "report/report_words.h"
#include "results/metric_aliases.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <set>
#include <thread>

namespace cs {
namespace {

std::string epochSourceText(const Run &run, ReportLanguage l)
{
    std::set<EpochSource> sources;
    for (const auto &cp : run.checkpoints)
        sources.insert(cp.epochSource);
    std::vector<std::string> parts;
    for (auto s : sources) {
        switch (s) {
        case EpochSource::File: parts.push_back(say(l, "as written in the results")); break;
        case EpochSource::TrainerState: parts.push_back(say(l, "from trainer_state.json")); break;
        case EpochSource::StepsPerEpoch:
            parts.push_back(
                say(l, "step / {1} steps per epoch ({2}), rounded",
                    {fmt::number(run.stepsPerEpoch.value_or(0)), say(l, run.stepsPerEpochSource)}));
            break;
        case EpochSource::None: parts.push_back(say(l, "unknown for some checkpoints")); break;
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
    const ReportLanguage l = r.language;
    std::string weights;
    for (const auto &[m, w] : s.weights)
        weights += (weights.empty() ? "" : " + ") + fmt::number(w) + "·" + m;
    const int pct = static_cast<int>(std::lround(s.confidence * 100));
    doc.heading(2, say(l, "Criteria"));
    doc.bullets({
        say(l,
            "Composite score = {1}, computed for every checkpoint that has all of these; a score "
            "a file carries itself is shown beside it and flagged when it differs by more than "
            "{2}.",
            {weights, fmt::number(s.scoreTolerance)}),
        say(l, "Peak: the best value (higher is better; lower for losses and perplexities); ties "
               "go to the higher composite score, then the earlier checkpoint."),
        say(l,
            "Intervals: Wilson {1} % score intervals where the number of examples n is known; a "
            "normal interval from the standard error a file reports (lm-evaluation-harness) "
            "where only that is known; none is shown otherwise.",
            {std::to_string(pct)}),
        say(l,
            "The composite score's interval: a percentile bootstrap over items ({1} resamples, "
            "seed {2}) where every example of every weighted metric was recorded; otherwise the "
            "delta method from the counts, with Real@1 and Real@5 sharing their items (a Real@1 "
            "hit is a Real@5 hit) and LAMBADA another set.",
            {std::to_string(s.bootstrapResamples), std::to_string(s.bootstrapSeed)}),
        say(l,
            "Tests: exact McNemar on per-example records when both checkpoints have them; "
            "otherwise a pooled two-proportion z-test, which treats the two evaluations as "
            "independent (approximate). Significance level {1}.",
            {fmt::number(s.alpha)}),
        say(l, "The composite score is tested by a paired bootstrap over the items both "
               "checkpoints recorded, else by a z-test on the delta-method standard errors "
               "(unpaired). Each result names its test."),
        say(l,
            "Overfitting verdict: \"significant decline\" only when the last evaluation is "
            "significantly below the peak; otherwise \"within noise\" or \"no decline\". "
            "The checkpoints not significantly worse than the peak at level {1} after Holm's "
            "correction over all comparisons with it are \"tied with the best\".",
            {fmt::number(s.alpha)}),
        say(l,
            "Power: the detectable decline is the smallest the decline test finds with {1} % "
            "power at level {2}; paired from how often the two checkpoints disagree where "
            "per-example records exist, else from n and the peak's value.",
            {std::to_string(int(std::lround(s.power * 100))), fmt::number(s.alpha)}),
        say(l,
            "Early stopping as Hugging Face's EarlyStoppingCallback: patience {1}, threshold "
            "{2}, on {3}.",
            {std::to_string(s.earlyStop.patience), fmt::number(s.earlyStop.threshold),
             s.earlyStop.metric.empty() ? say(l, "each run's criterion") : s.earlyStop.metric}),
        say(l, "The checkpoint to keep is chosen by {1}.",
            {s.criterion.empty() ? say(l, "Real@1 where present, else the composite score")
                                 : metricLabel(s.criterion, l)}),
        say(l, "Differences are differences of the shown 4-decimal values, in percentage points "
               "for proportions."),
    });
}

void runsSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    Table t;
    t.caption = say(l, "Runs");
    t.columns = {say(l, "Run"),         say(l, "Experiment"),   say(l, "Seq len"),
                 say(l, "Checkpoints"), say(l, "n per metric"), say(l, "Epochs")};
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
                  std::to_string(run.checkpoints.size()), nText.empty() ? say(l, "unknown") : nText,
                  epochSourceText(run, l)});
    }
    doc.heading(2, say(l, "Runs"));
    doc.table(t);
}

void bestSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    Table t;
    t.caption = say(l, "Best checkpoint per criterion");
    t.columns = {say(l, "Run"),   say(l, "Criterion"), say(l, "Checkpoint"),
                 say(l, "Epoch"), say(l, "Value"),     say(l, "Interval")};
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        const RunAnalysis &ra = r.analyses[k];
        for (const auto &m : ra.metrics) {
            if (m.points.empty()) continue;
            const Checkpoint &cp = run.checkpoints[m.peak];
            const auto ci = valueInterval(run, ra, m.peak, m.metric, r.settings.confidence);
            t.addRow({run.displayName(), say(l, "best {1}", {metricLabel(m.metric, l)}), cp.name,
                      fmt::epoch(cp.epoch), fmt::value(*metricValue(run, &ra, m.peak, m.metric)),
                      ci ? fmt::interval(*ci) : ""});
        }
        if (ra.earlyStop) {
            const Checkpoint &cp = run.checkpoints[ra.earlyStop->restored];
            t.addRow(
                {run.displayName(),
                 say(l, "early stopping on {1} restores", {metricLabel(ra.earlyStop->metric, l)}),
                 cp.name, fmt::epoch(cp.epoch),
                 fmt::value(*metricValue(run, &ra, ra.earlyStop->restored, ra.earlyStop->metric)),
                 ""});
        }
        if (run.trainerBest)
            t.addRow({run.displayName(), say(l, "Trainer's best_model_checkpoint"),
                      run.trainerBest->checkpoint, "", fmt::number(run.trainerBest->metric), ""});
    }
    doc.heading(2, say(l, "Best checkpoints"));
    doc.table(t);
}

} // namespace

AnalysedResults analyseAll(const ResultSet &set, const AnalysisSettings &settings)
{
    AnalysedResults out;
    out.set = &set;
    out.settings = settings;
    // Runs are analysed side by side: with per-example records each takes its bootstraps.
    out.analyses.resize(set.runs.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next++) < set.runs.size();)
            out.analyses[i] = analyseRun(set.runs[i], settings);
    };
    const std::size_t workers =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), set.runs.size());
    std::vector<std::future<void>> helpers;
    for (std::size_t w = 1; w < workers; ++w)
        helpers.push_back(std::async(std::launch::async, work));
    work();
    for (auto &h : helpers)
        h.get();
    return out;
}

Document buildReport(const AnalysedResults &r, const std::vector<std::string> &inputs)
{
    const ReportLanguage l = r.language;
    Document doc;
    doc.title = say(l, "ClozeScope report");
    doc.language = l == ReportLanguage::Korean ? "ko" : "en";
    std::string from;
    for (const auto &i : inputs)
        from += (from.empty() ? "" : ", ") + i;
    doc.paragraph(
        say(l, "Results from {1}: {2} runs in {3} files.",
            {from, std::to_string(r.set->runs.size()), std::to_string(r.set->files.size())}));
    doc.heading(2, say(l, "Recommendation"));
    std::vector<std::string> recs;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k)
        recs.push_back(recommendation(r.set->runs[k], r.analyses[k], r.settings, l));
    doc.bullets(recs);
    criteriaSection(doc, r);
    runsSection(doc, r);
    doc.heading(2, say(l, "Checkpoints"));
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        doc.heading(3, run.displayName());
        doc.paragraph(say(l, "Experiment {1}; epochs {2}. Best values in bold.",
                          {run.experiment, epochSourceText(run, l)}));
        doc.table(checkpointTable(run, r.analyses[k], r.settings, l));
    }
    bestSection(doc, r);
    comparisonSections(doc, r);
    return doc;
}

} // namespace cs
