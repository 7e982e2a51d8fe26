// SPDX-License-Identifier: MIT
// Hugging Face Trainer outputs, real files as they are.
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;
using cs::test::dataPath;

class TestTrainerImport : public QObject
{
    Q_OBJECT
  private slots:
    void realFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("run");
        QTest::addColumn<int>("checkpoints");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("firstCheckpoint");
        QTest::addColumn<double>("firstEpoch");
        QTest::addColumn<double>("firstValue");
        QTest::addColumn<QString>("best");
        QTest::newRow("goemotions deberta")
            << "uelkerd__goemotions-deberta__logs_backup__Combined_05_Parallel__trainer_state.json"
            << "Combined_05_Parallel" << 2 << "eval_f1_macro"
            << "checkpoint-4397" << 1.0 << 0.0 << "checkpoint-8794";
        QTest::newRow("roberta lora, fractional epochs")
            << "subro608__Deep_learning_Bert_project2__checkpoint-2400__trainer_state.json"
            << "Deep_learning_Bert_project2" << 24 << "eval_accuracy"
            << "checkpoint-100" << 0.013404825737265416 << 0.7328125 << "";
        QTest::newRow("all_results")
            << "sliderSun__chinese_pytorch_pretrain_lm__output__all_results.json"
            << "chinese_pytorch_pretrain_lm" << 1 << "eval_accuracy"
            << "final" << 3.0 << 0.025 << "";
        QTest::newRow("eval_results")
            << "sliderSun__chinese_pytorch_pretrain_lm__output__eval_results.json"
            << "chinese_pytorch_pretrain_lm" << 1 << "perplexity"
            << "final" << 3.0 << 5734.713433449494 << "";
    }
    void realFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, run);
        QFETCH(int, checkpoints);
        QFETCH(QString, metric);
        QFETCH(QString, firstCheckpoint);
        QFETCH(double, firstEpoch);
        QFETCH(double, firstValue);
        QFETCH(QString, best);
        const ResultSet set =
            loadResults({dataPath("realdata/trainer_state/" + file.toStdString())});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 1);
        const Run &r = set.runs.front();
        QCOMPARE(QString::fromStdString(r.name), run);
        QCOMPARE(int(r.checkpoints.size()), checkpoints);
        const Checkpoint &cp = r.checkpoints.front();
        QCOMPARE(QString::fromStdString(cp.name), firstCheckpoint);
        QCOMPARE(*cp.epoch, firstEpoch);
        QVERIFY(cp.metrics.count(metric.toStdString()));
        if (firstValue != 0.0) QCOMPARE(cp.metrics.at(metric.toStdString()).value, firstValue);
        if (best.isEmpty())
            QVERIFY(!r.trainerBest);
        else
            QCOMPARE(QString::fromStdString(r.trainerBest->checkpoint), best);
    }

    void trainingLogOnlyIsANote()
    {
        const ResultSet set = loadResults(
            {dataPath("realdata/trainer_state/"
                      "sliderSun__chinese_pytorch_pretrain_lm__output__trainer_state.json")});
        QVERIFY(set.runs.empty());
        QVERIFY(!set.hasInputProblems());
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "trainer_state", "log_history",
                                     "no evaluation entries"));
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "", "", "nothing to show"));
    }

    void outputFolderGivesFinalStep()
    {
        // all_results + eval_results + trainer_state of one output folder: one final checkpoint at
        // step 78.
        const ResultSet set = loadResults({dataPath("realdata/trainer_state")});
        const Run *r = set.findRun("chinese_pytorch_pretrain_lm");
        QVERIFY(r);
        QCOMPARE(int(r->checkpoints.size()), 1);
        QCOMPARE(r->checkpoints.front().name, std::string("checkpoint-78"));
        QCOMPARE(r->checkpoints.front().metrics.size(),
                 std::size_t(3)); // eval_accuracy, eval_loss, perplexity
    }

    void trainerRunFolderIsOneRun()
    {
        const ResultSet set = loadResults({dataPath("trainer-run/mlm_synth_128")});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 1);
        const Run &r = set.runs.front();
        QCOMPARE(r.name, std::string("mlm_synth_128"));
        QCOMPARE(int(r.checkpoints.size()), 10);
        const std::int64_t steps[] = {63, 126, 189, 252, 315, 378, 441, 504, 567, 625};
        for (int i = 0; i < 10; ++i) {
            const Checkpoint &cp = r.checkpoints[i];
            QCOMPARE(*cp.step, steps[i]);
            QVERIFY(cp.metrics.count("eval_loss") && cp.metrics.count("eval_accuracy"));
        }
        QCOMPARE(*r.checkpoints[0].epoch, 0.504);
        QCOMPARE(*r.checkpoints[9].epoch, 5.0);
        QCOMPARE(r.checkpoints[3].metrics.at("eval_accuracy").value, 0.7644824385643005);
        QCOMPARE(r.checkpoints[9].metrics.at("eval_loss").value, 0.8975587487220764);
        QVERIFY(r.trainerBest);
        QCOMPARE(r.trainerBest->checkpoint, std::string("checkpoint-252"));
        QCOMPARE(*r.stepsPerEpoch, 125.0);
    }
};

QTEST_APPLESS_MAIN(TestTrainerImport)
#include "tst_trainer_import.moc"
