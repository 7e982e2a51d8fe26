// SPDX-License-Identifier: MIT
// clozescope-cli eval and fill-mask against what can go wrong: a child process that dies under
// --isolate, two evaluations into one folder, a text far longer than the model takes.
#include "cli_support.h"
#include "test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <QJsonArray>

#include <cmath>
#include <csignal>
#include <map>
#include <sys/types.h>

class TestCliEval : public QObject
{
    Q_OBJECT
    using Result = cs::test::CliResult;
    static Result run(const QStringList &args) { return cs::test::runCli(args); }

    /// A run of three copies of deberta-v2-tiny and the eval arguments into out.
    static QStringList threeCheckpointEval(const QTemporaryDir &tmp, const QString &out)
    {
        const QString run = tmp.filePath("mlm_three_64");
        if (!QDir(run).exists())
            cs::test::makeRun(run.toStdString(), cs::test::fixture("deberta-v2-tiny"),
                              {"checkpoint-1", "checkpoint-2", "checkpoint-3"});
        const QString data = QString(CLOZESCOPE_TEST_DATA);
        return {"eval",
                "--run",
                run,
                "--data",
                "real=" + data + "/cloze/real.jsonl",
                "--max-length",
                "64",
                "--out",
                tmp.filePath(out)};
    }

