// SPDX-License-Identifier: MIT
#include "report/format.h"
#include "report/report_builder.h"
#include "report/report_words.h"
#include "results/metric_aliases.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cs {
namespace {

/// Marks the best cell of each metric column in bold.
void boldBest(Table &t, const Run &run, const RunAnalysis &ra,
              const std::vector<std::string> &metrics, std::size_t firstColumn)
{
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        const MetricAnalysis *ma = ra.find(metrics[m]);
        if (!ma || ma->points.empty()) continue;
        const double best = *metricValue(run, &ra, ma->peak, metrics[m]);
        for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
            const auto v = metricValue(run, &ra, i, metrics[m]);
            if (v && std::fabs(*v - best) < 1e-12) t.rows[i][firstColumn + m].bold = true;
        }
    }
}

} // namespace

std::string metricLabel(const std::string &metric)
{
    return metric == metric::Score ? "Score" : metric;
}

std::string metricLabel(const std::string &metric, ReportLanguage language)
{
    return metric == metric::Score ? say(language, "Score") : metric;
}

Table checkpointTable(const Run &run, const RunAnalysis &ra, const AnalysisSettings &settings,
                      ReportLanguage l)
{
    Table t;
    t.caption = run.displayName();
    std::vector<std::string> metrics;
    for (const auto &m : ra.metrics)
        if (m.metric != metric::Score) metrics.push_back(m.metric);
    t.columns = {say(l, "Checkpoint"), say(l, "Step"), say(l, "Epoch")};
    for (const auto &m : metrics)
        t.columns.push_back(metricLabel(m, l));
    const bool hasCriterionCi = ra.criterion != metric::Score;
    const int pct = static_cast<int>(std::lround(settings.confidence * 100));
    if (hasCriterionCi)
        t.columns.push_back(
            say(l, "{1} {2}% CI", {metricLabel(ra.criterion, l), std::to_string(pct)}));
    const bool hasScore = ra.find(metric::Score) != nullptr;
    bool hasFileScore = false;
    for (const auto &cp : run.checkpoints)
        hasFileScore = hasFileScore || !cp.fileScores.empty();
    if (hasScore) t.columns.push_back(say(l, "Score"));
    if (hasFileScore) t.columns.push_back(say(l, "File score"));

    std::map<double, int> epochCount;
    for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
        const Checkpoint &cp = run.checkpoints[i];
        if (cp.epoch) ++epochCount[*cp.epoch];
        std::vector<std::string> cells = {cp.name, cp.step ? std::to_string(*cp.step) : "",
                                          fmt::epoch(cp.epoch)};
        for (const auto &m : metrics) {
            auto it = cp.metrics.find(m);
            cells.push_back(it == cp.metrics.end() ? "" : fmt::value(it->second.value));
        }
        if (hasCriterionCi) {
            const auto ci = valueInterval(run, ra, i, ra.criterion, settings.confidence);
            cells.push_back(ci ? fmt::interval(*ci) : "");
        }
        if (hasScore) {
            const auto ci = valueInterval(run, ra, i, metric::Score, settings.confidence);
            cells.push_back(!ra.composite[i] ? ""
                            : ci ? fmt::value(*ra.composite[i]) + " " + fmt::interval(*ci)
                                 : fmt::value(*ra.composite[i]));
        }
        if (hasFileScore) {
            std::string fileScore;
            for (const auto &fs : cp.fileScores) {
                const bool flagged =
                    std::any_of(ra.scoreFlags.begin(), ra.scoreFlags.end(), [&](const auto &f) {
                        return f.checkpoint == i && f.fileScore == fs.value;
                    });
                fileScore += (fileScore.empty() ? "" : " / ") + fmt::value(fs.value) +
                             (flagged ? say(l, " (differs)") : "");
            }
            cells.push_back(fileScore);
        }
        t.addRow(cells);
    }
    std::vector<std::string> bolded = metrics;
    boldBest(t, run, ra, bolded, 3);
    if (hasScore) {
        const std::size_t scoreCol = 3 + metrics.size() + (hasCriterionCi ? 1 : 0);
        boldBest(t, run, ra, {metric::Score}, scoreCol);
    }
    for (const auto &[epoch, count] : epochCount)
        if (count > 1)
            t.notes.push_back(say(l, "{1} checkpoints share epoch {2}; each is kept and shown.",
                                  {std::to_string(count), fmt::epoch(epoch)}));
    return t;
}

namespace {

/// Removes the columns whose cells are empty in every row.
void dropEmptyColumns(Table &t)
{
    for (std::size_t c = t.columns.size(); c-- > 0;) {
        if (std::any_of(t.rows.begin(), t.rows.end(),
                        [c](const std::vector<Cell> &row) { return !row[c].text.empty(); }))
            continue;
        t.columns.erase(t.columns.begin() + std::ptrdiff_t(c));
        for (auto &row : t.rows)
            row.erase(row.begin() + std::ptrdiff_t(c));
    }
}

} // namespace

