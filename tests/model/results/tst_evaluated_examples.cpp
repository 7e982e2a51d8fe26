// SPDX-License-Identifier: MIT
// Per-example records of an evaluated checkpoint joined with their texts from the real cloze
// set: found beside the results or among the sets the user chose (never at a path the file
// records outside its folder), refused when the set has changed, and every missing piece said.
#include "results/evaluated_examples.h"

#include "test_support.h"
#include "util/sha256.h"

#include <QtTest>

#include <sys/stat.h>

using namespace cs;

namespace {

const std::string kSet = test::dataPath("cloze/real.jsonl");

/// A results file naming the set (path given or not, sha256 given) and a sidecar of records.
std::string writeResults(const QTemporaryDir &dir, const std::string &setPath,
                         const std::string &sha, const QByteArray &records)
{
    nlohmann::json doc = {
        {"format", "clozescope-results"},
        {"version", 1},
        {"checkpoint", {{"name", "checkpoint-63"}, {"path", "/runs/a/checkpoint-63"}}},
        {"datasets", {{"real", {{"file", "real.jsonl"}, {"sha256", sha}, {"n", 3}}}}},
        {"examples", "checkpoint-63.examples.jsonl"}};
    if (!setPath.empty()) doc["datasets"]["real"]["path"] = setPath;
    test::writeFile(dir, "checkpoint-63.examples.jsonl", records);
    return test::writeFile(dir, "checkpoint-63.results.json",
                           QByteArray::fromStdString(doc.dump()));
}

const QByteArray kRecords =
    R"({"id": "real-0000", "dataset": "real", "rank": 1, "gold_logprob": -0.4, "hits": {"1": true}, "top": [{"ids": [5], "tokens": ["강지민의"], "logprob": -0.4}]})"
    "\n"
    R"({"id": "real-0001", "dataset": "real", "rank": 3, "gold_logprob": -2.5, "hits": {"1": false}, "top": [{"ids": [7], "tokens": ["유재석의"], "logprob": -1.1}]})"
    "\nnot json\n"
    R"({"id": "real-0002", "dataset": "real", "rank": null, "gold_logprob": -9.0, "hits": {"1": false}})"
    "\n";

} // namespace

class TestEvaluatedExamples : public QObject
{
    Q_OBJECT
  private slots:
    void joinsRecordsWithTheirTexts_data()
    {
        QTest::addColumn<bool>("chosen");
        QTest::newRow("a set the user chose") << true;
        QTest::newRow("beside the results") << false;
    }
    void joinsRecordsWithTheirTexts()
    {
        QFETCH(bool, chosen);
        QTemporaryDir dir;
        const std::string sha = sha256Hex(test::readText(kSet));
        if (!chosen) QVERIFY(QFile::copy(QString::fromStdString(kSet), dir.filePath("real.jsonl")));
        const auto got = readEvaluatedExamples(
            writeResults(dir, chosen ? kSet : "/moved/real.jsonl", sha, kRecords), {},
            chosen ? std::vector<std::string>{kSet} : std::vector<std::string>{});
        QVERIFY(got.missingSets.empty());
        QCOMPARE(got.checkpointPath, std::string("/runs/a/checkpoint-63"));
        QCOMPARE(got.examples.size(), std::size_t(3));
        QCOMPARE(got.problems.size(), std::size_t(1)); // the line that is not JSON
        QCOMPARE(got.problems[0].location, std::string("line 3"));
        const EvaluatedExample &second = got.examples[1];
        QCOMPARE(second.id, std::string("real-0001"));
        QCOMPARE(*second.rank, 3);
        QVERIFY(second.failed() && !got.examples[0].failed() && got.examples[2].failed());
        QVERIFY(!got.examples[2].rank);
        QCOMPARE(second.best, std::vector<std::string>{"유재석의"});
        QCOMPARE(*second.goldLogprob, -2.5);
        QVERIFY(second.text.find("[MASK]") != std::string::npos);
        QVERIFY(second.text.rfind("정현우는", 0) == 0);
        QCOMPARE(second.answers, std::vector<std::string>{"정현우의"});
    }

    void theRecordedPathIsNotFollowed()
    {
        // The set exists where the results say, outside their folder: not read; the set is
        // named as missing with its recorded path, for the user to locate.
        QTemporaryDir dir;
        const std::string sha = sha256Hex(test::readText(kSet));
        const auto got = readEvaluatedExamples(writeResults(dir, kSet, sha, kRecords));
        QCOMPARE(got.examples.size(), std::size_t(3));
        QVERIFY(got.examples[1].text.empty());
        QCOMPARE(got.missingSets.size(), std::size_t(1));
        QCOMPARE(got.missingSets[0].name, std::string("real"));
        QCOMPARE(got.missingSets[0].recorded, kSet);
        QCOMPARE(got.missingSets[0].sha256, sha);
        QVERIFY(test::problemsMention(got.problems, "not followed outside its folder"));
    }

