// SPDX-License-Identifier: MIT
// Step -> epoch: an explicit epoch wins, then trainer_state.json, then steps per epoch.
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;
using cs::test::writeFile;

class TestEpochMapping : public QObject
{
    Q_OBJECT
  private:
    static void writeCheckpoint(const QTemporaryDir &dir, const QString &run, int step,
                                const QString &extra = {})
    {
        writeFile(dir, QString("eval/%1/checkpoint-%2_eval_results.json").arg(run).arg(step),
                  QString(R"({"checkpoint": "runs/%1/checkpoint-%2", "real1": 0.5%3})")
                      .arg(run)
                      .arg(step)
                      .arg(extra)
                      .toUtf8());
    }

  private slots:
    void stepsPerEpochFromWorkspace_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("epoch");
        QTest::newRow("65 / 131") << 65 << 0.5;
        QTest::newRow("390 / 131") << 390 << 3.0;
        QTest::newRow("650 / 131") << 650 << 5.0;
        QTest::newRow("655 / 131") << 655 << 5.0;
    }
    void stepsPerEpochFromWorkspace()
    {
        QFETCH(int, step);
        QFETCH(double, epoch);
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", step);
        writeFile(
            dir, "clozescope.workspace.json",
            R"({"format": "clozescope-workspace", "version": 1, "runs": {"run_a": {"steps_per_epoch": 131}}})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        const Checkpoint &cp = set.runs.front().checkpoints.front();
        QCOMPARE(*cp.epoch, epoch);
        QCOMPARE(cp.epochSource, EpochSource::StepsPerEpoch);
    }

    void sameEpochCheckpointsAreKept()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 650);
        writeCheckpoint(dir, "run_a", 655);
        LoadOptions o;
        o.stepsPerEpoch["run_a"] = 131;
        const ResultSet set = loadResults({dir.path().toStdString()}, o);
        QCOMPARE(int(set.runs.front().checkpoints.size()), 2);
        QCOMPARE(set.runs.front().checkpoints[0].name, std::string("checkpoint-650"));
        QCOMPARE(set.runs.front().checkpoints[1].name, std::string("checkpoint-655"));
    }

    void explicitEpochWins()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 400, R"(, "epoch": 2.84)");
        LoadOptions o;
        o.stepsPerEpoch["run_a"] = 100;
        const ResultSet set = loadResults({dir.path().toStdString()}, o);
        QCOMPARE(*set.runs.front().checkpoints.front().epoch, 2.84);
        QCOMPARE(set.runs.front().checkpoints.front().epochSource, EpochSource::File);
    }

    void trainerStateGivesEpochs()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 63);
        writeCheckpoint(dir, "run_a", 70);
        writeFile(
            dir, "train/run_a/checkpoint-63/trainer_state.json",
            R"({"global_step": 63, "log_history": [{"epoch": 0.504, "step": 63, "loss": 2.0}]})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        const Run &run = set.runs.front();
        QCOMPARE(*run.checkpoints[0].epoch, 0.504);
        QCOMPARE(run.checkpoints[0].epochSource, EpochSource::TrainerState);
        QCOMPARE(*run.checkpoints[1].epoch, 0.6); // 70 / 125 from the same trainer_state, rounded
        QCOMPARE(run.checkpoints[1].epochSource, EpochSource::StepsPerEpoch);
    }

    void userOverridesWorkspace()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 200);
        writeFile(
            dir, "clozescope.workspace.json",
            R"({"format": "clozescope-workspace", "version": 1, "runs": {"run_a": {"steps_per_epoch": 100}}})");
        LoadOptions o;
        o.stepsPerEpoch["run_a"] = 400;
        const ResultSet set = loadResults({dir.path().toStdString()}, o);
        QCOMPARE(*set.runs.front().checkpoints.front().epoch, 0.5);
        QCOMPARE(set.runs.front().stepsPerEpochSource, std::string("user"));
    }

    void userRunKeyOverridesWorkspaceRunName()
    {
        QTemporaryDir dir;
        writeFile(dir, "eval/checkpoint-260_eval_results.json",
                  R"({"checkpoint": "runs/run_1536/checkpoint-260", "real1": 0.5})");
        writeFile(
            dir, "clozescope.workspace.json",
            R"({"format": "clozescope-workspace", "version": 1, "runs": {"run_1536": {"steps_per_epoch": 131}}})");
        LoadOptions o;
        o.stepsPerEpoch["run_1536@1536"] = 130;
        const ResultSet set = loadResults({dir.path().toStdString()}, o);
        QCOMPARE(*set.runs.front().stepsPerEpoch, 130.0);
        QCOMPARE(*set.runs.front().checkpoints.front().epoch, 2.0);
    }

    void unknownEpochIsANote()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 200);
        const ResultSet set = loadResults({dir.path().toStdString()});
        QVERIFY(!set.runs.front().checkpoints.front().epoch);
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "", "", "--steps-per-epoch run_a=N"));
        QVERIFY(!set.hasInputProblems());
    }

    void epochDecimalsSetting()
    {
        QTemporaryDir dir;
        writeCheckpoint(dir, "run_a", 390);
        LoadOptions o;
        o.stepsPerEpoch["run_a"] = 131;
        o.epochDecimals = 2;
        const ResultSet set = loadResults({dir.path().toStdString()}, o);
        QCOMPARE(*set.runs.front().checkpoints.front().epoch, 2.98);
    }
};

QTEST_APPLESS_MAIN(TestEpochMapping)
#include "tst_epoch_mapping.moc"
