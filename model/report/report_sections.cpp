// SPDX-License-Identifier: MIT
#include "analysis/comparisons.h"
#include "report/format.h"
#include "report/report_builder.h"
#include "report/report_words.h"
#include "results/flip_examples.h"
#include "results/metric_aliases.h"

#include <cmath>

#include <map>

namespace cs {
namespace {

/// A p-value, or "n/a" in the report's language.
std::string pText(std::optional<double> p, ReportLanguage l)
{
    return p ? fmt::pValue(p) : say(l, "n/a");
}

std::string testText(const DifferenceTest &t, ReportLanguage l)
{
    switch (t.kind) {
    case TestKind::McNemarExact:
        return say(l, "McNemar exact (paired, {1} examples)", {std::to_string(t.paired)});
    case TestKind::PairedBootstrap:
        return say(l, "paired bootstrap over items ({1} examples, {2} resamples)",
                   {std::to_string(t.paired), std::to_string(t.resamples)});
    case TestKind::None: return say(l, t.why);
    default: return say(l, t.test);
    }
}

std::string nText(const Checkpoint &cp, const std::string &metric)
{
    auto it = cp.metrics.find(metric);
    return it != cp.metrics.end() && it->second.n ? std::to_string(*it->second.n) : "?";
}

void lengthSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    std::map<std::string, std::vector<std::size_t>> byExperiment;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k)
        if (r.set->runs[k].seqLen) byExperiment[r.set->runs[k].experiment].push_back(k);
    bool any = false;
    for (const auto &[experiment, idx] : byExperiment) {
        for (std::size_t i = 0; i < idx.size(); ++i)
            for (std::size_t j = i + 1; j < idx.size(); ++j) {
                const Run &a = r.set->runs[idx[i]], &b = r.set->runs[idx[j]];
                if (a.seqLen == b.seqLen) continue;
                if (!any) doc.heading(2, say(l, "Sequence length comparison"));
                any = true;
                const LengthComparison lc =
                    compareLengths(a, r.analyses[idx[i]], b, r.analyses[idx[j]], r.settings);
                Table t;
                t.caption =
                    say(l, "{1}: {2} vs {3}",
                        {experiment, std::to_string(lc.lengthA), std::to_string(lc.lengthB)});
                const std::string lenA = std::to_string(lc.lengthA),
                                  lenB = std::to_string(lc.lengthB);
                t.columns = {say(l, "Metric"),
                             say(l, "Best @{1}", {lenA}),
                             say(l, "Best @{1}", {lenB}),
                             say(l, "Difference ({1} − {2})", {lenA, lenB}),
                             "p",
                             say(l, "Test")};
                for (const auto &row : lc.rows) {
                    const MetricAnalysis *ma = r.analyses[idx[i]].find(row.metric);
                    t.addRow({metricLabel(row.metric, l),
                              say(l, "{1} ({2}, epoch {3})",
                                  {fmt::value(row.valueA), a.checkpoints[row.peakA].name,
                                   fmt::epoch(a.checkpoints[row.peakA].epoch)}),
                              say(l, "{1} ({2}, epoch {3})",
                                  {fmt::value(row.valueB), b.checkpoints[row.peakB].name,
                                   fmt::epoch(b.checkpoints[row.peakB].epoch)}),
                              fmt::difference(row.valueB, row.valueA, ma && ma->proportion),
                              pText(row.test.p, l), testText(row.test, l)});
                }
                if (lc.setsDiffer)
                    t.notes.push_back(
                        say(l,
                            "The evaluation sets differ between the lengths (Real@k n {1} vs "
                            "{2}): these are different test sets, so the comparison is "
                            "indicative only.",
                            {nText(a.checkpoints.front(), metric::Real1),
                             nText(b.checkpoints.front(), metric::Real1)}));
                doc.table(t);
            }
    }
}

void matchedSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    bool any = false;
    const auto &runs = r.set->runs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = 0; j < runs.size(); ++j) {
            if (i == j || runs[i].experiment >= runs[j].experiment ||
                runs[i].seqLen != runs[j].seqLen)
                continue;
            const std::string metric = r.analyses[i].criterion;
            const MatchedComparison mc = compareAtMatchedEpochs(runs[i], r.analyses[i], runs[j],
                                                                r.analyses[j], metric, r.settings);
            if (mc.rows.size() < 2) continue;
            if (!any) doc.heading(2, say(l, "Matched-epoch comparison"));
            any = true;
            const MetricAnalysis *ma = r.analyses[i].find(metric);
            Table t;
            t.caption = say(l, "{1}: {2} vs {3}",
                            {metricLabel(metric, l), runs[i].displayName(), runs[j].displayName()});
            t.columns = {
                say(l, "Epoch"),
                runs[i].displayName(),
                runs[j].displayName(),
                say(l, "Difference ({1} − {2})", {runs[j].displayName(), runs[i].displayName()}),
                "p",
                say(l, "Test")};
            for (const auto &row : mc.rows)
                t.addRow({fmt::epoch(row.epoch), fmt::value(row.valueA), fmt::value(row.valueB),
                          fmt::difference(row.valueA, row.valueB, ma && ma->proportion),
                          pText(row.test.p, l), testText(row.test, l)});
            if (mc.setsDiffer)
                t.notes.push_back(
                    say(l, "The two runs were evaluated on different sets (n or dataset differ)."));
            doc.table(t);
        }
    }
}

