// SPDX-License-Identifier: MIT
// TensorBoard event files and CSV exports (TensorBoard, W&B): real files as they are, and
// broken ones that must report a problem and keep what is valid.
#include "event_writer.h"
#include "results/result_loader.h"
#include "results/tfrecord.h"
#include "test_support.h"

#include <QtTest>

#include <cmath>

using namespace cs;
using cs::test::dataPath;
using cs::test::writeFile;

class TestTensorBoardImport : public QObject
{
    Q_OBJECT
  private:
    static QByteArray bytes(const std::string &s) { return QByteArray(s.data(), int(s.size())); }

    static std::string threeEvents()
    {
        return test::record(test::scalarEvent(0, "loss", 2.5f)) +
               test::record(test::scalarEvent(10, "loss", 2.0f)) +
               test::record(test::scalarEvent(20, "loss", 1.5f));
    }

    static int points(const ResultSet &set)
    {
        int n = 0;
        for (const auto &r : set.runs)
            n += int(r.checkpoints.size());
        return n;
    }

  private slots:
    void crc32c()
    {
        QCOMPARE(cs::crc32c("123456789"), 0xE3069283u); // the standard check value
        QCOMPARE(cs::crc32c(""), 0u);
    }

    void trainerEventFileEqualsTrainerState()
    {
        const std::string dir = dataPath("trainer-run/mlm_synth_128");
        const ResultSet events = loadResults({dir + "/runs"});
        QVERIFY2(!events.hasInputProblems(), cs::test::problemText(events));
        QCOMPARE(int(events.runs.size()), 1);
        const Run &fromEvents = events.runs.front();
        QCOMPARE(fromEvents.name, std::string("mlm_synth_128"));
        QCOMPARE(int(fromEvents.checkpoints.size()), 10);
        const ResultSet state = loadResults({dir + "/checkpoint-625/trainer_state.json"});
        const Run &fromState = state.runs.front();
        for (std::size_t i = 0; i < 10; ++i) {
            const Checkpoint &a = fromEvents.checkpoints[i], &b = fromState.checkpoints[i];
            QCOMPARE(*a.step, *b.step);
            QCOMPARE(float(*a.epoch), float(*b.epoch)); // train/epoch is float32 too
            for (const char *m : {"eval_loss", "eval_accuracy"}) {
                const double ev = a.metrics.at(m).value, st = b.metrics.at(m).value;
                QCOMPARE(float(ev), float(st)); // simple_value is float32
            }
            QVERIFY(!a.metrics.count("eval_runtime"));
        }
        QCOMPARE(*fromEvents.stepsPerEpoch, 125.0);
        // The whole run folder: event file and trainer_state.json merge without conflict.
        const ResultSet all = loadResults({dir});
        QVERIFY2(!all.hasInputProblems(), cs::test::problemText(all));
        QCOMPARE(int(all.runs.size()), 1);
        QCOMPARE(int(all.runs.front().checkpoints.size()), 10);
    }

