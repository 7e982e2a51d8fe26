// SPDX-License-Identifier: MIT
// The first user's evaluator outputs (shared/realdata/seed_system) and the bundled samples.
#include "report/format.h"
#include "report/report_builder.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace cs;
using cs::test::dataPath;

class TestSeedImport : public QObject
{
    Q_OBJECT
  private slots:
    void realFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("checkpoints");
        QTest::addColumn<QString>("realMetric");
        QTest::addColumn<bool>("realHasN");
        QTest::addColumn<int>("scores");
        QTest::newRow("partial") << "real_coref_results_partial.json" << 4 << 18 << "Real@1" << true
                                 << 18;
        QTest::newRow("combined final")
            << "real_coref_combined_results.json" << 2 << 10 << "Real@1" << true << 10;
        QTest::newRow("entity final")
            << "real_coref_entity_results.json" << 1 << 3 << "Real@1" << true << 3;
        QTest::newRow("simple final")
            << "real_coref_results.json" << 1 << 5 << "Real@1" << true << 5;
        QTest::newRow("reevaluation")
            << "reevaluation_results.json" << 2 << 10 << "coref_f1" << true << 10;
        QTest::newRow("combined csv")
            << "real_coref_combined_results.csv" << 2 << 10 << "Real@1" << false << 10;
        QTest::newRow("entity csv")
            << "real_coref_entity_results.csv" << 1 << 3 << "Real@1" << false << 3;
        QTest::newRow("simple csv") << "real_coref_results.csv" << 1 << 5 << "Real@1" << false << 5;
        QTest::newRow("reevaluation csv")
            << "reevaluation_results.csv" << 2 << 10 << "coref_f1" << false << 10;
    }
    void realFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, runs);
        QFETCH(int, checkpoints);
        QFETCH(QString, realMetric);
        QFETCH(bool, realHasN);
        QFETCH(int, scores);
        const ResultSet set = loadResults({dataPath("realdata/seed_system/" + file.toStdString())});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), runs);
        int total = 0, fileScores = 0;
        for (const Run &run : set.runs) {
            QVERIFY(run.seqLen == 1536 || run.seqLen == 2048);
            for (const Checkpoint &cp : run.checkpoints) {
                ++total;
                fileScores += int(cp.fileScores.size());
                // reevaluation_results.csv has no epoch column: its epochs stay unknown (a note
                // says so).
                QVERIFY2(cp.step && (cp.epoch || file == "reevaluation_results.csv"),
                         cp.name.c_str());
                const MetricValue &real = cp.metrics.at(realMetric.toStdString());
                const MetricValue &lambada = cp.metrics.at(metric::Lambada1);
                QCOMPARE(lambada.n.value_or(0), std::int64_t(600));
                if (realHasN)
                    QCOMPARE(real.n.value_or(0), std::int64_t(run.seqLen == 1536 ? 2400 : 3200));
                else
                    QVERIFY(!real.n);
            }
        }
        QCOMPARE(total, checkpoints);
        QCOMPARE(fileScores, scores);
        const auto analysed = analyseAll(set, AnalysisSettings{});
        for (const auto &ra : analysed.analyses)
            QVERIFY2(ra.scoreFlags.empty(), ra.runKey.c_str());
        std::size_t checked = 0; // every file score was recomputed from its own metrics
        for (const auto &ra : analysed.analyses)
            checked += ra.fileScoresChecked;
        QCOMPARE(int(checked), scores);
    }

    void partialHoldsTheSeedRuns()
    {
        const ResultSet set =
            loadResults({dataPath("realdata/seed_system/real_coref_results_partial.json")});
        const Run *entity = set.findRun("coref_finetune_2048_20251010_063737@2048");
        QVERIFY(entity);
        QCOMPARE(entity->experiment, std::string("coref_finetune"));
        const Checkpoint *cp = cs::test::findCheckpoint(*entity, "checkpoint-1600");
        QVERIFY(cp);
        QVERIFY(qAbs(*cp->epoch - 2.8426666666666667) < 1e-12);
        QCOMPARE(cp->fileScores.front().value, 0.6314375);
        QVERIFY(set.findRun("combined_experiment@1536"));
        QVERIFY(set.findRun("combined_experiment@2048"));
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "partial", "status", "in_progress"));
    }

    void folderReadsJsonAndSkipsCompanionCsv()
    {
        const ResultSet set = loadResults({dataPath("realdata/seed_system")});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 4);
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "reevaluation_results.csv", "",
                                     "CSV companion"));
        // The reevaluation's older pronoun metric stays under its own name beside Real@1.
        const Run *combined = set.findRun("combined_experiment@1536");
        const Checkpoint *cp = cs::test::findCheckpoint(*combined, "checkpoint-1188");
        QVERIFY(cp->metrics.count("coref_f1") && cp->metrics.count(metric::Real1));
        QVERIFY(cp->metrics.at("coref_f1").value < 0.05);
    }

    void samplesReproduceTheSeedTables()
    {
        const ResultSet set = loadResults({CLOZESCOPE_SAMPLES});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        std::ifstream in(dataPath("seed/seed_tables.csv"));
        std::string line;
        std::getline(in, line);
        int rows = 0;
        while (std::getline(in, line)) {
            std::stringstream ss(line);
            std::string f[8];
            for (auto &x : f)
                std::getline(ss, x, ',');
            const std::string runKey = f[0] == "mlm_v2" ? "mlm_v2_scratch_" + f[1] + "@" + f[1]
                                       : f[0] == "combined"
                                           ? "combined_experiment@" + f[1]
                                           : "coref_finetune_2048_20251010_063737@2048";
            const Run *run = set.findRun(runKey);
            QVERIFY2(run, runKey.c_str());
            const Checkpoint *cp = cs::test::findCheckpoint(*run, "checkpoint-" + f[2]);
            QVERIFY2(cp, line.c_str());
            QCOMPARE(fmt::epoch(std::round(*cp->epoch * 100) / 100), f[3]);
            QCOMPARE(fmt::value(cp->metrics.at(metric::Real1).value), f[4]);
            QCOMPARE(fmt::value(cp->metrics.at(metric::Real5).value), f[5]);
            QCOMPARE(fmt::value(cp->metrics.at(metric::Lambada1).value), f[6]);
            ++rows;
        }
        QCOMPARE(rows, 33);
        const Run *mlm = set.findRun("mlm_v2_scratch_1536@1536");
        QCOMPARE(mlm->stepsPerEpochSource, std::string("workspace"));
        QCOMPARE(*cs::test::findCheckpoint(*mlm, "checkpoint-650")->epoch, 5.0);
        QCOMPARE(*cs::test::findCheckpoint(*mlm, "checkpoint-655")->epoch, 5.0);
        QCOMPARE(cs::test::findCheckpoint(*mlm, "checkpoint-390")
                     ->metrics.at(metric::Real1)
                     .n.value_or(0),
                 std::int64_t(2400));
    }
};

QTEST_APPLESS_MAIN(TestSeedImport)
#include "tst_seed_import.moc"
