// SPDX-License-Identifier: MIT
// clozescope-cli end to end: exit statuses, output formats, files written.
#include "cli_support.h"
#include "formats/aliases_format.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
class TestCli : public QObject
{
    Q_OBJECT
  private:
    using Result = cs::test::CliResult;
    static Result run(const QStringList &args, const QStringList &env = {})
    {
        return cs::test::runCli(args, env);
    }

  private slots:
    void exitStatus_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString samples = CLOZESCOPE_SAMPLES;
        QTest::newRow("help") << QStringList{"--help"} << 0;
        QTest::newRow("report help") << QStringList{"report", "--help"} << 0;
        QTest::newRow("no command") << QStringList{} << 2;
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2;
        QTest::newRow("report without paths") << QStringList{"report"} << 2;
        QTest::newRow("bad format") << QStringList{"report", samples, "--format", "pdf"} << 2;
        QTest::newRow("bad steps per epoch")
            << QStringList{"inspect", samples, "--steps-per-epoch", "x"} << 2;
        QTest::newRow("bad weights") << QStringList{"report", samples, "--weights", "Real@1"} << 2;
        QTest::newRow("unknown criterion")
            << QStringList{"report", samples, "--criterion", "bleu"} << 2;
        QTest::newRow("Score in any case")
            << QStringList{"report", samples, "--criterion", "Score", "-q"} << 0;
        QTest::newRow("inspect samples") << QStringList{"inspect", samples} << 0;
        QTest::newRow("missing path") << QStringList{"inspect", "/nonexistent/results"} << 1;
        QTest::newRow("broken file")
            << QStringList{"inspect", QString(CLOZESCOPE_TEST_DATA) + "/README.md"} << 1;
    }
    void exitStatus()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Result r = run(args);
        QVERIFY2(r.code == code, r.err.constData());
    }

    void versionSaysTheEngineAndItsDevices()
    {
        const Result r = run({"--version"});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QByteArray("clozescope-cli " CLOZESCOPE_VERSION));
#ifdef CLOZESCOPE_HAVE_ENGINE
        QVERIFY2(lines[1].startsWith("LibTorch ") && lines[1].contains("devices: cpu ("),
                 lines[1].constData());
#else
        QVERIFY2(lines[1].startsWith("built without the engine"), lines[1].constData());