/// "3.9 points (n = 2400)" or "3.1 points (paired, n = 300)"; "" when not known.
std::string detectableCell(const MetricAnalysis &m, ReportLanguage l)
{
    if (!m.detectable) return {};
    const auto &d = *m.detectable;
    const std::string size = fmt::points(d.size);
    return d.paired ? say(l, "{1} points (paired, n = {2})", {size, std::to_string(d.n)})
                    : say(l, "{1} points (n = {2})", {size, std::to_string(d.n)});
}

void overfittingSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    Table t;
    t.caption = say(l, "Decline after the peak");
    t.columns = {say(l, "Run"),
                 say(l, "Metric"),
                 say(l, "Peak"),
                 say(l, "Last"),
                 say(l, "Change"),
                 "p",
                 say(l, "Test"),
                 say(l, "Verdict"),
                 say(l, "Tied with the best (Holm)"),
                 say(l, "Detectable decline")};
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        const RunAnalysis &ra = r.analyses[k];
        for (const auto &m : ra.metrics) {
            if (m.points.size() < 2) continue;
            const auto peakV = *metricValue(run, &ra, m.peak, m.metric);
            const auto lastV = *metricValue(run, &ra, m.last, m.metric);
            std::string noise;
            for (std::size_t i : m.withinNoise)
                noise += (noise.empty() ? "" : ", ") + run.checkpoints[i].name;
            t.addRow({run.displayName(), metricLabel(m.metric, l),
                      fmt::value(peakV) + " @ " + run.checkpoints[m.peak].name + " (" +
                          fmt::epoch(run.checkpoints[m.peak].epoch) + ")",
                      fmt::value(lastV) + " @ " + run.checkpoints[m.last].name + " (" +
                          fmt::epoch(run.checkpoints[m.last].epoch) + ")",
                      fmt::difference(peakV, lastV, m.proportion),
                      m.verdict == Verdict::NoDecline ? "" : pText(m.declineTest.p, l),
                      m.verdict == Verdict::NoDecline ? "" : testText(m.declineTest, l),
                      say(l, verdictName(m.verdict)), noise, detectableCell(m, l)});
        }
    }
    doc.heading(2, say(l, "Overfitting analysis"));
    doc.paragraph(say(
        l,
        "Change is last − peak (points for proportions). A decline is called "
        "significant only when its test says so at level {1}. Detectable decline: "
        "the smallest decline that test would find with {2} % power; a smaller "
        "one could not have been seen.",
        {fmt::number(r.settings.alpha), std::to_string(int(std::lround(r.settings.power * 100)))}));
    doc.table(t);
}

void lostAfterPeakSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    constexpr std::size_t kShown = 20; // examples listed per metric; the CLI lists them all
    bool headed = false;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        for (const MetricAnalysis &m : r.analyses[k].metrics) {
            if (m.peak == m.last || m.metric == metric::Score) continue;
            const auto d =
                describeFlips(run.checkpoints[m.peak], run.checkpoints[m.last], m.metric);
            if (!d) continue;
            if (!headed) {
                doc.heading(2, say(l, "What was lost after the peak"));
                doc.paragraph(say(l, "For each metric that declined after its peak and whose "
                                     "examples were recorded: the examples right at the peak "
                                     "and wrong at the last evaluation."));
            }
            headed = true;
            doc.paragraph(say(
                l,
                "{1}, {2} from {3} to {4}: {5} examples right at the peak are wrong at the last "
                "evaluation, {6} wrong ones became right (McNemar exact, {7}).",
                {run.displayName(), metricLabel(m.metric, l), d->from, d->to,
                 std::to_string(d->flips.lost.size()), std::to_string(d->flips.gained.size()),
                 fmt::pClause(d->flips.p)}));
            Table t = flipsTable(*d, l, true);
            t.caption = say(l, "{1}, {2}: right at {3}, wrong at {4}",
                            {run.displayName(), metricLabel(m.metric, l), d->from, d->to});
            if (t.rows.size() > kShown) {
                t.notes.insert(t.notes.begin(),
                               say(l, "The first {1} of {2}; clozescope-cli flips lists them all.",
                                   {std::to_string(kShown), std::to_string(t.rows.size())}));
                t.rows.resize(kShown);
            }
            doc.table(t);
        }
    }
}

void earlyStopSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    Table t;
    t.caption = say(l, "Early-stopping simulation (threshold {1})",
                    {fmt::number(r.settings.earlyStop.threshold)});
    t.columns = {say(l, "Run"), say(l, "Metric")};
    for (int p = 1; p <= 5; ++p)
        t.columns.push_back(say(l, "patience {1}", {std::to_string(p)}));
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const Run &run = r.set->runs[k];
        const RunAnalysis &ra = r.analyses[k];
        if (!ra.earlyStop) continue;
        const MetricAnalysis *m = ra.find(ra.earlyStop->metric);
        std::vector<double> values;
        for (std::size_t i : m->points)
            values.push_back(*metricValue(run, &ra, i, m->metric));
        std::vector<std::string> cells = {run.displayName(), metricLabel(m->metric, l)};
        for (int p = 1; p <= 5; ++p) {
            const auto es =
                simulateEarlyStopping(values, m->lowerIsBetter, p, r.settings.earlyStop.threshold);
            const Checkpoint &stop = run.checkpoints[m->points[es.stopAt]];
            const Checkpoint &best = run.checkpoints[m->points[es.restored]];
            cells.push_back(es.stopped ? say(l, "stops at {1} ({2}), restores {3}",
                                             {fmt::epoch(stop.epoch), stop.name, best.name})
                                       : say(l, "runs to the end, best {1}", {best.name}));
        }
        t.addRow(cells);
    }
    doc.heading(2, say(l, "Early stopping"));
    std::vector<std::string> lines;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        const auto &es = r.analyses[k].earlyStop;
        if (!es) continue;
        const Run &run = r.set->runs[k];
        const std::string with =
            say(l, "{1}: with patience {2} on {3}, ",
                {run.displayName(), std::to_string(r.settings.earlyStop.patience),
                 metricLabel(es->metric, l)});
        std::string s;
        if (es->stopped) {
            const Checkpoint &stop = run.checkpoints[es->stopAt];
            s = stop.epoch
                    ? say(l, "training stops at {1} (epoch {2}) and restores {3}",
                          {stop.name, fmt::epoch(stop.epoch), run.checkpoints[es->restored].name})
                    : say(l, "training stops at {1} and restores {2}",
                          {stop.name, run.checkpoints[es->restored].name});
            s += earlyStopTieNote(run, r.analyses[k], l);
            if (es->savedEpochs && *es->savedEpochs > 0)
                s += say(l, ", saving {1} epochs", {fmt::epoch(es->savedEpochs)});
            else if (es->savedSteps && *es->savedSteps > 0)
                s += say(l, ", saving {1} steps", {std::to_string(*es->savedSteps)});
            else
                s += say(l, "; it would have saved no training");
        } else {
            s = say(l, "patience never runs out; the best checkpoint is {1}",
                    {run.checkpoints[es->restored].name}) +
                earlyStopTieNote(run, r.analyses[k], l);
        }
        lines.push_back(with + s + ".");
    }
    doc.bullets(lines);
    doc.table(t);
}

void scoreSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    std::vector<std::string> lines;
    std::size_t checked = 0;
    for (std::size_t k = 0; k < r.set->runs.size(); ++k) {
        checked += r.analyses[k].fileScoresChecked;
        for (const auto &f : r.analyses[k].scoreFlags)
            lines.push_back(
                say(l, "{1} {2}: the file says {3}, its metrics give {4} ({5})",
                    {r.set->runs[k].displayName(), r.set->runs[k].checkpoints[f.checkpoint].name,
                     fmt::value(f.fileScore), fmt::value(f.computed), f.source}));
    }
    if (checked == 0) return;
    doc.heading(2, say(l, "Scores written in the files"));
    doc.paragraph(say(l,
                      "{1} scores carried by the files were recomputed from their own metrics; "
                      "{2} disagree.",
                      {std::to_string(checked), std::to_string(lines.size())}));
    doc.bullets(lines);
}

void problemsSection(Document &doc, const AnalysedResults &r)
{
    const ReportLanguage l = r.language;
    std::vector<std::string> lines;
    for (const auto &p : r.set->problems) {
        std::string where = p.file;
        if (!p.location.empty()) where += (where.empty() ? "" : ", ") + p.location;
        lines.push_back(say(l, severityName(p.severity)) + ": " +
                        (where.empty() ? "" : where + ": ") + p.message);
    }
    doc.heading(2, say(l, "Import notes"));
    if (lines.empty()) doc.paragraph(say(l, "Every file was read without problems."));
    doc.bullets(lines);
}

} // namespace

void comparisonSections(Document &doc, const AnalysedResults &r)
{
    lengthSection(doc, r);
    matchedSection(doc, r);
    overfittingSection(doc, r);
    lostAfterPeakSection(doc, r);
    earlyStopSection(doc, r);
    scoreSection(doc, r);
    problemsSection(doc, r);
}

} // namespace cs