Table metricTable(const AnalysedResults &results, const std::vector<std::string> &metrics,
                  MetricTableLayout layout, const std::function<bool(std::size_t run)> &showRun)
{
    const bool compact = layout == MetricTableLayout::Compact;
    Table t;
    t.columns = {"run", "experiment", "seq_len", "checkpoint", "step", "epoch"};
    for (const auto &m : metrics) {
        t.columns.push_back(m);
        if (!compact) {
            t.columns.push_back(m + " ci_low");
            t.columns.push_back(m + " ci_high");
            t.columns.push_back(m + " n");
        }
    }
    std::map<std::string, std::set<std::int64_t>> ns; // metric -> the n of its values
    const auto &set = *results.set;
    for (std::size_t r = 0; r < set.runs.size(); ++r) {
        if (showRun && !showRun(r)) continue;
        const Run &run = set.runs[r];
        const RunAnalysis &ra = results.analyses[r];
        for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
            const Checkpoint &cp = run.checkpoints[i];
            std::vector<std::string> cells = {run.name,
                                              run.experiment,
                                              run.seqLen ? std::to_string(*run.seqLen) : "",
                                              cp.name,
                                              cp.step ? std::to_string(*cp.step) : "",
                                              fmt::epoch(cp.epoch)};
            bool any = false;
            for (const auto &m : metrics) {
                const auto v = metricValue(run, &ra, i, m);
                any = any || v.has_value();
                const auto ci = valueInterval(run, ra, i, m, results.settings.confidence);
                const auto it = cp.metrics.find(m);
                // Examples behind the value (for the score: its items, every set); 0 = not known.
                const auto &spread =
                    i < ra.compositeSpread.size() ? ra.compositeSpread[i] : std::nullopt;
                const std::int64_t n = m == metric::Score ? (spread ? spread->items : 0)
                                       : it != cp.metrics.end() && it->second.n ? *it->second.n
                                                                                : 0;
                if (compact) {
                    cells.push_back(!v   ? ""
                                    : ci ? fmt::value(*v) + " " + fmt::interval(*ci)
                                         : fmt::value(*v));
                    if (v && n > 0) ns[m].insert(n);
                    continue;
                }
                cells.push_back(v ? fmt::number(*v) : "");
                cells.push_back(ci ? fmt::number(ci->low) : "");
                cells.push_back(ci ? fmt::number(ci->high) : "");
                cells.push_back(n > 0 ? std::to_string(n) : "");
            }
            if (any) t.addRow(cells);
        }
    }
    if (compact) {
        dropEmptyColumns(t);
        const bool intervals = std::any_of(t.rows.begin(), t.rows.end(), [](const auto &row) {
            return std::any_of(row.begin(), row.end(), [](const Cell &c) {
                return c.text.find(" [") != std::string::npos;
            });
        });
        if (intervals)
            t.notes.push_back("Values with their " +
                              fmt::number(results.settings.confidence * 100) +
                              " % interval [low, high].");
        for (const auto &[m, values] : ns)
            t.notes.push_back(m + ": n = " +
                              (values.size() == 1 ? std::to_string(*values.begin())
                                                  : std::to_string(*values.begin()) + "–" +
                                                        std::to_string(*values.rbegin())) +
                              ".");
    }
    return t;
}

namespace {

/// What the recommendation for a run says, as parts, worded in the report's language.
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
    std::string p;                        ///< "p = 0.32" or "p < 0.001": the decline test
    std::string why;                      ///< why the decline cannot be tested
    std::size_t tied = 0;                 ///< others tied with the best (Holm)
    std::size_t compared = 0;             ///< others tested against the peak
    std::size_t estimates = 0;            ///< checkpoints with a value (the peak is the best of)
    std::string detectable;               ///< "3.9" (points), "" when not known
    std::string detectableN;              ///< n behind it
    bool detectablePaired = false;        ///< from per-example records
    bool pairingLost = false;             ///< a paired test was possible with records kept
};

Recommendation recommend(const Run &run, const RunAnalysis &ra, const AnalysisSettings &settings,
                         ReportLanguage l)
{
    Recommendation r;
    r.run = run.displayName();
    const MetricAnalysis *m = ra.find(ra.criterion);
    if (!m || m->points.empty()) return r;
    r.hasValues = true;
    const Checkpoint &peak = run.checkpoints[m->peak];
    const Checkpoint &last = run.checkpoints[m->last];
    r.keep = peak.name;
    if (peak.epoch) r.epoch = fmt::epoch(peak.epoch);
    r.metric = metricLabel(ra.criterion, l);
    r.value = fmt::value(*metricValue(run, &ra, m->peak, ra.criterion));
    if (auto ci = valueInterval(run, ra, m->peak, ra.criterion, settings.confidence))
        r.interval = fmt::interval(*ci);
    r.verdict = m->verdict;
    r.peakIsLast = m->peak == m->last;
    r.decline = fmt::difference(*metricValue(run, &ra, m->peak, ra.criterion),
                                *metricValue(run, &ra, m->last, ra.criterion), m->proportion)
                    .substr(1);
    r.points = m->proportion;
    if (last.epoch) r.byEpoch = fmt::epoch(last.epoch);
    r.byCheckpoint = last.name;
    r.p = fmt::pClause(m->declineTest.p);
    r.why = say(l, m->declineTest.why);
    r.tied = m->withinNoise.size();
    r.compared = m->compared;
    r.estimates = m->points.size();
    if (m->detectable && m->proportion) {
        r.detectable = fmt::points(m->detectable->size);
        r.detectableN = std::to_string(m->detectable->n);
        r.detectablePaired = m->detectable->paired;
    }
    r.pairingLost = m->declineTest.pairingLost;
    return r;
}

} // namespace

