// SPDX-License-Identifier: MIT
// The composite score's interval and tests, Holm's tied set, power from records, and flips:
// each checked against a computation of its own (closed forms, enumeration, hand-worked lists).
#include "analysis/flips.h"
#include "analysis/score_statistics.h"
#include "results/metric_aliases.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace cs;

namespace {

/// A metric from per-item hits; records kept or only the count.
MetricValue fromHits(const std::string &prefix, const std::vector<bool> &hits, bool records,
                     const std::string &dataset = {})
{
    MetricValue mv;
    int k = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        k += hits[i];
        if (records) mv.examples.push_back({prefix + std::to_string(i), hits[i]});
    }
    mv.value = double(k) / double(hits.size());
    mv.n = std::int64_t(hits.size());
    mv.dataset = dataset;
    return mv;
}

/// n hits then misses.
std::vector<bool> firstHits(int hits, int n)
{
    std::vector<bool> v(std::size_t(n), false);
    for (int i = 0; i < hits; ++i)
        v[std::size_t(i)] = true;
    return v;
}

/// A checkpoint with Real@1, Real@5 (top-1 hits nested in top-5 hits) and LAMBADA@1.
Checkpoint scored(const std::string &name, const std::vector<bool> &r1, const std::vector<bool> &r5,
                  const std::vector<bool> &l1, bool records, const std::string &sha = {})
{
    Checkpoint cp;
    cp.name = name;
    const std::string real = sha.empty() ? "" : "real:" + sha,
                      lambada = sha.empty() ? "" : "lambada:" + sha;
    cp.metrics[metric::Real1] = fromHits("r", r1, records, real);
    cp.metrics[metric::Real5] = fromHits("r", r5, records, real);
    cp.metrics[metric::Lambada1] = fromHits("l", l1, records, lambada);
    return cp;
}

/// 60 of 100 at top-1, 80 at top-5, 25 of 50 LAMBADA.
Checkpoint sixtyEighty(bool records)
{
    return scored("c", firstHits(60, 100), firstHits(80, 100), firstHits(25, 50), records);
}

} // namespace

class TestScoreStatistics : public QObject
{
    Q_OBJECT
  private slots:
    void deltaMethodMatchesTheItemVariance()
    {
        const AnalysisSettings s;
        const auto var = compositeVariance(sixtyEighty(false), s.weights);
        QVERIFY(var);
        // Closed form: Real@1 and Real@5 share items, Cov = p1 (1 − p5) / n; LAMBADA apart.
        const double closed = 0.16 * 0.6 * 0.4 / 100 + 0.09 * 0.8 * 0.2 / 100 +
                              2 * 0.4 * 0.3 * 0.6 * 0.2 / 100 + 0.09 * 0.5 * 0.5 / 50;
        QVERIFY(qAbs(*var - closed) < 1e-15);
        // The same from the items themselves: 60 worth 0.7, 20 worth 0.3, 20 worth 0 (Real),
        // 25 worth 0.3 and 25 worth 0 (LAMBADA); the variance of a mean is σ² / n per set.
        const auto popVar = [](const std::vector<std::pair<double, int>> &items) {
            double n = 0, sum = 0, sq = 0;
            for (auto [v, c] : items) {
                n += c;
                sum += v * c;
                sq += v * v * c;
            }
            return (sq / n - (sum / n) * (sum / n)) / n;
        };
        const double fromItems =
            popVar({{0.7, 60}, {0.3, 20}, {0.0, 20}}) + popVar({{0.3, 25}, {0.0, 25}});
        QVERIFY(qAbs(*var - fromItems) < 1e-15);

        const auto spread = compositeSpread(sixtyEighty(false), s);
        QVERIFY(spread && !spread->bootstrap);
        QCOMPARE(spread->items, std::int64_t(150));
        const double score = 0.4 * 0.6 + 0.3 * 0.8 + 0.3 * 0.5, half = 1.959964 * std::sqrt(closed);
        QVERIFY(qAbs(spread->interval.low - (score - half)) < 1e-6);
        QVERIFY(qAbs(spread->interval.high - (score + half)) < 1e-6);
    }

    void recordsGiveABootstrapInterval()
    {
        AnalysisSettings s;
        const auto boot = compositeSpread(sixtyEighty(true), s);
        const auto delta = compositeSpread(sixtyEighty(false), s);
        QVERIFY(boot && boot->bootstrap);
        QCOMPARE(boot->items, std::int64_t(150));
        QVERIFY2(qAbs(boot->interval.low - delta->interval.low) < 0.01,
                 QByteArray::number(boot->interval.low));
        QVERIFY2(qAbs(boot->interval.high - delta->interval.high) < 0.01,
                 QByteArray::number(boot->interval.high));
        QVERIFY(qAbs(boot->se - delta->se) < 0.002);
        const auto again = compositeSpread(sixtyEighty(true), s); // seeded: the same figures
        QCOMPARE(again->interval.low, boot->interval.low);
        s.bootstrapSeed += 1;
        QVERIFY(compositeSpread(sixtyEighty(true), s)->interval.low != boot->interval.low ||
                compositeSpread(sixtyEighty(true), s)->interval.high != boot->interval.high);
        // A record missing an example: no bootstrap, the counts' interval.
        Checkpoint partial = sixtyEighty(true);
        partial.metrics[metric::Real5].examples.pop_back();
        QVERIFY(!compositeSpread(partial, s)->bootstrap);
    }