#endif
    }

    void aliasesPrintsAnAliasFile()
    {
        // The user's file and --aliases join the built-in table; the output reads back as one.
        QTemporaryDir dir;
        const QString config = dir.filePath("config");
        cs::test::writeFile(dir, "config/clozescope/aliases.json",
                            R"({"aliases": {"coref_f1": "Real@1"}})");
        const std::string extra =
            cs::test::writeFile(dir, "extra.json", R"({"lower_is_better": ["my_error"]})");
        const QString out = dir.filePath("aliases.json");
        const Result r = run({"aliases", "--aliases", QString::fromStdString(extra), "--out", out},
                             {"XDG_CONFIG_HOME=" + config});
        QVERIFY2(r.code == 0, r.err.constData());
        cs::MetricAliases read;
        QCOMPARE(cs::readAliasesFile(out.toStdString(), read), std::string());
        QCOMPARE(read.canonical("coref_f1"), std::string("Real@1"));
        QCOMPARE(read.canonical("real@5"), std::string("Real@5"));
        QVERIFY(read.lowerIsBetter("my_error"));
        const std::string bad = cs::test::writeFile(dir, "bad.json", R"({"aliases": 3})");
        const Result refused = run({"aliases", "--aliases", QString::fromStdString(bad)});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QByteArray::fromStdString(bad) + ": \"aliases\" must be"),
                 refused.err.constData());
    }

    void inspectJson()
    {
        const Result r = run(
            {"inspect", "--json", QString(CLOZESCOPE_TEST_DATA) + "/trainer-run/mlm_synth_128"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray runs = doc["runs"].toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs[0].toObject();
        QCOMPARE(run["name"].toString(), QString("mlm_synth_128"));
        QCOMPARE(run["checkpoints"].toArray().size(), 10);
        QCOMPARE(run["trainer_best"].toObject()["checkpoint"].toString(),
                 QString("checkpoint-252"));
        QVERIFY(run["checkpoints"].toArray()[0].toObject()["metrics"].toObject().contains(
            "eval_accuracy"));
    }

    void reportToFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("report.html");
        const Result r = run(
            {"report", CLOZESCOPE_SAMPLES, "--format", "html", "--out", out, "--patience", "2"});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("stops at checkpoint-195 (epoch 1.5) and restores checkpoint-65"));
        QVERIFY(r.err.contains("wrote " + out.toUtf8()));

        // In Korean, the same numbers; another language is a usage error.
        const Result ko = run({"report", CLOZESCOPE_SAMPLES, "--lang", "ko", "--patience", "2"});
        QVERIFY2(ko.code == 0, ko.err.constData());
        QVERIFY(QString::fromUtf8(ko.out).contains(QStringLiteral(
            "checkpoint-195(에폭 1.5)에서 학습이 멈추고 checkpoint-65을(를) 복원합니다")));
        QCOMPARE(run({"report", CLOZESCOPE_SAMPLES, "--lang", "fr"}).code, 2);
    }

    void tableFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("fragment");
        QTest::newRow("csv")
            << "csv"
            << QByteArray(
                   "mlm_v2_scratch_1536,mlm_v2_scratch,1536,checkpoint-390,390,3.0,0.660417");
        QTest::newRow("md")
            << "md"
            << QByteArray("| mlm_v2_scratch_1536 | mlm_v2_scratch | 1536 | checkpoint-390 |");
        QTest::newRow("latex") << "latex" << QByteArray("mlm\\_v2\\_scratch\\_1536");
        QTest::newRow("json") << "json" << QByteArray("\"checkpoint\": \"checkpoint-390\"");
    }
    void tableFormats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, fragment);
        const Result r =
            run({"table", CLOZESCOPE_SAMPLES, "--metric", "real_top1", "--format", format, "-q"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains(fragment), r.out.left(600).constData());
    }

    void tableForAPaper()
    {
        // LaTeX (and Markdown): a column per metric, "value [low, high]", n in a note; not 47
        // columns of bounds. "Score" in any case, as --criterion takes it.
        const Result r = run(
            {"table", CLOZESCOPE_SAMPLES, "-m", "Real@1,Real@5,Score", "--format", "latex", "-q"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray header = r.out.mid(r.out.indexOf("\\begin{tabular}{") + 16);
        QCOMPARE(header.left(header.indexOf('}')).size(), 9); // run … epoch, 2 metrics, score
        QVERIFY2(r.out.contains("0.6604 [0.641, 0.679]"), r.out.left(1500).constData());
        QVERIFY(!r.out.contains("ci\\_low"));
        QVERIFY(r.out.contains("Real@1: n = 2400"));
        const Result csv = run({"table", CLOZESCOPE_SAMPLES, "-m", "Real@1", "-q"});
        QVERIFY(csv.out.contains("Real@1 ci_low")); // data formats keep the bounds apart
    }

    void jsonSurvivesInvalidUtf8()
    {
        QTemporaryDir dir;
        cs::test::writeFile(dir, "run_a/bad.json", "{\"a\": \"\xff\xfe\"");
        cs::test::writeFile(dir, "run_a/checkpoint-5_eval_results.json",
                            R"({"checkpoint": "runs/run_a/checkpoint-5", "real1": 0.5})");
        const Result r = run({"inspect", "--json", dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY(QJsonDocument::fromJson(r.out).isObject());
    }

    void tableOfUnknownMetric()
    {
        const Result r = run({"table", CLOZESCOPE_SAMPLES, "--metric", "bleu", "-q"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no checkpoint has bleu"));
    }

#ifdef CLOZESCOPE_HAVE_ENGINE
    void fillMask()
    {
        // bert-tiny's first golden text: the top 5 equal transformers' ([764, 307, 785, 337, 288]).
        const QString model = QString(CLOZESCOPE_TEST_DATA) + "/hf-reference/bert-tiny";
        const Result r =
            run({"fill-mask", "--model", model, "--json", "--targets", "대중교통",
                 QString::fromUtf8("서울시는 28일 새로운 [MASK] 요금 체계를 발표했다.")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["mask_positions"].toArray().size(), 1);
        const QJsonArray first = doc["masks"].toArray()[0].toArray();
        const int expected[] = {764, 307, 785, 337, 288};
        double total = 0;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(first[i].toObject()["ids"].toArray()[0].toInt(), expected[i]);
            total += first[i].toObject()["prob"].toDouble();
        }
        QVERIFY(total > 0 && total < 1);
        QVERIFY(doc["targets"].toObject().contains(QString::fromUtf8("대중교통")));
    }

    void fillMaskErrors()
    {
        const QString model = QString(CLOZESCOPE_TEST_DATA) + "/hf-reference/bert-tiny";
        QCOMPARE(run({"fill-mask", "--model", model, "no mask here"}).code, 1);
        QCOMPARE(run({"fill-mask", "--model", "/nonexistent", "[MASK]"}).code, 1);
        QCOMPARE(run({"fill-mask", "[MASK]"}).code, 2); // --model is required
    }

    void probeARun()
    {
        // The real Trainer run: 3 of its 10 checkpoints keep their weights in tests/data.
        const QString runDir = QString(CLOZESCOPE_TEST_DATA) + "/trainer-run/mlm_synth_128";
        const QString text =
            QString::fromUtf8("정현우는 세종에서 열린 경기에서 두 골을 넣었다 . 감독은 "
                              "경기 후 인터뷰에서 [MASK] 활약을 높이 평가했다 .");
        const QString word = QString::fromUtf8("정현우의");
        Result r = run({"probe", "--run", runDir, "--json", "-k", "3", "--targets", word, text});
        QCOMPARE(r.code, 1); // seven checkpoints have no weights: named, the others answered
        QVERIFY2(r.err.contains("checkpoint-126"), r.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(r.out).object()["checkpoints"].toArray();
        QCOMPARE(rows.size(), 10);
        QStringList answered;
        double previous = 0;
        for (const auto &v : rows) {
            const QJsonObject row = v.toObject();
            if (row.contains("error")) continue;
            answered << QDir(row["checkpoint"].toString()).dirName();
            QCOMPARE(row["masks"].toArray()[0].toArray().size(), 3);
            const double p = row["targets"].toObject()[word].toObject()["prob"].toDouble();
            QVERIFY(p > previous); // the subject grows likelier with training
            previous = p;
        }
        QCOMPARE(answered, QStringList({"checkpoint-63", "checkpoint-315", "checkpoint-625"}));
        QCOMPARE(rows[9].toObject()["epoch"].toDouble(), 5.0);

        // One checkpoint, as text: a row with its epoch and the followed word.
        r = run({"probe", "--run", runDir + "/checkpoint-625", "--targets", word, text});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("checkpoint-625  epoch 5.00"), r.out.constData());
        QVERIFY(r.out.contains(word.toUtf8() + " 0.02"));
        QCOMPARE(run({"probe", "--run", "/nonexistent", text}).code, 1);
        r = run({"probe", "--run", runDir, "no mask"}); // said once, not per checkpoint
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.count("error:"), 1);
        QVERIFY2(r.err.contains("[MASK]"), r.err.constData());
        QCOMPARE(run({"probe", text}).code, 2); // --run is required
    }

    void fillMaskWithSpmModel()
    {
        // A DeBERTa-v3 folder whose only tokenizer is spm.model: read through the plugin beside
        // LibTorch; without the plugin the error names it.
#ifndef CLOZESCOPE_HAVE_SPM
        QSKIP("the SentencePiece plugin was not built (libsentencepiece-dev missing)");
#endif
#ifdef __SANITIZE_ADDRESS__
        // The plugin needs dlopen(RTLD_DEEPBIND) to keep its protobuf apart from LibTorch's,
        // which AddressSanitizer refuses (docs/reliability.md): not testable in that build.
        QSKIP("spm.model beside LibTorch needs RTLD_DEEPBIND, which AddressSanitizer refuses");
#endif
        QTemporaryDir dir;
        QVERIFY(cs::test::copyFiles(cs::test::fixture("deberta-v3-tiny-spm"), dir.path(),
                                    cs::test::spmOnlyCheckpoint));
        const QStringList args = {
            "fill-mask", "--model", dir.path(), "--json",
            QString::fromUtf8("서울시는 28일 새로운 [MASK] 요금 체계를 발표했다.")};
        const Result r = run(args);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray first =
            QJsonDocument::fromJson(r.out).object()["masks"].toArray()[0].toArray();
        const auto golden =
            cs::test::readJson(cs::test::fixture("deberta-v3-tiny-spm.expected.json"))
                .at("golden")
                .at(0)
                .at("mask_top5")
                .at(0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(first[i].toObject()["ids"].toArray()[0].toInt(), golden.at(i).get<int>());

        const Result missing = run(args, {"CLOZESCOPE_SPM_PLUGIN=/nonexistent/plugin.so"});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("/nonexistent/plugin.so"), missing.err.constData());
    }

    void parity()
    {
        // bert-tiny against transformers' outputs: holds at 1e-4; at 1e-9 it cannot, and the
        // exit status says so.
        QTemporaryDir dir;
        QVERIFY(cs::test::copyFiles(cs::test::fixture("bert-tiny"), dir.filePath("bert-tiny")));
        QVERIFY(
            cs::test::copyFiles(cs::test::fixture(""), dir.path(), {"bert-tiny.expected.json"}));
        const Result r = run({"parity", "--fixtures", dir.path(), "--json"});
        QVERIFY2(r.code == 0, r.out.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QVERIFY(doc["ok"].toBool());
        QCOMPARE(doc["checks"].toArray().size(), 5);
        const Result strict = run({"parity", "--fixtures", dir.path(), "--tolerance", "1e-9"});
        QCOMPARE(strict.code, 1);
        QVERIFY(strict.out.contains("parity FAILS on cpu in fp32"));
        QCOMPARE(run({"parity", "--fixtures", dir.path(), "--dtype", "fp8"}).code, 2);
    }

    void evalWritesResultsThatImport()
    {
        QTemporaryDir out;
        const QString data = QString(CLOZESCOPE_TEST_DATA);
        const QStringList args = {"eval",
                                  "--checkpoint",
                                  data + "/hf-reference/deberta-v2-tiny",
                                  "--data",
                                  "real=" + data + "/cloze/real.jsonl",
                                  "--max-length",
                                  "64",
                                  "--k",
                                  "1,5",
                                  "--out",
                                  out.path()};
        Result r = run(args);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains("1 checkpoint(s) evaluated now"));
        QVERIFY(QFile::exists(out.filePath("hf-reference/deberta-v2-tiny.results.json")));
        QVERIFY(cs::test::readJson(out.filePath("hf-reference/deberta-v2-tiny.results.json")
                                       .toStdString())["created"]["by"]
                    .get<std::string>()
                    .rfind("clozescope-cli ", 0) == 0);
        r = run(args); // a rerun resumes: nothing left to do
        QVERIFY(r.err.contains("already evaluated"));
        QVERIFY(r.err.contains("0 checkpoint(s) evaluated now"));
        r = run({"inspect", "--json", out.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Real@5"));
        QTemporaryDir merged;
        r = run({"merge", out.path(), "--out", merged.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains("1 checkpoint(s) merged"));
        QVERIFY(QFile::exists(merged.filePath("hf-reference/deberta-v2-tiny.examples.jsonl")));
    }

    void evalUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString model = QString(CLOZESCOPE_TEST_DATA) + "/hf-reference/deberta-v2-tiny";
        const QString set = "real=" + QString(CLOZESCOPE_TEST_DATA) + "/cloze/real.jsonl";
        QTest::newRow("no checkpoints")
            << QStringList{"eval", "--data", set, "--out", "/tmp/x"} << 2;
        QTest::newRow("bad shard") << QStringList{"eval",  "--checkpoint", model,     "--data", set,
                                                  "--out", "/tmp/x",       "--shard", "3/2"}
                                   << 2;
        QTest::newRow("bad data spec")
            << QStringList{"eval", "--checkpoint", model, "--data", "real.jsonl", "--out", "/tmp/x"}
            << 2;
        QTest::newRow("missing set")
            << QStringList{"eval",  "--checkpoint", model, "--data", "real=/nonexistent.jsonl",
                           "--out", "/tmp/x"}
            << 1;
    }
    void evalUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Result r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.isEmpty()); // says why
    }
#endif

    void aReportOfNothingSaysSo()
    {
        // Nothing usable: exit 1, and the report says so instead of "read without problems".
        QTemporaryDir empty;
        cs::test::writeFile(empty, "notes.json", R"({"author": "me"})");
        const Result r = run({"report", empty.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("nothing to show: none of the 1 file(s) read holds a checkpoint"),
                 r.out.constData());
        QVERIFY(!r.out.contains("Every file was read without problems"));
    }

    void benchImport()
    {
        const Result r = run(
            {"bench", "import", "--runs", "4", "--checkpoints", "3", "--repeat", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["runs"].toInt(), 4);
        QCOMPARE(doc["checkpoints"].toInt(), 12);
        QVERIFY(doc["import_ms_median"].toDouble() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
