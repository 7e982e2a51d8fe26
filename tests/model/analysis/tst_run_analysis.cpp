// SPDX-License-Identifier: MIT
// Analysis of the bundled samples must reproduce the seed figures of design §3.
#include "analysis/run_analysis.h"
#include "report/format.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;

class TestRunAnalysis : public QObject
{
    Q_OBJECT
  private:
    ResultSet m_samples;

    const Run &run(const std::string &key)
    {
        const Run *r = m_samples.findRun(key);
        if (!r) qFatal("run %s missing", key.c_str());
        return *r;
    }

    static Checkpoint checkpoint(std::int64_t step, double real1, double real5, double lambada)
    {
        Checkpoint cp;
        cp.step = step;
        cp.epoch = step / 10.0;
        cp.name = "checkpoint-" + std::to_string(step);
        cp.metrics[metric::Real1].value = real1;
        cp.metrics[metric::Real5].value = real5;
        cp.metrics[metric::Lambada1].value = lambada;
        return cp;
    }

  private slots:
    void initTestCase()
    {
        m_samples = loadResults({CLOZESCOPE_SAMPLES});
        QVERIFY(!m_samples.hasInputProblems());
    }

    void seedPeaks_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("peak");
        QTest::addColumn<QString>("epoch");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("verdict");
        QTest::newRow("MLM v2 @1536 Real@1") << "mlm_v2_scratch_1536@1536"
                                             << "Real@1"
                                             << "checkpoint-390"
                                             << "3.0"
                                             << "0.6604"
                                             << "-1.37" << int(Verdict::WithinNoise);
        QTest::newRow("MLM v2 @2048 Real@1") << "mlm_v2_scratch_2048@2048"
                                             << "Real@1"
                                             << "checkpoint-55"
                                             << "0.5"
                                             << "0.6531"
                                             << "-0.78" << int(Verdict::WithinNoise);
        QTest::newRow("Combined @1536 Real@1") << "combined_experiment@1536"
                                               << "Real@1"
                                               << "checkpoint-1980"
                                               << "5.0"
                                               << "0.6675"
                                               << "+0.00" << int(Verdict::NoDecline);
        QTest::newRow("Entity-FT score")
            << "coref_finetune_2048_20251010_063737@2048"
            << "score"
            << "checkpoint-1600"
            << "2.843"
            << "0.6314"
            << "-0.03" << int(Verdict::WithinNoise); // now tested: z on the delta method
    }
    void seedPeaks()
    {
        QFETCH(QString, run);
        QFETCH(QString, metric);
        QFETCH(QString, peak);
        QFETCH(QString, epoch);
        QFETCH(QString, value);
        QFETCH(QString, change);
        QFETCH(int, verdict);
        const Run &r = this->run(run.toStdString());
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        const MetricAnalysis *m = ra.find(metric.toStdString());
        QVERIFY(m);
        QCOMPARE(QString::fromStdString(r.checkpoints[m->peak].name), peak);
        QCOMPARE(QString::fromStdString(fmt::epoch(r.checkpoints[m->peak].epoch)), epoch);
        QCOMPARE(QString::fromStdString(fmt::value(*metricValue(r, &ra, m->peak, m->metric))),
                 value);
        QCOMPARE(
            QString::fromStdString(fmt::difference(*metricValue(r, &ra, m->peak, m->metric),
                                                   *metricValue(r, &ra, m->last, m->metric), true)),
            change);
        QCOMPARE(int(m->verdict), verdict);
    }

    void largestDeclineIsNotSignificant()
    {
        const Run &r = run("mlm_v2_scratch_1536@1536");
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        const MetricAnalysis *m = ra.find(metric::Real1);
        QCOMPARE(r.checkpoints[m->last].name, std::string("checkpoint-655"));
        QVERIFY(m->declineTest.p);
        QVERIFY2(qAbs(*m->declineTest.p - 0.317) < 0.005, QByteArray::number(*m->declineTest.p));
        QVERIFY(m->declineTest.test.find("unpaired") != std::string::npos);
        QCOMPARE(m->withinNoise.size(), std::size_t(10));
        for (const Run &any : m_samples.runs)
            for (const auto &ma : analyseRun(any, AnalysisSettings{}).metrics)
                QVERIFY2(ma.verdict != Verdict::SignificantDecline,
                         (any.key() + " " + ma.metric).c_str());
    }

    void compositeForEveryCheckpoint()
    {
        for (const Run &r : m_samples.runs) {
            const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
            for (const auto &c : ra.composite)
                QVERIFY(c.has_value());
            QVERIFY(ra.scoreFlags.empty());
        }
        const Run &r = run("mlm_v2_scratch_1536@1536");
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        QVERIFY(qAbs(*ra.composite[0] - (0.4 * 1574 / 2400 + 0.3 * 1960 / 2400 + 0.3 * 214 / 600)) <
                1e-12);
        AnalysisSettings onlyReal1;
        onlyReal1.weights = {{metric::Real1, 1.0}};
        QCOMPARE(*analyseRun(r, onlyReal1).composite[0],
                 r.checkpoints[0].metrics.at(metric::Real1).value);
    }

    void earlyStopping_data()
    {
        QTest::addColumn<int>("patience");
        QTest::addColumn<bool>("stopped");
        QTest::addColumn<QString>("stopAt");
        QTest::addColumn<QString>("restored");
        QTest::newRow("patience 2") << 2 << true << "1.5"
                                    << "checkpoint-65";
        QTest::newRow("patience 4") << 4 << true << "2.5"
                                    << "checkpoint-65";
        QTest::newRow("patience 5") << 5 << true << "5.0"
                                    << "checkpoint-390";
        QTest::newRow("patience 6") << 6 << false << "5.0"
                                    << "checkpoint-390";
    }
    void earlyStopping()
    {
        QFETCH(int, patience);
        QFETCH(bool, stopped);
        QFETCH(QString, stopAt);
        QFETCH(QString, restored);
        const Run &r = run("mlm_v2_scratch_1536@1536");
        AnalysisSettings s;
        s.earlyStop.patience = patience;
        const RunAnalysis ra = analyseRun(r, s);
        QVERIFY(ra.earlyStop);
        QCOMPARE(ra.earlyStop->metric, metric::Real1);
        QCOMPARE(ra.earlyStop->stopped, stopped);
        QCOMPARE(QString::fromStdString(fmt::epoch(r.checkpoints[ra.earlyStop->stopAt].epoch)),
                 stopAt);
        QCOMPARE(QString::fromStdString(r.checkpoints[ra.earlyStop->restored].name), restored);
        if (patience == 5)
            QCOMPARE(r.checkpoints[ra.earlyStop->stopAt].name, std::string("checkpoint-655"));
    }

    void earlyStoppingThreshold()
    {
        // 0.50, 0.505 (+0.005 <= threshold 0.01: counter 1 but best moves), 0.51 (+0.005 vs best):
        // stop.
        const auto es = simulateEarlyStopping({0.50, 0.505, 0.51, 0.60}, false, 2, 0.01);
        QVERIFY(es.stopped);
        QCOMPARE(es.stopAt, std::size_t(2));
        QCOMPARE(es.restored, std::size_t(2));
        const auto loss = simulateEarlyStopping({3.0, 2.0, 2.5, 2.6}, true, 2, 0.0);
        QVERIFY(loss.stopped);
        QCOMPARE(loss.restored, std::size_t(1));
    }

    void peakTies()
    {
        Run r;
        r.name = "tie";
        r.checkpoints = {checkpoint(10, 0.6, 0.80, 0.30), checkpoint(20, 0.6, 0.82, 0.30),
                         checkpoint(30, 0.6, 0.82, 0.30), checkpoint(40, 0.5, 0.70, 0.20)};
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        QCOMPARE(ra.find(metric::Real1)->peak, std::size_t(1)); // higher composite, then earlier
        QCOMPARE(ra.find(metric::Real1)->verdict, Verdict::Untested); // no n: no test invented
        QVERIFY(!metricInterval(r.checkpoints[0], metric::Real1, 0.95));
    }

    void lowerIsBetter()
    {
        Run r;
        r.name = "loss";
        for (int i = 1; i <= 3; ++i) {
            Checkpoint cp;
            cp.step = i;
            cp.name = "checkpoint-" + std::to_string(i);
            cp.metrics["eval_loss"].value = i == 2 ? 1.0 : 2.0;
            r.checkpoints.push_back(cp);
        }
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        const MetricAnalysis *m = ra.find("eval_loss");
        QVERIFY(m->lowerIsBetter && !m->proportion);
        QCOMPARE(m->peak, std::size_t(1));
        QCOMPARE(m->change, 1.0);
        QCOMPARE(ra.criterion, std::string("eval_loss"));
    }

    void pairedTestWhenExamplesExist()
    {
        Checkpoint a = checkpoint(1, 0.5, 0.8, 0.3), b = checkpoint(2, 0.2, 0.8, 0.3);
        for (int i = 0; i < 10; ++i) {
            a.metrics[metric::Real1].examples.push_back({"e" + std::to_string(i), i < 5});
            b.metrics[metric::Real1].examples.push_back({"e" + std::to_string(i), i < 2});
        }
        a.metrics[metric::Real1].n = b.metrics[metric::Real1].n = 10;
        const DifferenceTest t = compareCheckpoints(a, b, metric::Real1);
        QVERIFY(t.test.find("McNemar") != std::string::npos);
        QCOMPARE(*t.p, 0.25); // 3 discordant pairs, all one way: 2 · (1/2)^3
    }

    void partialExamplesFallBackToUnpaired()
    {
        Checkpoint a = checkpoint(1, 0.5, 0.8, 0.3), b = checkpoint(2, 0.2, 0.8, 0.3);
        a.metrics[metric::Real1].n = b.metrics[metric::Real1].n = 10;
        for (int i = 0; i < 4; ++i) { // only 4 of the 10 examples recorded
            a.metrics[metric::Real1].examples.push_back({"e" + std::to_string(i), true});
            b.metrics[metric::Real1].examples.push_back({"e" + std::to_string(i), false});
        }
        const DifferenceTest t = compareCheckpoints(a, b, metric::Real1);
        QVERIFY(t.test.find("unpaired") != std::string::npos);
    }

    void disagreeingFileScoreIsFlagged()
    {
        Run r;
        r.name = "flagged";
        Checkpoint cp = checkpoint(65, 0.6558, 0.8167, 0.3567);
        cp.fileScores.push_back(
            {0.6190, {metric::Real1, metric::Real5, metric::Lambada1}, "report: row 1"});
        r.checkpoints = {cp};
        const RunAnalysis ra = analyseRun(r, AnalysisSettings{});
        QCOMPARE(ra.fileScoresChecked, std::size_t(1));
        QCOMPARE(ra.scoreFlags.size(), std::size_t(1));
        QVERIFY(qAbs(ra.scoreFlags.front().computed - 0.61434) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestRunAnalysis)
#include "tst_run_analysis.moc"