    void pairedScoreTestAgreesWithTheExactBootstrap()
    {
        // Five Real items and three LAMBADA items, two checkpoints. The per-item differences
        // are enumerated over all 5^5 · 3^3 resamples for the exact bootstrap p.
        const Checkpoint a = scored("a", {1, 1, 0, 0, 0}, {1, 1, 1, 0, 0}, {1, 0, 0}, true);
        const Checkpoint b = scored("b", {1, 0, 1, 1, 0}, {1, 1, 1, 1, 1}, {1, 1, 0}, true);
        const double realDiff[] = {0.0, -0.4, 0.4, 0.7, 0.3}; // 0.4·Δr1 + 0.3·Δr5 per item
        const double lambadaDiff[] = {0.0, 0.3, 0.0};
        long below = 0, above = 0, total = 0;
        for (int i = 0; i < 3125; ++i) {
            double sa = 0;
            for (int k = 0, r = i; k < 5; ++k, r /= 5)
                sa += realDiff[r % 5];
            for (int j = 0; j < 27; ++j) {
                double sb = 0;
                for (int k = 0, r = j; k < 3; ++k, r /= 3)
                    sb += lambadaDiff[r % 3];
                const double d = sa / 5 + sb / 3;
                below += d <= 1e-12;
                above += d >= -1e-12;
                ++total;
            }
        }
        const double exactP = std::min(1.0, 2.0 * double(std::min(below, above)) / double(total));
        AnalysisSettings s;
        s.bootstrapResamples = 40000;
        const DifferenceTest t = compareComposite(a, b, s);
        QCOMPARE(t.kind, TestKind::PairedBootstrap);
        QCOMPARE(t.paired, std::size_t(8));
        QVERIFY(qAbs(t.difference - (0.4 * 0.2 + 0.3 * 0.4 + 0.3 / 3)) <
                1e-12); // = mean of the rows
        QVERIFY2(qAbs(*t.p - exactP) < 0.01,
                 QByteArray::number(*t.p) + " vs " + QByteArray::number(exactP));
    }

    void withoutRecordsTheScoreTestIsUnpaired()
    {
        const AnalysisSettings s;
        const Checkpoint a = sixtyEighty(false);
        const Checkpoint b =
            scored("b", firstHits(50, 100), firstHits(75, 100), firstHits(20, 50), false);
        const DifferenceTest t = compareComposite(a, b, s);
        QCOMPARE(t.kind, TestKind::DeltaMethodZ);
        const double se =
            std::sqrt(*compositeVariance(a, s.weights) + *compositeVariance(b, s.weights));
        const double z = std::fabs(t.difference) / se;
        QVERIFY(qAbs(*t.p - std::erfc(z / std::sqrt(2.0))) < 1e-12);
        QVERIFY(!t.pairingLost); // no set identity: pairing could not be known
    }

    void sameSetWithoutRecordsSaysPairingWasPossible()
    {
        const AnalysisSettings s;
        const Checkpoint a =
            scored("a", firstHits(60, 100), firstHits(80, 100), firstHits(25, 50), false, "9f2c");
        const Checkpoint b =
            scored("b", firstHits(55, 100), firstHits(80, 100), firstHits(25, 50), false, "9f2c");
        QVERIFY(compareCheckpoints(a, b, metric::Real1).pairingLost);
        QVERIFY(compareComposite(a, b, s).pairingLost);
        const Checkpoint other =
            scored("c", firstHits(55, 100), firstHits(80, 100), firstHits(25, 50), false, "77aa");
        QVERIFY(!compareCheckpoints(a, other, metric::Real1).pairingLost);
    }