    void sidecarOutsideTheFolderIsRefused_data()
    {
        QTest::addColumn<QString>("sidecar");
        QTest::addColumn<QString>("reason");
        QTest::newRow("absolute") << "/etc/passwd"
                                  << "an absolute path";
        QTest::newRow("a device") << "/dev/zero"
                                  << "an absolute path";
        QTest::newRow("up and out") << "../outside.examples.jsonl"
                                    << "leads outside";
        QTest::newRow("a link out") << "link.examples.jsonl"
                                    << "leads outside";
        QTest::newRow("a link to a device") << "zero.examples.jsonl"
                                            << "leads outside";
        QTest::newRow("a pipe inside") << "fifo.examples.jsonl"
                                       << "not a regular file";
    }
    void sidecarOutsideTheFolderIsRefused()
    {
        // Records that would be read are waiting outside; none of them is.
        QFETCH(QString, sidecar);
        QFETCH(QString, reason);
        QTemporaryDir root;
        test::writeFile(root, "outside.examples.jsonl", kRecords);
        QVERIFY(QDir(root.path()).mkdir("results"));
        QVERIFY(QFile::link(root.filePath("outside.examples.jsonl"),
                            root.filePath("results/link.examples.jsonl")));
        QVERIFY(QFile::link("/dev/zero", root.filePath("results/zero.examples.jsonl")));
        QCOMPARE(
            ::mkfifo(root.filePath("results/fifo.examples.jsonl").toLocal8Bit().constData(), 0600),
            0); // read, it would wait for a writer forever
        nlohmann::json doc = {{"format", "clozescope-results"},
                              {"version", 1},
                              {"checkpoint", {{"name", "checkpoint-63"}}},
                              {"examples", sidecar.toStdString()}};
        const std::string results = test::writeFile(root, "results/checkpoint-63.results.json",
                                                    QByteArray::fromStdString(doc.dump()));
        const auto got = readEvaluatedExamples(results);
        QVERIFY(got.examples.empty());
        QVERIFY2(test::problemsMention(got.problems, reason.toStdString()),
                 got.problems.empty() ? "no problem" : got.problems[0].message.c_str());
    }

    void aChangedSetIsNotUsed()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QString::fromStdString(kSet), dir.filePath("real.jsonl")));
        const auto got = readEvaluatedExamples(writeResults(dir, kSet, "00ff", kRecords));
        QCOMPARE(got.examples.size(), std::size_t(3));
        QVERIFY(got.examples[1].text.empty() && got.examples[1].answers.empty());
        // Found, but changed: said once, as changed (not also as missing).
        QCOMPARE(got.problems.size(), std::size_t(2)); // and the line that is not JSON
        QVERIFY(test::problemsMention(got.problems, "has changed"));
        QVERIFY(!test::problemsMention(got.problems, "not found"));
    }

    void aMissingSetIsSaidOnce()
    {
        QTemporaryDir dir;
        // The recorded path is where the name beside the results points too: one place, one
        // problem.
        const auto got = readEvaluatedExamples(
            writeResults(dir, dir.filePath("real.jsonl").toStdString(), "00ff", kRecords));
        QCOMPARE(got.problems.size(), std::size_t(2));
        QVERIFY(test::problemsMention(got.problems, "not found"));
    }

    void recordsOfASetTheResultsDoNotName()
    {
        QTemporaryDir dir;
        const std::string sha = sha256Hex(test::readText(kSet));
        const auto got = readEvaluatedExamples(writeResults(
            dir, kSet, sha,
            R"({"id": "lambada-0000", "dataset": "lambada", "rank": 2, "hits": {"1": false}})"
            "\n"));
        QCOMPARE(got.examples.size(), std::size_t(1));
        QVERIFY(got.examples[0].text.empty());
        QVERIFY(test::problemsMention(got.problems, "records of set \"lambada\""));
    }

    void oneCheckpointOfAFileOfSeveral()
    {
        QTemporaryDir dir;
        const std::string sha = sha256Hex(test::readText(kSet));
        test::writeFile(dir, "b.examples.jsonl", kRecords);
        const nlohmann::json doc = {
            {"format", "clozescope-results"},
            {"version", 1},
            {"datasets", {{"real", {{"file", "real.jsonl"}, {"path", kSet}, {"sha256", sha}}}}},
            {"checkpoints",
             {{{"checkpoint", "checkpoint-1"}, {"metrics", {{"real@1", 0.5}}}},
              {{"checkpoint", {{"name", "checkpoint-2"}, {"path", "/runs/b/checkpoint-2"}}},
               {"metrics", {{"real@1", 0.6}}},
               {"examples", "b.examples.jsonl"}}}}};
        const std::string file =
            test::writeFile(dir, "all.results.json", QByteArray::fromStdString(doc.dump()));
        auto got = readEvaluatedExamples(file, "checkpoint-2", {kSet});
        QCOMPARE(got.checkpointPath, std::string("/runs/b/checkpoint-2"));
        QCOMPARE(got.examples.size(), std::size_t(3));
        QVERIFY(!got.examples[1].text.empty());
        got = readEvaluatedExamples(file, "checkpoint-1");
        QVERIFY(got.examples.empty());
        QVERIFY(test::problemsMention(got.problems, "no per-example records"));
        got = readEvaluatedExamples(file, "checkpoint-3");
        QVERIFY(test::problemsMention(got.problems, "no entry for checkpoint-3"));
    }

    void missingPiecesAreSaid()
    {
        QTemporaryDir dir;
        const std::string results = writeResults(dir, "", "00ff", kRecords);
        QFile::remove(dir.filePath("checkpoint-63.examples.jsonl"));
        auto got = readEvaluatedExamples(results);
        QVERIFY(got.examples.empty());
        QVERIFY(test::problemsMention(got.problems, "checkpoint-63.examples.jsonl"));
        got = readEvaluatedExamples(dir.filePath("nothing.json").toStdString());
        QCOMPARE(got.problems.size(), std::size_t(1));
        QCOMPARE(got.problems[0].severity, Severity::Error);
        const std::string plain = test::writeFile(
            dir, "plain.results.json", R"({"format": "clozescope-results", "version": 1})");
        got = readEvaluatedExamples(plain);
        QVERIFY(test::problemsMention(got.problems, "no per-example records"));
    }
};

QTEST_GUILESS_MAIN(TestEvaluatedExamples)
#include "tst_evaluated_examples.moc"