    /// Every file under dir by relative path, the results' "created" left out.
    static std::map<QString, QByteArray> folderContents(const QString &dir)
    {
        std::map<QString, QByteArray> out;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly)) continue;
            QByteArray bytes = f.readAll();
            if (f.fileName().endsWith(".results.json")) {
                auto doc = nlohmann::json::parse(bytes.toStdString());
                doc.erase("created");
                bytes = QByteArray::fromStdString(doc.dump());
            }
            out[QDir(dir).relativeFilePath(f.fileName())] = bytes;
        }
        return out;
    }

  private slots:
    void isolatedEvaluationSurvivesAChildThatDies()
    {
        // --isolate gives the same files as one process; a child killed by SIGSEGV (as a
        // crashing reader would) is its checkpoint's error, and the others are evaluated.
        QTemporaryDir tmp;
        QVERIFY2(run(threeCheckpointEval(tmp, "plain")).code == 0, "plain evaluation failed");
        const Result isolated = run(threeCheckpointEval(tmp, "isolated") << "--isolate");
        QVERIFY2(isolated.code == 0, isolated.err.constData());
        QVERIFY(folderContents(tmp.filePath("plain")) == folderContents(tmp.filePath("isolated")));

        QProcess p;
        p.setReadChannel(QProcess::StandardError); // what waitForReadyRead waits for
        p.start(CLOZESCOPE_CLI, threeCheckpointEval(tmp, "killed") << "--isolate");
        QByteArray err;
        const QRegularExpression started("checkpoint-2: in process (\\d+)");
        QRegularExpressionMatch m;
        while (!(m = started.match(QString::fromUtf8(err))).hasMatch() && p.waitForReadyRead(60000))
            err += p.readAllStandardError();
        QVERIFY2(m.hasMatch(), err.constData());
        QCOMPARE(::kill(pid_t(m.captured(1).toInt()), SIGSEGV), 0);
        QVERIFY(p.waitForFinished(120000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("checkpoint-2: the evaluation process died from signal 11"),
                 err.constData());
        QVERIFY2(err.contains("1 of 3 checkpoint(s) failed"), err.constData());
        const QString out = tmp.filePath("killed/mlm_three_64/");
        QVERIFY(QFile::exists(out + "checkpoint-1.results.json"));
        QVERIFY(!QFile::exists(out + "checkpoint-2.results.json"));
        QVERIFY(QFile::exists(out + "checkpoint-3.results.json"));
    }

    void twoEvaluationsIntoOneFolderShareTheWork()
    {
        // Started together, they evaluate each checkpoint once between them (each takes what
        // the other does not hold) and leave what one evaluation leaves.
        QTemporaryDir tmp;
        QVERIFY(run(threeCheckpointEval(tmp, "alone")).code == 0);
        QProcess a, b;
        a.start(CLOZESCOPE_CLI, threeCheckpointEval(tmp, "shared"));
        b.start(CLOZESCOPE_CLI, threeCheckpointEval(tmp, "shared"));
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QCOMPARE(a.exitCode() + b.exitCode(), 0);
        int evaluated = 0;
        const QRegularExpression count("(\\d+) checkpoint\\(s\\) evaluated now");
        for (QProcess *p : {&a, &b}) {
            const QString err = QString::fromUtf8(p->readAllStandardError());
            const auto m = count.match(err);
            QVERIFY2(m.hasMatch(), qPrintable(err));
            evaluated += m.captured(1).toInt();
        }
        QCOMPARE(evaluated, 3);
        QVERIFY(folderContents(tmp.filePath("alone")) == folderContents(tmp.filePath("shared")));
    }

    void evaluatedTrainerRunIsTestedPairedAndListsFlips()
    {
        // The real Trainer run's three checkpoints with weights, evaluated with per-example
        // records: every test in the report is paired, the score gets a bootstrap interval, and
        // what was lost after a peak is listed; `flips` counts what the records say.
        QTemporaryDir tmp;
        const QString data = QString(CLOZESCOPE_TEST_DATA);
        for (const char *c : {"checkpoint-63", "checkpoint-315", "checkpoint-625"})
            QVERIFY(cs::test::copyFiles((data + "/trainer-run/mlm_synth_128/" + c).toStdString(),
                                        tmp.filePath(QString("mlm_synth_128/") + c),
                                        {"config.json", "model.safetensors", "tokenizer.json",
                                         "tokenizer_config.json", "trainer_state.json"}));
        const QString out = tmp.filePath("out");
        Result r =
            run({"eval", "--run", tmp.filePath("mlm_synth_128"), "--data",
                 "real=" + data + "/cloze/real.jsonl", "--data",
                 "lambada=" + data + "/cloze/lambada.jsonl", "--max-length", "128", "--out", out});
        QVERIFY2(r.code == 0, r.err.constData());
        for (const char *set : {"real.jsonl", "lambada.jsonl"}) // texts beside the results
            QVERIFY(QFile::copy(data + "/cloze/" + set, out + "/mlm_synth_128/" + set));

        r = run({"report", out});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString md = QString::fromUtf8(r.out);
        QVERIFY2(!md.contains("unpaired, approximate) |"), qPrintable(md)); // no unpaired row
        QVERIFY(md.contains("McNemar exact (paired, 300 examples)"));
        QVERIFY(md.contains("(paired, n = 300)")); // power from the records
        QVERIFY(md.contains("with n = 300 paired examples a decline under"));
        QVERIFY(md.contains("percentile bootstrap over items"));
        QVERIFY(md.contains("## What was lost after the peak"));
        const QRegularExpression lost(
            "lambada@10 from checkpoint-315 to checkpoint-625: (\\d+) examples right at the peak "
            "are wrong at the last evaluation, (\\d+) wrong ones became right");
        const auto m = lost.match(md);
        QVERIFY2(m.hasMatch(), qPrintable(md));

        // The same counts from the sidecars themselves: hit at 10 before and after.
        const auto hitsAt10 = [&](const QString &ckpt) {
            std::map<QString, bool> hits;
            QFile f(out + "/mlm_synth_128/" + ckpt + ".examples.jsonl");
            f.open(QIODevice::ReadOnly);
            for (const QByteArray &line : f.readAll().split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o["dataset"].toString() == "lambada")
                    hits[o["id"].toString()] = o["hits"].toObject()["10"].toBool();
            }
            return hits;
        };
        const auto before = hitsAt10("checkpoint-315"), after = hitsAt10("checkpoint-625");
        QCOMPARE(int(before.size()), 300);
        int lostCount = 0, gainedCount = 0;
        for (const auto &[id, hit] : before) {
            lostCount += hit && !after.at(id);
            gainedCount += !hit && after.at(id);
        }
        QCOMPARE(m.captured(1).toInt(), lostCount);
        QCOMPARE(m.captured(2).toInt(), gainedCount);
        QVERIFY(lostCount > 0);

        r = run({"flips", out, "--from", "checkpoint-315", "--to", "checkpoint-625", "--metric",
                 "lambada@10", "--format", "json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        const QJsonObject flips = j["metrics"].toArray()[0].toObject();
        QCOMPARE(flips["lost"].toInt(), lostCount);
        QCOMPARE(flips["gained"].toInt(), gainedCount);
        // Exact McNemar by hand: twice the binomial(b + c, 1/2) tail at min(b, c).
        double tail = 0;
        const int n = lostCount + gainedCount;
        for (int i = 0; i <= std::min(lostCount, gainedCount); ++i)
            tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) -
                             std::lgamma(n - i + 1.0) - n * std::log(2.0));
        QVERIFY(qAbs(flips["mcnemar_p"].toDouble() - std::min(1.0, 2 * tail)) < 1e-9);
        const QJsonArray examples = flips["examples"].toArray();
        QCOMPARE(examples.size(), lostCount + gainedCount);
        const QJsonObject first = examples[0].toObject();
        QCOMPARE(first["change"].toString(), QString("lost"));
        QVERIFY(first["text"].toString().contains("[MASK]"));
        QVERIFY(first["rank_from"].toInt() <= 10 && first["rank_to"].isNull());

        r = run({"flips", out, "--from", "checkpoint-315", "--to", "checkpoint-625", "--format",
                 "csv", "--lost-only"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.startsWith("Metric,Change,Set,Example,"));
        QVERIFY(!r.out.contains("wrong → right"));
        QCOMPARE(run({"flips", out, "--from", "checkpoint-315", "--to", "checkpoint-9"}).code, 1);
    }

    void followingARunAsItWrites()
    {
        // eval --follow while the Trainer run is written checkpoint by checkpoint, one in
        // pieces: each is evaluated once complete, never half-written, a verdict line after
        // each; the results equal a batch evaluation of the whole run. No timed waits: the test
        // writes the next piece when the output says the last one was seen.
        QTemporaryDir tmp;
        const QString data = QString(CLOZESCOPE_TEST_DATA);
        const QString src = data + "/trainer-run/mlm_synth_128/";
        const QStringList files = {"config.json", "model.safetensors", "tokenizer.json",
                                   "tokenizer_config.json", "trainer_state.json"};
        const QString runDir = tmp.filePath("mlm_synth_128");
        QVERIFY(QDir().mkpath(runDir));
        const QStringList sets = {"--data",       "real=" + data + "/cloze/real.jsonl",
                                  "--data",       "lambada=" + data + "/cloze/lambada.jsonl",
                                  "--max-length", "128"};
        QProcess follow;
        follow.start(CLOZESCOPE_CLI,
                     QStringList{"eval", "--follow", runDir, "--out", tmp.filePath("followed"),
                                 "--settle", "0.2", "--poll", "0.05", "--idle-timeout", "120"}
                         << sets);
        QVERIFY(follow.waitForStarted());
        QByteArray out, err;
        const auto waitFor = [&](QByteArray &buffer, const QByteArray &text) {
            // waitForReadyRead wakes for the read channel only: the one the text comes on.
            follow.setReadChannel(&buffer == &out ? QProcess::StandardOutput
                                                  : QProcess::StandardError);
            while (!buffer.contains(text)) {
                if (!follow.waitForReadyRead(60000) && follow.state() != QProcess::Running)
                    return false;
                out += follow.readAllStandardOutput();
                err += follow.readAllStandardError();
            }
            return true;
        };
        QVERIFY(cs::test::copyFiles((src + "checkpoint-63").toStdString(),
                                    runDir + "/checkpoint-63", files));
        QVERIFY2(waitFor(out, "checkpoint-63: patience 3 on Real@1"), err.constData());

        // checkpoint-315: everything but half of the weights; then the rest.
        const QString c315 = runDir + "/checkpoint-315";
        QVERIFY(cs::test::copyFiles(
            (src + "checkpoint-315").toStdString(), c315,
            {"config.json", "tokenizer.json", "tokenizer_config.json", "trainer_state.json"}));
        QFile whole(src + "checkpoint-315/model.safetensors");
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray weights = whole.readAll();
        QFile part(c315 + "/model.safetensors");
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(weights.left(weights.size() / 2));
        part.flush();
        // Seen half-written (the reason names the tensor past the end), and left alone.
        QVERIFY2(waitFor(err, "checkpoint-315/model.safetensors: tensor"), err.constData());
        QVERIFY2(err.contains("out of range"), err.constData());
        QVERIFY(!out.contains("checkpoint-315:"));
        part.write(weights.mid(weights.size() / 2));
        part.close();
        QVERIFY2(waitFor(out, "checkpoint-315: patience 3"), err.constData());

        // The last checkpoint ends training (global_step = max_steps): the follower stops.
        QVERIFY(cs::test::copyFiles((src + "checkpoint-625").toStdString(),
                                    runDir + "/checkpoint-625", files));
        QVERIFY(follow.waitForFinished(120000));
        out += follow.readAllStandardOutput();
        err += follow.readAllStandardError();
        QVERIFY2(follow.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("training ended; 3 checkpoint(s) evaluated now"), err.constData());
        const QList<QByteArray> verdicts = out.trimmed().split('\n');
        QCOMPARE(verdicts.size(), 3);
        QVERIFY(verdicts[2].startsWith("checkpoint-625: patience 3 on Real@1 would not stop yet: "
                                       "best so far checkpoint-625"));
        QVERIFY(!err.contains("error"));

        // The same files as evaluating the finished run at once.
        const Result batch =
            run({QStringList{"eval", "--run", runDir, "--out", tmp.filePath("batch")} << sets});
        QVERIFY2(batch.code == 0, batch.err.constData());
        const auto followed = folderContents(tmp.filePath("followed"));
        QCOMPARE(followed.size(), std::size_t(6));
        QVERIFY(followed == folderContents(tmp.filePath("batch")));
    }

    void slurmJobArrayEqualsOneProcess()
    {
        // eval --slurm 3 on the real Slurm scripts/slurm-local.sh starts: three shards and a
        // merge job after them give the files of a single-process evaluation. A shard that
        // fails is reported and nothing is merged.
        if (QProcess::execute("sinfo", {"-h"}) != 0) {
            if (qEnvironmentVariableIsSet("CLOZESCOPE_REQUIRE_SLURM"))
                QFAIL("Slurm is not reachable (SLURM_CONF) though the test script started it");
            QSKIP("no Slurm here: scripts/slurm-local.sh start, then SLURM_CONF=… to run this");
        }
        QTemporaryDir tmp;
        const QString data = QString(CLOZESCOPE_TEST_DATA);
        const QString runDir = tmp.filePath("mlm_synth_128");
        for (const char *c : {"checkpoint-63", "checkpoint-315", "checkpoint-625"})
            QVERIFY(cs::test::copyFiles((data + "/trainer-run/mlm_synth_128/" + c).toStdString(),
                                        runDir + "/" + c,
                                        {"config.json", "model.safetensors", "tokenizer.json",
                                         "tokenizer_config.json", "trainer_state.json"}));
        const QStringList sets = {"--data",       "real=" + data + "/cloze/real.jsonl",
                                  "--data",       "lambada=" + data + "/cloze/lambada.jsonl",
                                  "--max-length", "128"};
        Result r = run(QStringList{"eval", "--run", runDir, "--out", tmp.filePath("slurm"),
                                   "--slurm", "3", "--wait"}
                       << sets);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("evaluation: job array ") && r.out.contains("(3 shards of 3 "),
                 r.out.constData());
        QVERIFY(r.out.contains("merged: " + tmp.filePath("slurm").toUtf8()));
        QVERIFY(run(QStringList{"eval", "--run", runDir, "--out", tmp.filePath("single")} << sets)
                    .code == 0);
        const auto merged = folderContents(tmp.filePath("slurm/mlm_synth_128"));
        QCOMPARE(merged.size(), std::size_t(6));
        QVERIFY(merged == folderContents(tmp.filePath("single/mlm_synth_128")));

        // A fourth checkpoint whose weights are broken: its shard fails, the merge refuses.
        QVERIFY(
            cs::test::copyFiles((data + "/trainer-run/mlm_synth_128/checkpoint-625").toStdString(),
                                runDir + "/checkpoint-700", {"config.json", "trainer_state.json"}));
        cs::test::writeFile(tmp, "mlm_synth_128/checkpoint-700/model.safetensors", "not weights");
        r = run(QStringList{"eval", "--run", runDir, "--out", tmp.filePath("broken"), "--slurm",
                            "2", "--wait"}
                << sets);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("error: shard 1/2 failed with exit status 1"), r.err.constData());
        QVERIFY(r.err.contains("not merged"));
        QVERIFY(!QDir(tmp.filePath("broken/mlm_synth_128")).exists());
    }

    void fillMaskCutsAVeryLongText_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("longest");
        QTest::newRow("absolute positions") << "bert-tiny" << 512;
        QTest::newRow("relative positions") << "deberta-v2-tiny" << 4096;
    }
    void fillMaskCutsAVeryLongText()
    {
        // 20 000 tokens without --max-length: cut as eval cuts and said, not a memory that
        // grows with the square of the length.
        QFETCH(QString, model);
        QFETCH(int, longest);
        QString text; // an argument holds at most 128 KiB: short words
        for (int i = 0; i < 20000; ++i)
            text += QString::fromUtf8("가 ");
        text += QString::fromUtf8("서울시는 새로운 [MASK] 요금을 발표했다.");
        const Result r =
            run({"fill-mask", "--model",
                 QString::fromStdString(cs::test::fixture(model.toStdString())), "--json", text});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["input_ids"].toArray().size(), longest);
        QVERIFY(doc["text_length"].toInt() >= 20000);
        QCOMPARE(doc["mask_positions"].toArray().size(), 1);
        QVERIFY2(r.err.contains("note: the text is " +
                                QByteArray::number(doc["text_length"].toInt()) +
                                " tokens; cut to " + QByteArray::number(longest)),
                 r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_cli_eval.moc"
