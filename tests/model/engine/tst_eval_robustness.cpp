// SPDX-License-Identifier: MIT
// An evaluation survives any one bad input: a checkpoint whose weights crashed the reader,
// examples the model cannot take, a results folder that cannot be written, a stopped writer's
// leftovers, another evaluation in the same folder, a shard naming files outside itself.
#include "engine/eval_run.h"
#include "results/shard_merge.h"
#include "util/file_lock.h"

#include "eval_fixture.h"
#include "hostile_files.h"
#include "test_support.h"

#include <QFileInfo>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace cs;
namespace fs = std::filesystem;

class TestEvalRobustness : public QObject
{
    Q_OBJECT
    test::EvalFixture m_fx;

  private slots:
    void aCheckpointWhoseWeightsCrashedTheReaderIsItsOwnError()
    {
        // checkpoint-2's pytorch_model.bin pops an empty pickle stack: this ended the whole run
        // with SIGSEGV (and every rerun at the same place); now it is that checkpoint's error.
        QTemporaryDir tmp;
        const fs::path run = fs::path(tmp.path().toStdString()) / "mlm_crash_64";
        test::makeRun(run.string(), test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-1", "checkpoint-2", "checkpoint-3"});
        fs::remove(run / "checkpoint-2" / "model.safetensors");
        std::ofstream(run / "checkpoint-2" / "pytorch_model.bin", std::ios::binary)
            << test::torchSave("\x80\x02"
                               "a."); // split: \x02a would be one escape
        EvalRunOptions o = m_fx.options("crash");
        o.outDir = tmp.filePath("out").toStdString();
        try {
            evaluateCheckpoints(discoverCheckpoints(run.string()), m_fx.datasets(), o,
                                [](const std::string &) {});
            QFAIL("a broken pytorch_model.bin went unnoticed");
        } catch (const std::runtime_error &e) {
            const std::string what = e.what();
            QVERIFY2(what.find("1 checkpoint(s) failed (2 evaluated and kept)") !=
                         std::string::npos,
                     e.what());
            QVERIFY2(what.find("checkpoint-2/pytorch_model.bin: pickle byte 2: APPEND with "
                               "nothing on the stack") != std::string::npos,
                     e.what());
        }
        const fs::path out = fs::path(o.outDir) / "mlm_crash_64";
        QVERIFY(fs::exists(out / "checkpoint-1.results.json"));
        QVERIFY(fs::exists(out / "checkpoint-3.results.json"));
    }

    void mergeReadsNothingOutsideAShard()
    {
        // A shard's results file naming its examples outside its folder: refused, and the
        // file waiting there is not copied into the merged output.
        QTemporaryDir tmp;
        test::writeFile(tmp, "secret.examples.jsonl", "{\"id\": \"x\"}\n");
        test::writeFile(
            tmp, "shard/run/checkpoint-1.results.json",
            QByteArray::fromStdString(nlohmann::json{{"format", "clozescope-results"},
                                                     {"version", 1},
                                                     {"metrics", {{"real@1", 0.5}}},
                                                     {"examples", "../../secret.examples.jsonl"}}
                                          .dump()));
        const ShardMergeReport report = mergeShardResults({tmp.filePath("shard").toStdString()},
                                                          tmp.filePath("merged").toStdString());
        QCOMPARE(report.problems.size(), std::size_t(1));
        QVERIFY2(report.problems[0].find("per-example file not read") != std::string::npos,
                 report.problems[0].c_str());
        QCOMPARE(report.copied, 0);
        QVERIFY(!QFile::exists(tmp.filePath("merged/run/secret.examples.jsonl")));
    }

    void aSetNoExampleOfWhichFitsIsTheCheckpointsError()
    {
        // Every example skipped: no results with a perfect-looking mean log-probability of 0,
        // but that checkpoint's error, saying why.
        QByteArray lines;
        for (int i = 0; i < 3; ++i)
            lines += QByteArray::fromStdString(
                         nlohmann::json{{"id", "long-" + std::to_string(i)},
                                        {"text", "서울시는 [MASK] 발표했다 ."},
                                        {"answer", "대중교통 요금 체계 새로운 발표 대중교통 요금 "
                                                   "체계 새로운 발표 대중교통 요금 체계"}}
                             .dump()) +
                     "\n";
        std::vector<std::string> warnings;
        const auto sets = loadEvalDatasets(
            {{"real", test::writeFile(m_fx.tmp, "sets/long.jsonl", lines)}}, warnings);
        EvalRunOptions o = m_fx.options("nothing-fits");
        o.cloze.maxLength = 8;
        const auto ckpts = discoverCheckpoints(m_fx.run);
        try {
            evaluateCheckpoints({ckpts[0]}, sets, o, [](const std::string &) {});
            QFAIL("a set with nothing evaluated was written as results");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find("none of the 3 examples of") != std::string::npos,
                     e.what());
            QVERIFY2(std::string(e.what()).find("line 1: the answer is") != std::string::npos,
                     e.what());
        }
        QVERIFY(!fs::exists(fs::path(o.outDir) / "mlm_tiny_512" / "checkpoint-5.results.json"));
    }

