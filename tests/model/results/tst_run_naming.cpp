// SPDX-License-Identifier: MIT
#include "results/result_types.h"
#include "results/run_naming.h"

#include <QtTest>

using namespace cs;

class TestRunNaming : public QObject
{
    Q_OBJECT
  private slots:
    void runName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("run");
        QTest::newRow("seed checkpoint path") << "runs/mlm_v2_scratch_1536/checkpoint-65/x"
                                              << "mlm_v2_scratch_1536";
        QTest::newRow("absolute path")
            << "/home/work/corefer/runs/combined_experiment/checkpoint-1188/x"
            << "combined_experiment";
        QTest::newRow("trainer folder") << "/data/mlm_synth_128/checkpoint-625/trainer_state.json"
                                        << "mlm_synth_128";
        QTest::newRow("saved with prefix")
            << "realdata/trainer_state/"
               "uelkerd__goemotions-deberta__logs_backup__Combined_05_Parallel__trainer_state.json"
            << "Combined_05_Parallel";
        QTest::newRow("prefix ending in checkpoint")
            << "x/subro608__Deep_learning_Bert_project2__checkpoint-2400__trainer_state.json"
            << "Deep_learning_Bert_project2";
        QTest::newRow("generic output folder")
            << "x/sliderSun__chinese_pytorch_pretrain_lm__output__all_results.json"
            << "chinese_pytorch_pretrain_lm";
        QTest::newRow("evaluation folder is not a run")
            << "samples/evaluation_results_20251011_191556/checkpoint-65_eval_results.json"
            << "samples";
    }
    void runName()
    {
        QFETCH(QString, path);
        QFETCH(QString, run);
        QCOMPARE(QString::fromStdString(runNameFromComponents(pathComponents(path.toStdString()))),
                 run);
    }

    void seqLen_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("length");
        QTest::newRow("suffix") << "mlm_v2_scratch_1536" << 1536;
        QTest::newRow("middle with timestamp") << "coref_finetune_2048_20251010_063737" << 2048;
        QTest::newRow("small") << "mlm_synth_128" << 128;
        QTest::newRow("len prefix") << "run-len512" << 512;
        QTest::newRow("none") << "combined_experiment" << 0;
        QTest::newRow("not a multiple of 64") << "Combined_05_Parallel" << 0;
        QTest::newRow("timestamp only") << "eval_20251010_063737" << 0;
    }
    void seqLen()
    {
        QFETCH(QString, name);
        QFETCH(int, length);
        QCOMPARE(seqLenFromName(name.toStdString()).value_or(0), length);
    }

    void experiment_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("experiment");
        QTest::newRow("mlm v2") << "mlm_v2_scratch_2048" << 2048 << "mlm_v2_scratch";
        QTest::newRow("timestamped")
            << "coref_finetune_2048_20251010_063737" << 2048 << "coref_finetune";
        QTest::newRow("no length in name")
            << "combined_experiment" << 1536 << "combined_experiment";
    }
    void experiment()
    {
        QFETCH(QString, name);
        QFETCH(int, length);
        QFETCH(QString, experiment);
        QCOMPARE(QString::fromStdString(experimentFromRunName(name.toStdString(), length)),
                 experiment);
    }

    void stepFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qlonglong>("step");
        QTest::newRow("checkpoint-390") << "checkpoint-390" << 390LL;
        QTest::newRow("eval results file") << "checkpoint-65_eval_results.json" << 65LL;
        QTest::newRow("revision") << "step13000" << 13000LL;
        QTest::newRow("none") << "final" << -1LL;
    }
    void stepFromName()
    {
        QFETCH(QString, name);
        QFETCH(qlonglong, step);
        QCOMPARE(static_cast<qlonglong>(stepFromCheckpointName(name.toStdString()).value_or(-1)),
                 step);
    }
};

QTEST_APPLESS_MAIN(TestRunNaming)
#include "tst_run_naming.moc"
