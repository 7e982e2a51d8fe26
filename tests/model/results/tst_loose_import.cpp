// SPDX-License-Identifier: MIT
// Hand-written JSON shapes, JSON Lines, the fine-tuning scripts' files, ClozeScope's own format.
#include "formats/aliases_format.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;
using cs::test::writeFile;

class TestLooseImport : public QObject
{
    Q_OBJECT
  private slots:
    void shapes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("run");
        QTest::addColumn<int>("checkpoints");
        QTest::newRow("checkpoint map")
            << "myrun_512/results.json"
            << QByteArray(R"({"checkpoint-100": {"Real@1": 0.61, "real@5": 0.8},
                                                        "checkpoint-200": {"real_top1": 0.63, "eval_real@5": 0.82}})")
            << "myrun_512@512" << 2;
        QTest::newRow("record list")
            << "exp/records.json" << QByteArray(R"([{"step": 10, "epoch": 0.5, "real1": 0.5},
                                                     {"checkpoint": "checkpoint-20", "epoch": 1.0, "real1": 0.55}])")
            << "exp" << 2;
        QTest::newRow("nested by run")
            << "nested.json"
            << QByteArray(
                   R"({"alpha": {"checkpoint-1": {"Real@1": 0.1}, "checkpoint-2": {"Real@1": 0.2}},
                            "beta": [{"step": 5, "Real@1": 0.3}]})")
            << "alpha" << 2;
        QTest::newRow("half_epoch_eval.jsonl")
            << "runs/combined_v2/half_epoch_eval.jsonl"
            << QByteArray("{\"epoch\": 0.5, \"step\": 65, \"lambada_top1\": 0.58, \"real1\": 0.61, "
                          "\"real5\": 0.78, "
                          "\"score\": 0.6534}\n{\"epoch\": 5.0, \"step\": null, \"lambada_top1\": "
                          "0.62, \"real1\": 0.64, "
                          "\"real5\": 0.81, \"score\": 0.685}\n")
            << "combined_v2" << 2;
        QTest::newRow("eval_history.json")
            << "runs/entity_coref_finetune/coref_finetune_2048_20251010_063737/eval_history.json"
            << QByteArray(
                   R"([{"step": 100, "lambada_top1": 0.55, "real1": 0.62, "real5": 0.795, "time": 48.1},
                            {"step": 200, "lambada_top1": 0.57, "real1": 0.645, "real5": 0.81, "time": 47.9}])")
            << "coref_finetune_2048_20251010_063737@2048" << 2;
        QTest::newRow("final_results.json")
            << "runs/entity_coref_finetune/ft_2048_x/final_results.json"
            << QByteArray(
                   R"({"checkpoint": "runs/combined_experiment/checkpoint-410", "seq_len": 2048, "epochs": 5,
                            "lambada_top1": 0.66, "real1": 0.6778125, "real5": 0.824375, "coref_samples": 1600,
                            "train_time_minutes": 93.4, "eval_time_seconds": 388.1, "finished_at": "2025"})")
            << "ft_2048_x@2048" << 1;
    }
    void shapes()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(QString, run);
        QFETCH(int, checkpoints);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, name, text);
        const ResultSet set = loadResults({path});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run *r = set.findRun(run.toStdString());
        QVERIFY2(r, cs::test::problemText(set) + set.runs.front().key().c_str());
        QCOMPARE(int(r->checkpoints.size()), checkpoints);
        for (const auto &cp : r->checkpoints)
            QVERIFY(cp.metrics.count(metric::Real1));
    }

    void carriageReturnOnlyCsv()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(
            dir, "run_a/results.csv",
            "checkpoint,real1\rruns/run_a/checkpoint-1,0.5\rruns/run_a/checkpoint-2,0.6\r");
        const ResultSet set = loadResults({path});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.front().checkpoints.size()), 2);
    }

    void companionCsvIsReadWhenItsJsonHoldsNothing()
    {
        QTemporaryDir dir;
        writeFile(dir, "run_a/real_coref_results.json",
                  R"({"comment": "crashed before writing results"})");
        writeFile(dir, "run_a/real_coref_results.csv",
                  "checkpoint,seq_len,lambada_top1,real1,real5,score,epoch\n"
                  "runs/run_a/checkpoint-10,512,0.35,0.6,0.8,0.585,1.0\n");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QCOMPARE(int(set.runs.size()), 1);
        QCOMPARE(set.runs.front().key(), std::string("run_a@512"));
    }

    void finalResultsUsesItsOwnRunAndCounts()
    {
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir, "runs/ft/final_results.json",
                      R"({"checkpoint": "runs/combined_experiment/checkpoint-410", "seq_len": 2048,
                                               "epochs": 5, "lambada_top1": 0.66, "real1": 0.6778125,
                                               "real5": 0.824375, "coref_samples": 1600})");
        const ResultSet set = loadResults({path});
        const Checkpoint &cp = set.findRun("ft@2048")->checkpoints.front();
        QCOMPARE(cp.name, std::string("final"));
        QCOMPARE(*cp.epoch, 5.0);
        QCOMPARE(*cp.metrics.at(metric::Real1).n, std::int64_t(1600));
        QCOMPARE(*cp.metrics.at(metric::Lambada1).n, std::int64_t(600));
    }

    void aliasFileMapsNames()
    {
        QTemporaryDir dir;
        const std::string aliasPath =
            writeFile(dir, "aliases.json", R"({"aliases": {"coref_f1": "Real@1"},
                                                                        "lower_is_better": ["my_error"]})");
        MetricAliases aliases;
        QVERIFY(aliases.canonical("coref_f1") == "coref_f1");
        QCOMPARE(readAliasesFile(aliasPath, aliases), std::string());
        QCOMPARE(aliases.canonical("COREF_F1"), metric::Real1);
        QVERIFY(aliases.lowerIsBetter("my_error"));
        QVERIFY(aliases.lowerIsBetter("eval_loss"));
        QVERIFY(!aliases.lowerIsBetter(metric::Real1));
        const std::string bad = writeFile(dir, "bad.json", R"({"aliases": ["x"]})");
        QVERIFY(readAliasesFile(bad, aliases).find("must be an object") != std::string::npos);
    }

    void ownFormatWithExamples()
    {
        QTemporaryDir dir;
        writeFile(
            dir, "out/checkpoint-390.examples.jsonl",
            "{\"id\": \"r1\", \"dataset\": \"real\", \"rank\": 1, \"hits\": {\"1\": true, \"5\": "
            "true}}\n"
            "{\"id\": \"r2\", \"dataset\": \"real\", \"rank\": null, \"hits\": {\"1\": false, "
            "\"5\": false}}\n"
            "{\"id\": \"l1\", \"dataset\": \"lambada\", \"rank\": 3, \"hits\": {\"1\": false}}\n");
        const std::string path = writeFile(dir, "out/checkpoint-390.results.json", R"({
            "format": "clozescope-results", "version": 1,
            "run": {"name": "mlm_v2_scratch_1536", "seq_len": 1536, "steps_per_epoch": 131},
            "checkpoint": {"name": "checkpoint-390", "step": 390},
            "datasets": {"real": {"file": "real.jsonl", "sha256": "abcdef0123456789", "n": 2}},
            "metrics": {"Real@1": {"value": 0.5, "count": 1, "n": 2, "dataset": "real", "k": 1},
                        "Real@5": {"value": 0.5, "n": 2, "dataset": "real", "k": 5},
                        "LAMBADA@1": {"value": 0.0, "n": 1, "dataset": "lambada", "k": 1}},
            "examples": "checkpoint-390.examples.jsonl"})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run *r = set.findRun("mlm_v2_scratch_1536@1536");
        QVERIFY(r);
        const Checkpoint &cp = r->checkpoints.front();
        QCOMPARE(*cp.epoch, 3.0); // 390 / 131 rounded to 0.1
        QCOMPARE(cp.metrics.at(metric::Real1).examples.size(), std::size_t(2));
        QCOMPARE(cp.metrics.at(metric::Real1).dataset, std::string("real:abcdef012345"));
        QCOMPARE(cp.metrics.at(metric::Lambada1).examples.size(), std::size_t(1));
        QVERIFY(cp.metrics.at(metric::Real5).examples.front().hit);
    }

    void ownFormatSidecarOutsideItsFolderIsNotRead_data()
    {
        QTest::addColumn<QString>("sidecar");
        QTest::newRow("parent folder") << "../stolen.examples.jsonl";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("endless device") << "/dev/zero";
    }
    void ownFormatSidecarOutsideItsFolderIsNotRead()
    {
        // A results file someone sent reaches nothing outside its folder: records waiting in
        // the parent are not read, /dev/zero is not read until memory runs out.
        QFETCH(QString, sidecar);
        QTemporaryDir dir;
        writeFile(dir, "stolen.examples.jsonl",
                  "{\"id\": \"r1\", \"dataset\": \"real\", \"hits\": {\"1\": true}}\n");
        writeFile(dir, "out/checkpoint-390.results.json",
                  QString(R"({"format": "clozescope-results", "version": 1,
            "run": {"name": "sent"}, "checkpoint": {"name": "checkpoint-390", "step": 390},
            "metrics": {"Real@1": {"value": 1.0, "n": 1, "dataset": "real", "k": 1}},
            "examples": "%1"})")
                      .arg(sidecar)
                      .toUtf8());
        const ResultSet set = loadResults({dir.filePath("out").toStdString()});
        const Run *r = set.findRun("sent");
        QVERIFY2(r, cs::test::problemText(set));
        QVERIFY(r->checkpoints.front().metrics.at(metric::Real1).examples.empty());
        QVERIFY2(cs::test::hasProblem(set, Severity::Warning, "checkpoint-390.results.json",
                                      "examples", "per-example file not read"),
                 cs::test::problemText(set));
    }

    void newerVersionIsRefused()
    {
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir, "r.json", R"({"format": "clozescope-results", "version": 2})");
        const ResultSet set = loadResults({path});
        QVERIFY(cs::test::hasProblem(set, Severity::Error, "r.json", "version", "newer"));
    }

    void unrelatedJsonInFolderIsSkippedQuietly()
    {
        QTemporaryDir dir;
        writeFile(dir, "run_a/notes.json", R"({"author": "me", "comment": "not results"})");
        writeFile(dir, "run_a/config.json", R"({"model_type": "deberta-v2"})");
        writeFile(dir, "run_a/data.jsonl", "{\"text\": \"a [MASK] b\", \"answer\": \"x\"}\n");
        writeFile(
            dir, "run_a/checkpoint-5_eval_results.json",
            R"({"checkpoint": "runs/run_a/checkpoint-5", "seq_len": 512, "real1": 0.5, "coref_samples": 10})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 1);
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "notes.json", "", "no results"));
    }
};

QTEST_APPLESS_MAIN(TestLooseImport)
#include "tst_loose_import.moc"