    void examplesThatCannotBeEvaluatedAreSkipped()
    {
        // An empty answer is a bad line of the set; an answer longer than max length is skipped
        // by the evaluation with set, line and reason (said once for the run) while every other
        // example of every checkpoint is evaluated.
        const QByteArray good =
            QByteArray::fromStdString(test::firstLines(test::dataPath("cloze/real.jsonl"), 4));
        QString longAnswer;
        for (int i = 0; i < 80; ++i)
            longAnswer += QString::fromUtf8("대중교통 ");
        const std::string set = test::writeFile(
            m_fx.tmp, "sets/with-bad.jsonl",
            good + "{\"id\": \"empty\", \"text\": \"a [MASK] b\", \"answer\": \"\"}\n" +
                QByteArray::fromStdString(
                    nlohmann::json{{"id", "long"},
                                   {"text", "서울시는 [MASK] 발표했다 ."},
                                   {"answer", longAnswer.trimmed().toStdString()}}
                        .dump()) +
                "\n");
        std::vector<std::string> warnings;
        const auto ds = loadEvalDatasets({{"real", set}}, warnings);
        QCOMPARE(ds[0].examples.size(), std::size_t(5));
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(warnings[0].find("line 5: the answer is empty") != std::string::npos,
                 warnings[0].c_str());
        EvalRunOptions o = m_fx.options("skipped");
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_fx.run);
        QCOMPARE(evaluateCheckpoints({ckpts[0], ckpts[1]}, ds, o,
                                     [&](const std::string &l) { log.push_back(l); }),
                 2);
        const auto said = std::count_if(log.begin(), log.end(), [](const std::string &l) {
            return l.find("with-bad.jsonl: line 6 (long): the answer is") != std::string::npos &&
                   l.find("too long for max length 64; example skipped") != std::string::npos;
        });
        QCOMPARE(said, 2 - 1); // once, though both checkpoints skipped it
        const auto doc = test::readJson(
            (fs::path(o.outDir) / "mlm_tiny_512" / "checkpoint-5.results.json").string());
        QCOMPARE(doc["datasets"]["real"]["n"].get<int>(), 4);
        QCOMPARE(doc["datasets"]["real"]["skipped"].size(), std::size_t(1));
        QCOMPARE(doc["datasets"]["real"]["skipped"][0]["line"].get<int>(), 6);
        QCOMPARE(doc["metrics"]["real@1"]["n"].get<int>(), 4);
    }

    void aResultsFolderThatCannotBeWrittenIsRefusedBeforeAnyWork()
    {
        // Said at once with the system's reason, not "No such file or directory" after every
        // checkpoint was evaluated. Root writes through permission bits: it gets /sys.
        QTemporaryDir tmp;
        std::string out = "/sys/clozescope-results";
        if (::geteuid() == 0 && !QFileInfo("/sys/kernel").isDir())
            QSKIP("root without /sys mounted: no folder here that root cannot write");
        if (::geteuid() != 0) {
            QVERIFY(QDir(tmp.path()).mkdir("ro"));
            QVERIFY(QFile::setPermissions(tmp.filePath("ro"), QFile::ReadOwner | QFile::ExeOwner));
            out = tmp.filePath("ro/results").toStdString();
        }
        EvalRunOptions o = m_fx.options("unused");
        o.outDir = out;
        std::vector<std::string> log;
        try {
            evaluateCheckpoints(discoverCheckpoints(m_fx.run), m_fx.datasets(), o,
                                [&](const std::string &l) { log.push_back(l); });
            QFAIL("an unwritable results folder was accepted");
        } catch (const std::runtime_error &e) {
            const std::string what = e.what();
            QVERIFY2(what.find("results folder " + out) != std::string::npos, e.what());
            QVERIFY2(what.find("nothing was evaluated") != std::string::npos, e.what());
            QVERIFY2(what.find("No such file") == std::string::npos, e.what());
        }
        QVERIFY(log.empty()); // no checkpoint was even loaded
        QFile::setPermissions(tmp.filePath("ro"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void whatResultsCannotRecordIsRefusedBeforeAnyWork_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("one set name twice") << "twice"
                                            << "is given twice";
        QTest::newRow("a set name not UTF-8") << "set"
                                              << "not valid UTF-8";
        QTest::newRow("a run folder not UTF-8") << "run"
                                                << "not valid UTF-8";
    }
    void whatResultsCannotRecordIsRefusedBeforeAnyWork()
    {
        // Once kept only the second set's metrics (its examples beside the first's), or failed
        // every checkpoint after its evaluation when the results JSON was written.
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        std::vector<EvalDataset> sets = m_fx.datasets();
        std::vector<std::string> checkpoints = discoverCheckpoints(m_fx.run);
        if (kind == "twice") sets[1].name = sets[0].name;
        if (kind == "set") sets[0].name = "real\xff";
        if (kind == "run") {
            const std::string odd = m_fx.tmp.path().toStdString() + "/run\xff"; // raw bytes
            test::makeRun(odd, test::dataPath("hf-reference/deberta-v2-tiny"), {"checkpoint-1"});
            checkpoints = discoverCheckpoints(odd);
        }
        std::vector<std::string> log;
        try {
            evaluateCheckpoints(checkpoints, sets, m_fx.options("refused"),
                                [&](const std::string &l) { log.push_back(l); });
            QFAIL("accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find(reason.toStdString()) != std::string::npos,
                     e.what());
        }
        QVERIFY(log.empty()); // no checkpoint was loaded
        QVERIFY(!QFileInfo::exists(m_fx.tmp.filePath("refused")));
    }

    void leftoversOfAStoppedWriterAreRemoved()
    {
        EvalRunOptions o = m_fx.options("leftovers");
        const fs::path out = fs::path(o.outDir) / "mlm_tiny_512";
        fs::create_directories(out);
        for (const char *name : {"checkpoint-5.results.json.tmp-12345",
                                 "checkpoint-5.examples.jsonl.tmp-678", "notes.tmp-1"})
            std::ofstream(out / name) << "half";
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_fx.run);
        QCOMPARE(evaluateCheckpoints({ckpts[0]}, m_fx.datasets(), o,
                                     [&](const std::string &l) { log.push_back(l); }),
                 1);
        QVERIFY(!fs::exists(out / "checkpoint-5.results.json.tmp-12345"));
        QVERIFY(!fs::exists(out / "checkpoint-5.examples.jsonl.tmp-678"));
        QVERIFY(fs::exists(out / "notes.tmp-1")); // not ClozeScope's: left alone
        QVERIFY(std::any_of(log.begin(), log.end(), [](const std::string &l) {
            return l.find("removed checkpoint-5.results.json.tmp-12345") != std::string::npos;
        }));
    }

    void aCheckpointAnotherEvaluationHoldsIsLeftToIt()
    {
        // Another evaluation into the same folder holds checkpoint-10 (a lock file of its own,
        // as a second process would): this one evaluates the others and says who has it.
        EvalRunOptions o = m_fx.options("shared");
        const fs::path out = fs::path(o.outDir) / "mlm_tiny_512";
        fs::create_directories(out);
        std::string holder;
        auto other = FileLock::tryLock((out / "checkpoint-10.lock").string(), holder);
        QVERIFY(other);
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_fx.run);
        QCOMPARE(evaluateCheckpoints(ckpts, m_fx.datasets(), o,
                                     [&](const std::string &l) { log.push_back(l); }),
                 2);
        QVERIFY(!fs::exists(out / "checkpoint-10.results.json"));
        const std::string me = "pid " + std::to_string(::getpid()) + " on ";
        QVERIFY(std::any_of(log.begin(), log.end(), [&](const std::string &l) {
            return l.find("checkpoint-10: being evaluated by " + me) != std::string::npos;
        }));
        other.reset(); // it stopped without results: the next run does it
        QCOMPARE(evaluateCheckpoints(ckpts, m_fx.datasets(), o, [](const std::string &) {}), 1);
        QVERIFY(fs::exists(out / "checkpoint-10.results.json"));
        QVERIFY(!fs::exists(out / "checkpoint-10.lock"));
    }
};

QTEST_GUILESS_MAIN(TestEvalRobustness)
#include "tst_eval_robustness.moc"