std::string earlyStopTieNote(const Run &run, const RunAnalysis &ra, ReportLanguage l)
{
    if (!ra.earlyStop) return {};
    const EarlyStopOutcome &es = *ra.earlyStop;
    if (es.metric != ra.criterion) return {}; // another metric's peak is not the one kept
    const MetricAnalysis *m = ra.find(es.metric);
    if (!m || m->peak == es.restored) return {};
    const auto kept = metricValue(run, &ra, m->peak, es.metric),
               restored = metricValue(run, &ra, es.restored, es.metric);
    if (!kept || !restored || *kept != *restored) return {};
    return " " + say(l,
                     "({1} ties with it on {2}; ClozeScope keeps {1}, the tie broken by the "
                     "score)",
                     {run.checkpoints[m->peak].name, metricLabel(es.metric, l)});
}

std::string recommendation(const Run &run, const RunAnalysis &ra, const AnalysisSettings &settings,
                           ReportLanguage l)
{
    const Recommendation r = recommend(run, ra, settings, l);
    if (!r.hasValues) return say(l, "{1}: no values to choose from.", {r.run});
    std::string s = r.epoch.empty() ? say(l, "{1}: keep {2}", {r.run, r.keep})
                                    : say(l, "{1}: keep {2} (epoch {3})", {r.run, r.keep, r.epoch});
    s += ": " + r.metric + " " + r.value;
    if (!r.interval.empty()) s += " " + r.interval;
    const std::string by = r.byEpoch.empty() ? say(l, "by {1}", {r.byCheckpoint})
                                             : say(l, "by epoch {1}", {r.byEpoch});
    const std::string decline = r.points ? say(l, "the {1}-point decline {2}", {r.decline, by})
                                         : say(l, "the {1} decline {2}", {r.decline, by});
    switch (r.verdict) {
    case Verdict::NoDecline:
        s += "; " + (r.peakIsLast ? say(l, "it is the last evaluation, so no decline is seen yet")
                                  : say(l, "no decline after it {1}", {by}));
        break;
    case Verdict::WithinNoise:
        s += "; " + say(l, "{1} is within noise, {2}", {decline, r.p});
        break;
    case Verdict::SignificantDecline:
        s += "; " + say(l, "{1} is significant, {2}", {decline, r.p});
        break;
    case Verdict::Untested:
        s += "; " + say(l, "{1} cannot be tested ({2})", {decline, r.why});
        break;
    }
    if (r.compared > 0)
        s += "; " + say(l,
                        "{1} of the {2} other checkpoints are tied with it after Holm's "
                        "correction",
                        {std::to_string(r.tied), std::to_string(r.compared)});
    if (!r.detectable.empty() && r.verdict != Verdict::SignificantDecline)
        s += "; " + (r.detectablePaired
                         ? say(l,
                               "with n = {1} paired examples a decline under {2} points could "
                               "not have been seen",
                               {r.detectableN, r.detectable})
                         : say(l,
                               "with n = {1} a decline under {2} points could not have been "
                               "seen",
                               {r.detectableN, r.detectable}));
    s += ".";
    if (r.estimates > 1)
        s += " " + say(l,
                       "Its value is the best of {1} noisy estimates, so it likely overstates "
                       "what the checkpoint scores on new data.",
                       {std::to_string(r.estimates)});
    if (r.pairingLost)
        s += " " + say(l, "Both evaluations used the same set (same SHA-256): a paired test was "
                          "possible had the per-example records been kept.");
    return s;
}

Table flipsTable(const DescribedFlips &flips, ReportLanguage l, bool lostOnly)
{
    Table t;
    t.caption = say(l, "{1}: flips from {2} to {3}",
                    {metricLabel(flips.flips.metric, l), flips.from, flips.to});
    t.columns = {say(l, "Change"),     say(l, "Set"),    say(l, "Example"), say(l, "Rank before"),
                 say(l, "Rank after"), say(l, "Answer"), say(l, "Text")};
    const auto rank = [](const std::optional<int> &r) {
        return r ? std::to_string(*r) : std::string(">10");
    };
    for (const FlippedExample &e : flips.examples) {
        if (lostOnly && !e.lost) continue;
        std::string answers;
        for (const auto &a : e.answers)
            answers += (answers.empty() ? "" : " | ") + a;
        t.addRow({e.lost ? say(l, "right → wrong") : say(l, "wrong → right"), e.dataset, e.id,
                  rank(e.rankFrom), rank(e.rankTo), answers, e.text});
    }
    for (const auto &p : flips.problems)
        t.notes.push_back(problemLine(p));
    return t;
}

} // namespace cs
