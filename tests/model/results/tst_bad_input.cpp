// SPDX-License-Identifier: MIT
// Broken input: each case reports file, place and reason, keeps what is valid, never crashes.
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;
using cs::test::writeFile;

Q_DECLARE_METATYPE(cs::Severity)

class TestBadInput : public QObject
{
    Q_OBJECT
  private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<cs::Severity>("severity");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("kept"); // checkpoints still imported from the file

        const auto E = Severity::Error, W = Severity::Warning;
        QTest::newRow("malformed json")
            << "checkpoint-5_eval_results.json" << QByteArray("{\"real1\": 0.5,, }") << E
            << "line 1, column 15"
            << "malformed" << 0;
        QTest::newRow("truncated json")
            << "checkpoint-5_eval_results.json"
            << QByteArray("{\"checkpoint\": \"runs/a/checkpoint-5\", \"real1\": 0.") << E
            << "line 1"
            << "truncated" << 0;
        QTest::newRow("empty json") << "results.json" << QByteArray("") << E << "line 1"
                                    << "empty" << 0;
        QTest::newRow("empty csv") << "results.csv" << QByteArray("\n") << E << "line 1"
                                   << "empty" << 0;
        QTest::newRow("not utf-8")
            << "results.json" << QByteArray("{\"checkpoint-1\": {\"re\xff\xfe\": 0.5}}") << E
            << "line 1"
            << "malformed" << 0;
        QTest::newRow("wrong-typed metric")
            << "checkpoint-5_eval_results.json"
            << QByteArray(
                   R"({"checkpoint": "runs/a_512/checkpoint-5", "seq_len": 512, "real1": "high",
                            "lambada_top1": 0.3, "coref_samples": 100})")
            << W << "real1"
            << "is string, not a number" << 1;
        QTest::newRow("wrong-typed seq_len")
            << "checkpoint-5_eval_results.json"
            << QByteArray(
                   R"({"checkpoint": "runs/a/checkpoint-5", "seq_len": "long", "real1": 0.5})")
            << W << "seq_len"
            << "not a positive integer" << 1;
        QTest::newRow("NaN metric")
            << "checkpoint-5_eval_results.json"
            << QByteArray(
                   R"({"checkpoint": "runs/a/checkpoint-5", "real1": NaN, "lambada_top1": 0.3})")
            << W << "(top level).real1"
            << "NaN" << 1;
        QTest::newRow("infinite loss in trainer_state")
            << "trainer_state.json" << QByteArray(R"({"global_step": 20, "log_history": [
                 {"epoch": 1.0, "step": 10, "eval_loss": Infinity, "eval_accuracy": 0.5},
                 {"epoch": 2.0, "step": 20, "eval_loss": NaN, "eval_accuracy": 0.6}]})")
            << W << "log_history[1].eval_loss"
            << "NaN" << 2;
        QTest::newRow("log_history not a list")
            << "trainer_state.json" << QByteArray(R"({"log_history": {}})") << E << "log_history"
            << "not a list" << 0;
        QTest::newRow("entry not an object")
            << "real_coref_results.json" << QByteArray(R"({"lambada_limit": 600, "results": [
                 {"checkpoint": "runs/a/checkpoint-1", "seq_len": 512, "real1": 0.5, "lambada_top1": 0.3}, 7]})")
            << W << "results[1]"
            << "not an object" << 1;
        QTest::newRow("bad lambada_limit")
            << "real_coref_results.json" << QByteArray(R"({"lambada_limit": "all", "results": [
                 {"checkpoint": "runs/a/checkpoint-1", "seq_len": 512, "real1": 0.5, "lambada_top1": 0.3}]})")
            << W << "lambada_limit"
            << "using 600" << 1;
        QTest::newRow("no results in explicit file")
            << "notes.json" << QByteArray(R"({"author": "me"})") << E << "(top level)"
            << "no results found" << 0;
        QTest::newRow("ragged csv row")
            << "results.csv"
            << QByteArray("checkpoint,seq_len,real1\nruns/a/checkpoint-1,512,0.5\nruns/a/"
                          "checkpoint-2,512,0.6,9\n")
            << W << "line 3"
            << "row has 4 cells" << 1;
        QTest::newRow("unterminated csv quote")
            << "results.csv"
            << QByteArray("checkpoint,real1\nruns/a/checkpoint-1,0.5\n\"runs/a/checkpoint-2,0.6\n")
            << W << "end of file"
            << "unterminated" << 1;
        QTest::newRow("bad jsonl line")
            << "half_epoch_eval.jsonl"
            << QByteArray(
                   "{\"epoch\": 0.5, \"step\": 5, \"real1\": 0.5}\n{\"epoch\": 1.0, \"st\n[1, 2]\n")
            << W << "line 2"
            << "truncated" << 1;
        QTest::newRow("unknown file type") << "results.txt" << QByteArray("real1=0.5") << E << ""
                                           << "not a results file" << 0;
        QTest::newRow("format not a string")
            << "odd.json" << QByteArray(R"({"format": 1, "checkpoint-1": {"Real@1": 0.5}})") << E
            << "(top level)"
            << "no results found" << 0;
        QTest::newRow("deeply nested") << "deep.json" << QByteArray(100000, '[') << E << "line 1"
                                       << "nested deeper" << 0;
        QTest::newRow("zero n") << "records.json"
                                << QByteArray(
                                       R"([{"checkpoint": "checkpoint-1", "Real@1": 0.6, "n": 0}])")
                                << W << "[0].n"
                                << "not a positive integer" << 1;
        QTest::newRow("header-only record csv")
            << "results.csv" << QByteArray("checkpoint,seq_len,real1\n") << W << "line 2"
            << "no data rows" << 0;
        QTest::newRow("one metric twice in a record")
            << "records.json" << QByteArray(R"([{"step": 1, "real1": 0.5, "real_top1": 0.6}])") << W
            << "[0].real_top1"
            << "is Real@1 again" << 1;
        QTest::newRow("clozescope checkpoint of the wrong type")
            << "r.results.json"
            << QByteArray(R"({"format": "clozescope-results", "version": 1, "run": {"name": 5},
                            "checkpoint": {"name": "checkpoint-3", "epoch": "three"},
                            "metrics": {"Real@1": {"value": 0.5, "n": -3, "dataset": 1}}})")
            << W << "(top level).checkpoint.epoch"
            << "not a finite number" << 1;
        QTest::newRow("step not an integer")
            << "records.json" << QByteArray(R"([{"step": "ten", "epoch": 1.0, "real1": 0.5}])") << W
            << "[0].step"
            << "not an integer" << 1;
    }
    void cases()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(cs::Severity, severity);
        QFETCH(QString, location);
        QFETCH(QString, message);
        QFETCH(int, kept);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, name, text);
        const ResultSet set = loadResults({path});
        QVERIFY2(cs::test::hasProblem(set, severity, path, location.toStdString(),
                                      message.toStdString()),
                 cs::test::problemText(set));
        QVERIFY(set.hasInputProblems());
        int total = 0;
        for (const auto &r : set.runs)
            total += int(r.checkpoints.size());
        QCOMPARE(total, kept);
    }

    void missingPath()
    {
        const ResultSet set = loadResults({"/nonexistent/results"});
        QVERIFY(
            cs::test::hasProblem(set, Severity::Error, "/nonexistent/results", "", "no such file"));
    }

    void brokenFileBesideGoodOnes()
    {
        QTemporaryDir dir;
        writeFile(
            dir, "eval/checkpoint-5_eval_results.json",
            R"({"checkpoint": "runs/a_512/checkpoint-5", "seq_len": 512, "real1": 0.5, "coref_samples": 10})");
        const std::string bad =
            writeFile(dir, "eval/checkpoint-10_eval_results.json", "{\"checkpoint\": ");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QCOMPARE(int(set.runs.size()), 1);
        QCOMPARE(int(set.runs.front().checkpoints.size()), 1);
        QVERIFY(cs::test::hasProblem(set, Severity::Error, bad, "line 1", "truncated"));
    }

    void nIsNotInventedForLosses()
    {
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir, "records.json",
                      R"([{"step": 1, "eval_loss": 0.5, "eval_accuracy": 0.7, "n": 100}])");
        const ResultSet set = loadResults({path});
        const Checkpoint &cp = set.runs.front().checkpoints.front();
        QVERIFY(!cp.metrics.at("eval_loss").n);
        QCOMPARE(*cp.metrics.at("eval_accuracy").n, std::int64_t(100));
    }

    void conflictingValuesAreReported()
    {
        QTemporaryDir dir;
        writeFile(dir, "a/checkpoint-5_eval_results.json",
                  R"({"checkpoint": "runs/r_512/checkpoint-5", "seq_len": 512, "real1": 0.5})");
        writeFile(dir, "b/checkpoint-5_eval_results.json",
                  R"({"checkpoint": "runs/r_512/checkpoint-5", "seq_len": 512, "real1": 0.7})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QVERIFY(cs::test::hasProblem(set, Severity::Warning, "checkpoint-5", "", "conflicts with"));
        QCOMPARE(set.runs.front().checkpoints.front().metrics.at("Real@1").value, 0.5);
    }
};

QTEST_APPLESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