    void tiedWithTheBestAfterHolm()
    {
        // Peak 40 of 60 right; A loses 10 and gains none (p = 0.00195), B loses 8 and gains 1
        // (p = 0.0391), C loses 3 and gains 1 (p = 0.625). Unadjusted, A and B are worse.
        // Holm: 0.00195·3 = 0.0059 < 0.05 rejects A; 0.0391·2 = 0.078 stops there. Tied: B, C.
        std::vector<bool> peak = firstHits(40, 60);
        const auto changed = [&](int lose, int gain) {
            std::vector<bool> v = peak;
            for (int i = 0; i < lose; ++i)
                v[std::size_t(i)] = false;
            for (int i = 0; i < gain; ++i)
                v[std::size_t(40 + i)] = true;
            return v;
        };
        Run run;
        run.name = "holm";
        const std::vector<std::pair<std::string, std::vector<bool>>> cps = {
            {"A", changed(10, 0)}, {"peak", peak}, {"B", changed(8, 1)}, {"C", changed(3, 1)}};
        for (std::size_t i = 0; i < cps.size(); ++i) {
            Checkpoint cp;
            cp.name = cps[i].first;
            cp.epoch = double(i + 1);
            cp.metrics[metric::Real1] = fromHits("r", cps[i].second, true, "real:9f2c");
            run.checkpoints.push_back(cp);
        }
        const RunAnalysis ra = analyseRun(run, AnalysisSettings{});
        const MetricAnalysis *m = ra.find(metric::Real1);
        QCOMPARE(run.checkpoints[m->peak].name, std::string("peak"));
        QCOMPARE(m->compared, std::size_t(3));
        QCOMPARE(m->withinNoise, (std::vector<std::size_t>{2, 3}));
        QVERIFY(qAbs(*m->holmP[0] - 3 * stats::mcnemarExact(10, 0)) < 1e-12);
        QVERIFY(qAbs(*m->holmP[2] - 2 * stats::mcnemarExact(8, 1)) < 1e-12);
        QVERIFY(qAbs(*m->holmP[3] - stats::mcnemarExact(3, 1)) < 1e-12); // last: ×1
        QVERIFY(stats::mcnemarExact(8, 1) < 0.05); // B alone would have been "worse"
        // Power: 4 of 60 discordant between the peak and C is too few for McNemar to reach
        // 80 % power at any decline up to 4/60, so the figure comes from n and p.
        QVERIFY(!stats::detectableDeclinePaired(4.0 / 60, 60, 0.05));
        QVERIFY(m->detectable && !m->detectable->paired);
        QCOMPARE(m->detectable->size, *stats::detectableDeclineUnpaired(40.0 / 60, 60, 0.05));
    }

    void powerFromRecordsIsPaired()
    {
        // 2 400 examples; the last evaluation disagrees with the peak on 480 (ψ = 0.2).
        std::vector<bool> peak = firstHits(1600, 2400), last = peak;
        for (int i = 0; i < 250; ++i)
            last[std::size_t(i)] = false; // right → wrong
        for (int i = 0; i < 230; ++i)
            last[std::size_t(1600 + i)] = true; // wrong → right
        Run run;
        run.name = "power";
        for (const auto &[name, hits] : {std::pair{"peak", peak}, std::pair{"last", last}}) {
            Checkpoint cp;
            cp.name = name;
            cp.metrics[metric::Real1] = fromHits("r", hits, true, "real:9f2c");
            run.checkpoints.push_back(cp);
        }
        const RunAnalysis ra = analyseRun(run, AnalysisSettings{});
        const MetricAnalysis *m = ra.find(metric::Real1);
        QVERIFY(m->detectable && m->detectable->paired);
        QCOMPARE(m->detectable->n, std::int64_t(2400));
        QCOMPARE(m->detectable->size, *stats::detectableDeclinePaired(0.2, 2400, 0.05));
        QVERIFY(m->detectable->size < *stats::detectableDeclineUnpaired(1600.0 / 2400, 2400, 0.05));
        QCOMPARE(m->declineTest.kind, TestKind::McNemarExact);
    }

    void flipsCountWhatChanged()
    {
        const Checkpoint a = scored("a", {1, 1, 0, 0, 1}, {1, 1, 1, 0, 1}, {1}, true);
        const Checkpoint b = scored("b", {1, 0, 1, 1, 0}, {1, 1, 1, 1, 1}, {1}, true);
        const auto f = flipsBetween(a, b, metric::Real1);
        QVERIFY(f);
        QCOMPARE(f->lost, (std::vector<std::string>{"r1", "r4"}));
        QCOMPARE(f->gained, (std::vector<std::string>{"r2", "r3"}));
        QCOMPARE(f->paired, std::int64_t(5));
        QCOMPARE(f->bothRight, std::int64_t(1));
        QCOMPARE(f->p, 1.0);
        std::string why;
        QVERIFY(!flipsBetween(a, sixtyEighty(false), metric::Real1, &why));
        QVERIFY(why.find("per-example records") != std::string::npos);
        Checkpoint partial = b;
        partial.metrics[metric::Real1].examples.pop_back();
        QVERIFY(!flipsBetween(a, partial, metric::Real1, &why));
        QVERIFY(why.find("same examples") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestScoreStatistics)
#include "tst_score_statistics.moc"