    void realEventFile()
    {
        const ResultSet set = loadResults({dataPath(
            "realdata/tensorboard/"
            "uelkerd__goemotions-deberta__phase1_asymmetric_fixed_20250904_000028__runs__"
            "Sep04_00-31-16_2fd62b2353f7__events.out.tfevents.1756945877.2fd62b2353f7.432614.0")});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run &run = set.runs.front();
        QCOMPARE(run.name, std::string("phase1_asymmetric_fixed_20250904_000028"));
        QCOMPARE(int(run.checkpoints.size()), 1);
        const Checkpoint &cp = run.checkpoints.front();
        QCOMPARE(*cp.step, std::int64_t(100));
        QVERIFY(cp.metrics.count("eval_loss") && cp.metrics.count("eval_f1_macro"));
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "tfevents", "", "train/loss"));
    }

    void tensorScalars_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<double>("value");
        float f = 0.75f;
        double d = 0.125;
        std::int64_t i = 42;
        QTest::newRow("float") << 1 << QByteArray(reinterpret_cast<const char *>(&f), 4) << 0.75;
        QTest::newRow("double") << 2 << QByteArray(reinterpret_cast<const char *>(&d), 8) << 0.125;
        QTest::newRow("int64") << 9 << QByteArray(reinterpret_cast<const char *>(&i), 8) << 42.0;
        QTest::newRow("half") << 19 << QByteArray("\x00\x3c", 2) << 1.0;
        QTest::newRow("bfloat16") << 14 << QByteArray("\x80\x3f", 2) << 1.0;
    }
    void tensorScalars()
    {
        QFETCH(int, dtype);
        QFETCH(QByteArray, content);
        QFETCH(double, value);
        QTemporaryDir dir;
        const std::string path = writeFile(
            dir, "run_x/events.out.tfevents.1.host",
            bytes(test::record(test::tensorEvent(5, "acc", dtype, content.toStdString()))));
        const ResultSet set = loadResults({path});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(set.runs.front().checkpoints.front().metrics.at("acc").value, value);
    }

    void brokenEventFiles_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("kept");
        std::string corrupt = threeEvents();
        corrupt[corrupt.size() - 6] ^= 0x40; // a byte of the last record's data
        QTest::newRow("corrupt data CRC") << bytes(corrupt) << int(Severity::Warning) << "byte"
                                          << "data CRC mismatch" << 2;
        std::string badLength = threeEvents();
        const std::size_t second = test::record(test::scalarEvent(0, "loss", 2.5f)).size();
        badLength[second] ^= 0x01; // the second record's length
        QTest::newRow("corrupt length CRC")
            << bytes(badLength) << int(Severity::Error) << "byte " + QString::number(second)
            << "length CRC" << 1;
        const std::string all = threeEvents();
        QTest::newRow("truncated record")
            << bytes(all.substr(0, all.size() - 5)) << int(Severity::Error) << "byte"
            << "truncated record" << 2;
        std::string wrongWire = test::record(test::scalarEvent(0, "loss", 2.5f));
        std::string event;
        test::putKey(event, 2, 0);
        test::putVarint(event, 10);
        test::putKey(event, 5, 3); // summary as a group: wrong wire type
        wrongWire += test::record(event);
        QTest::newRow("wrong wire type") << bytes(wrongWire) << int(Severity::Warning) << "record 1"
                                         << "wrong wire type 3" << 1;
        const std::string unknownDtype =
            test::record(test::scalarEvent(0, "loss", 2.5f)) +
            test::record(test::tensorEvent(10, "loss", 99, std::string(4, '\0')));
        QTest::newRow("unknown dtype") << bytes(unknownDtype) << int(Severity::Warning) << "step 10"
                                       << "unknown tensor dtype 99" << 1;
        QTest::newRow("empty") << QByteArray() << int(Severity::Error) << "byte 0"
                               << "no complete record" << 0;
    }
    void brokenEventFiles()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, severity);
        QFETCH(QString, location);
        QFETCH(QString, message);
        QFETCH(int, kept);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "run_x/events.out.tfevents.1.host", file);
        const ResultSet set = loadResults({path});
        QVERIFY2(cs::test::hasProblem(set, Severity(severity), path, location.toStdString(),
                                      message.toStdString()),
                 cs::test::problemText(set));
        QCOMPARE(points(set), kept);
    }

    void tensorBoardCsv_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("points");
        QTest::addColumn<qlonglong>("firstStep");
        QTest::addColumn<double>("firstValue");
        QTest::addColumn<qlonglong>("lastStep");
        QTest::newRow("LF, contiguous")
            << "Brunogomes97__Imdb__run-.-tag-loss.csv" << 30 << 0LL << 12.435992240905762 << 29LL;
        QTest::newRow("CRLF, downsampled, restarted")
            << "ShahariarRabby__Attention-Based-Ocr__run-.-tag-loss.csv" << 984 << 36LL << 0.0
            << 28094LL;
    }
    void tensorBoardCsv()
    {
        QFETCH(QString, file);
        QFETCH(int, points);
        QFETCH(qlonglong, firstStep);
        QFETCH(double, firstValue);
        QFETCH(qlonglong, lastStep);
        const ResultSet set = loadResults({dataPath("realdata/csv/" + file.toStdString())});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run &run = set.runs.front();
        QCOMPARE(int(run.checkpoints.size()), points);
        QCOMPARE(qlonglong(*run.checkpoints.front().step), firstStep);
        QCOMPARE(qlonglong(*run.checkpoints.back().step), lastStep);
        QVERIFY(run.checkpoints.front().metrics.count("loss"));
        if (firstValue != 0.0)
            QCOMPARE(run.checkpoints.front().metrics.at("loss").value, firstValue);
    }

    void restartKeepsTheLaterValue()
    {
        const ResultSet set = loadResults(
            {dataPath("realdata/csv/ShahariarRabby__Attention-Based-Ocr__run-.-tag-loss.csv")});
        const Checkpoint *cp = cs::test::findCheckpoint(set.runs.front(), "step-480");
        QVERIFY(cp);
        QCOMPARE(cp->metrics.at("loss").value,
                 0.04229126125574112); // wall time 1575694788 > 1575619600
        QVERIFY(cs::test::hasProblem(set, Severity::Info, "Attention", "Step",
                                     "16 steps appear twice"));
    }

    void wandbExports_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("last");
        QTest::newRow("line plot") << QByteArray("Step,glad-sun-3 - eval/loss,glad-sun-3 - "
                                                 "eval/loss__MIN,glad-sun-3 - eval/loss__MAX,"
                                                 "dark-moon-4 - eval/loss,dark-moon-4 - "
                                                 "eval/loss__MIN,dark-moon-4 - eval/loss__MAX\r\n"
                                                 "100,2.5,2.5,2.5,,,\r\n200,2.25,2.2,2.3,2.4,2.4,2."
                                                 "4\r\n300,2.0,2.0,2.0,2.1,2.1,2.1\r\n")
                                   << "glad-sun-3"
                                   << "eval_loss" << 3 << 2.0;
        QTest::newRow("runs table")
            << QByteArray(
                   "\"Name\",\"State\",\"Notes\",\"User\",\"Tags\",\"Created\",\"Runtime\","
                   "\"Sweep\","
                   "\"learning_rate\",\"eval/accuracy\",\"train/global_step\",\"train/epoch\"\n"
                   "\"glad-sun-3\",\"finished\",\"-\",\"me\",\"\",\"2025-10-10T00:00:00.000Z\","
                   "\"3600\",\"\","
                   "\"5e-05\",\"0.71\",\"625\",\"5\"\n")
            << "glad-sun-3"
            << "eval_accuracy" << 1 << 0.71;
        QTest::newRow("sweep export")
            << QByteArray("\"Name\",\"_wandb\",\"learning_rate\",\"eval/accuracy\",\"_step\","
                          "\"_runtime\",\"_timestamp\"\n"
                          "\"sweep-run-1\",\"{\"\"runtime\"\": 3600}\",\"5e-05\",\"0.68\",\"625\","
                          "\"3600\",\"1760054400\"\n")
            << "sweep-run-1"
            << "eval_accuracy" << 1 << 0.68;
    }
    void wandbExports()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, run);
        QFETCH(QString, metric);
        QFETCH(int, points);
        QFETCH(double, last);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "wandb_export_2025-10-10.csv", text);
        const ResultSet set = loadResults({path});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run *r = set.findRun(run.toStdString());
        QVERIFY(r);
        QCOMPARE(int(r->checkpoints.size()), points);
        QCOMPARE(r->checkpoints.back().metrics.at(metric.toStdString()).value, last);
    }

    void brokenCsv_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("kept");
        QTest::newRow("empty") << QByteArray("") << int(Severity::Error) << "line 1"
                               << "empty" << 0;
        QTest::newRow("header only")
            << QByteArray("Wall time,Step,Value\n") << int(Severity::Warning) << "line 2"
            << "no data rows" << 0;
        QTest::newRow("ragged row")
            << QByteArray("Wall time,Step,Value\r\n1.0,1,0.5\r\n2.0,2,0.4,9\r\n3.0,3,0.3\r\n")
            << int(Severity::Warning) << "line 3"
            << "row has 4 cells" << 2;
        QTest::newRow("not a number")
            << QByteArray("Wall time,Step,Value\n1.0,1,0.5\n2.0,two,0.4\n")
            << int(Severity::Warning) << "line 3"
            << "Step \"two\" is not a number" << 1;
    }
    void brokenCsv()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, severity);
        QFETCH(QString, location);
        QFETCH(QString, message);
        QFETCH(int, kept);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "run-.-tag-loss.csv", text);
        const ResultSet set = loadResults({path});
        QVERIFY2(cs::test::hasProblem(set, Severity(severity), path, location.toStdString(),
                                      message.toStdString()),
                 cs::test::problemText(set));
        QCOMPARE(points(set), kept);
    }
};

QTEST_APPLESS_MAIN(TestTensorBoardImport)
#include "tst_tensorboard_import.moc"
