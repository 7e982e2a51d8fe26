// SPDX-License-Identifier: MIT
// Multi-checkpoint evaluation: a run folder of two checkpoints is evaluated into ClozeScope
// results files that the importer reads back; a second call resumes; shards split the work.
#include "engine/eval_run.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "results/shard_merge.h"
#include "util/file_lock.h"
#include "util/sha256.h"

#include "hostile_files.h"
#include "test_support.h"

#include <QFileInfo>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

using namespace cs;
namespace fs = std::filesystem;

class TestEvalRun : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::string m_run;

    /// The first n lines of a bundled cloze set, as a file of its own.
    std::string subset(const std::string &name, int n)
    {
        return test::writeFile(m_tmp, QString::fromStdString("sets/" + name + ".jsonl"),
                               QByteArray::fromStdString(test::firstLines(
                                   test::dataPath("cloze/" + name + ".jsonl"), n)));
    }

    std::vector<EvalDataset> datasets()
    {
        std::vector<std::string> warnings;
        auto ds = loadEvalDatasets(
            {{"real", subset("real", 12)}, {"lambada", subset("lambada", 8)}}, warnings);
        return ds;
    }

    /// A results folder's files, with the results' "created" (time, duration) left out.
    static std::map<std::string, std::string> contents(const fs::path &dir)
    {
        std::map<std::string, std::string> out;
        for (const auto &e : fs::recursive_directory_iterator(dir)) {
            if (!e.is_regular_file()) continue;
            std::string text = test::readText(e.path().string());
            if (e.path().string().find(".results.json") != std::string::npos) {
                auto doc = nlohmann::json::parse(text);
                doc.erase("created");
                text = doc.dump();
            }
            out[fs::relative(e.path(), dir).string()] = text;
        }
        return out;
    }

    EvalRunOptions options(const QString &out)
    {
        EvalRunOptions o;
        o.outDir = m_tmp.filePath(out).toStdString();
        o.cloze.maxLength = 64;
        return o;
    }

  private slots:
    void initTestCase()
    {
        // A training run as the Trainer leaves it: checkpoint-N folders, out of order on disk.
        m_run = m_tmp.filePath("mlm_tiny_512").toStdString();
        test::makeRun(m_run, test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-20", "checkpoint-10", "checkpoint-5"});
        std::ofstream(fs::path(m_run) / "checkpoint-10" / "trainer_state.json")
            << R"({"epoch": 2.0, "global_step": 10})";
        fs::create_directories(fs::path(m_run) / "runs"); // TensorBoard logs: not a checkpoint
        fs::create_directories(fs::path(m_run) / "checkpoint_3"); // Accelerate's: not either
    }

    void sha256KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void sha256KnownAnswers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, hex);
        QCOMPARE(QString::fromStdString(sha256Hex(bytes.toStdString())), hex);
    }

    void discoversCheckpointsByStep()
    {
        const auto found = discoverCheckpoints(m_run);
        QCOMPARE(found.size(), std::size_t(3));
        QCOMPARE(fs::path(found[0]).filename().string(), std::string("checkpoint-5"));
        QCOMPARE(fs::path(found[2]).filename().string(), std::string("checkpoint-20"));
    }

    void suggestsTheRunsLengthThenItsModels()
    {
        // The run's name says what it was trained at; else its model's positions; else 512.
        QCOMPARE(suggestedMaxLength(m_run, discoverCheckpoints(m_run)), 512); // mlm_tiny_512
        QTemporaryDir tmp;
        const fs::path run = fs::path(tmp.path().toStdString()) / "plain";
        test::makeRun(run.string(), test::dataPath("hf-reference/roberta-tiny"), {"checkpoint-1"});
        auto config = test::readJson((run / "checkpoint-1" / "config.json").string());
        config["max_position_embeddings"] = 130;
        std::ofstream(run / "checkpoint-1" / "config.json") << config.dump();
        QCOMPARE(suggestedMaxLength(run.string(), discoverCheckpoints(run.string())),
                 128); // RoBERTa: 130 less its two padding positions
        QCOMPARE(suggestedMaxLength((fs::path(tmp.path().toStdString()) / "empty").string(), {}),
                 512);
        // A name longer than the model takes: the model's positions (BERT, 512).
        const fs::path bert = fs::path(tmp.path().toStdString()) / "bert_base_768";
        test::makeRun(bert.string(), test::dataPath("hf-reference/bert-tiny"), {"checkpoint-1"});
        QCOMPARE(suggestedMaxLength(bert.string(), discoverCheckpoints(bert.string())), 512);
        // Relative-position DeBERTa takes its run's 1536 past its 512 positions.
        const fs::path deberta = fs::path(tmp.path().toStdString()) / "mlm_v2_scratch_1536";
        test::makeRun(deberta.string(), test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-1"});
        QCOMPARE(suggestedMaxLength(deberta.string(), discoverCheckpoints(deberta.string())), 1536);
        QCOMPARE(suggestedMaxLength(test::dataPath("trainer-run/mlm_synth_128"), {}), 128);
    }

    void badDatasetIsNamed()
    {
        const std::string bad =
            test::writeFile(m_tmp, "sets/bad.jsonl", "{\"id\": \"x\"}\nnot json\n");
        std::vector<std::string> warnings;
        try {
            loadEvalDatasets({{"real", bad}}, warnings);
            QFAIL("a set without usable examples was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find("bad.jsonl") != std::string::npos, e.what());
        }
    }

    void evaluatesShardsResumesAndImports()
    {
        const auto ds = datasets();
        QCOMPARE(ds[0].examples.size(), std::size_t(12));
        QCOMPARE(ds[0].sha256.size(), std::size_t(64));
        EvalRunOptions o;
        o.outDir = m_tmp.filePath("results").toStdString();
        o.cloze.maxLength = 64;
        std::vector<std::string> log;
        const auto logTo = [&](const std::string &line) { log.push_back(line); };
        const auto ckpts = discoverCheckpoints(m_run);

        // Shard 1 of 2 takes the second checkpoint only.
        o.shardIndex = 1;
        o.shardCount = 2;
        QCOMPARE(evaluateCheckpoints(ckpts, ds, o, logTo), 1);
        const fs::path out = fs::path(o.outDir) / "mlm_tiny_512";
        QVERIFY(fs::exists(out / "checkpoint-10.results.json"));
        QVERIFY(!fs::exists(out / "checkpoint-5.results.json"));

        // The whole run: the finished checkpoint is skipped, not recomputed.
        o.shardIndex = 0;
        o.shardCount = 1;
        const auto before = fs::last_write_time(out / "checkpoint-10.results.json");
        QCOMPARE(evaluateCheckpoints(ckpts, ds, o, logTo), 2);
        QCOMPARE(fs::last_write_time(out / "checkpoint-10.results.json"), before);
        QVERIFY(std::any_of(log.begin(), log.end(), [](const std::string &l) {
            return l.find("checkpoint-10: already evaluated") != std::string::npos;
        }));
        QCOMPARE(evaluateCheckpoints(ckpts, ds, o, logTo), 0);

        // What was written imports as a run with three checkpoints and paired examples.
        const ResultSet rs = loadResults({o.outDir});
        for (const auto &p : rs.problems)
            QVERIFY2(p.severity == Severity::Info, p.message.c_str());
        QCOMPARE(rs.runs.size(), std::size_t(1));
        const Run &run = rs.runs[0];
        QCOMPARE(run.name, std::string("mlm_tiny_512"));
        QCOMPARE(run.seqLen, std::optional<int>(64));
        QCOMPARE(run.checkpoints.size(), std::size_t(3));
        const Checkpoint *c10 = test::findCheckpoint(run, "checkpoint-10");
        QVERIFY(c10);
        QCOMPARE(c10->epoch, std::optional<double>(2.0));
        for (const std::string &id : {metric::Real1, metric::Real5, metric::Lambada1}) {
            QVERIFY2(c10->metrics.count(id), id.c_str());
            const MetricValue &m = c10->metrics.at(id);
            QCOMPARE(m.n, std::optional<std::int64_t>(id == metric::Lambada1 ? 8 : 12));
            QCOMPARE(std::int64_t(m.examples.size()), *m.n);
            QVERIFY(m.value >= 0.0 && m.value <= 1.0);
        }
        // The same weights give the same numbers in every checkpoint.
        for (const Checkpoint &c : run.checkpoints)
            QCOMPARE(c.metrics.at(metric::Real5).value, c10->metrics.at(metric::Real5).value);
    }

    void shardedMergedAndResumedEqualUninterrupted()
    {
        const auto ds = datasets();
        const auto ckpts = discoverCheckpoints(m_run);
        const auto quiet = [](const std::string &) {};
        EvalRunOptions whole = options("whole");
        QCOMPARE(evaluateCheckpoints(ckpts, ds, whole, quiet), 3);
        const auto expected = contents(whole.outDir);
        QCOMPARE(expected.size(), std::size_t(6));

        // Three shards in their own folders, joined by merge.
        std::vector<std::string> shardDirs;
        for (int i = 0; i < 3; ++i) {
            EvalRunOptions o = options(QString("shard%1").arg(i));
            o.shardIndex = i;
            o.shardCount = 3;
            QCOMPARE(evaluateCheckpoints(ckpts, ds, o, quiet), 1);
            shardDirs.push_back(o.outDir);
        }
        shardDirs.push_back(whole.outDir); // a checkpoint twice with equal results is fine
        const std::string merged = m_tmp.filePath("merged").toStdString();
        const ShardMergeReport report = mergeShardResults(shardDirs, merged);
        QVERIFY2(report.problems.empty(),
                 report.problems.empty() ? "" : report.problems[0].c_str());
        QCOMPARE(report.copied, 3);
        QCOMPARE(report.identical, 3);
        QVERIFY(contents(merged) == expected);

        // Killed midway: one checkpoint finished, the next one's examples written but not its
        // results. The rerun redoes that one and the folder equals the uninterrupted run's.
        EvalRunOptions killed = options("killed");
        killed.shardIndex = 0;
        killed.shardCount = 3;
        QCOMPARE(evaluateCheckpoints(ckpts, ds, killed, quiet), 1);
        const fs::path run = fs::path(killed.outDir) / "mlm_tiny_512";
        std::ofstream(run / "checkpoint-10.examples.jsonl") << "{\"id\": \"real-0000\", \"dat";
        killed.shardCount = 1;
        QCOMPARE(evaluateCheckpoints(ckpts, ds, killed, quiet), 2);
        QVERIFY(contents(killed.outDir) == expected);

        // Shards of another evaluation (other max length) are refused, not mixed in.
        EvalRunOptions other = options("other");
        other.cloze.maxLength = 32;
        QCOMPARE(evaluateCheckpoints({ckpts[0]}, ds, other, quiet), 1);
        const ShardMergeReport refused =
            mergeShardResults({shardDirs[1], other.outDir}, m_tmp.filePath("mixed").toStdString());
        QCOMPARE(refused.problems.size(), std::size_t(1));
        QVERIFY2(refused.problems[0].find("other datasets or settings") != std::string::npos,
                 refused.problems[0].c_str());

        // A node that kept its copy of the sets elsewhere (same bytes): merged, not refused.
        std::vector<std::pair<std::string, std::string>> copies;
        for (const EvalDataset &set : ds)
            copies.emplace_back(
                set.name,
                test::writeFile(m_tmp, "node2/" + QString::fromStdString(set.name + ".jsonl"),
                                QByteArray::fromStdString(test::readText(set.path))));
        std::vector<std::string> warnings;
        EvalRunOptions node2 = options("node2-out");
        node2.shardIndex = 1;
        node2.shardCount = 3;
        QCOMPARE(evaluateCheckpoints(ckpts, loadEvalDatasets(copies, warnings), node2, quiet), 1);
        const ShardMergeReport elsewhere =
            mergeShardResults({shardDirs[0], node2.outDir, shardDirs[2]},
                              m_tmp.filePath("merged-elsewhere").toStdString());
        QVERIFY2(elsewhere.problems.empty(),
                 elsewhere.problems.empty() ? "" : elsewhere.problems[0].c_str());
        QCOMPARE(elsewhere.copied, 3);
    }
    void aBrokenCheckpointDoesNotStopTheOthers()
    {
        QTemporaryDir tmp;
        const fs::path run = fs::path(tmp.path().toStdString()) / "mlm_broken_64";
        test::makeRun(run.string(), test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-1", "checkpoint-2", "checkpoint-3"});
        fs::resize_file(run / "checkpoint-2" / "model.safetensors", 100); // truncated weights
        EvalRunOptions o = options("broken");
        o.outDir = tmp.filePath("out").toStdString();
        std::vector<std::string> log;
        try {
            evaluateCheckpoints(discoverCheckpoints(run.string()), datasets(), o,
                                [&](const std::string &l) { log.push_back(l); });
            QFAIL("a truncated checkpoint went unnoticed");
        } catch (const std::runtime_error &e) {
            const std::string what = e.what();
            QVERIFY2(what.find("1 checkpoint(s) failed (2 evaluated and kept)") !=
                         std::string::npos,
                     e.what());
            QVERIFY2(what.find("checkpoint-2") != std::string::npos, e.what());
            QVERIFY2(what.find("model.safetensors") != std::string::npos, e.what());
        }
        const fs::path out = fs::path(o.outDir) / "mlm_broken_64";
        QVERIFY(fs::exists(out / "checkpoint-1.results.json"));
        QVERIFY(!fs::exists(out / "checkpoint-2.results.json"));
        QVERIFY(fs::exists(out / "checkpoint-3.results.json"));
    }

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
        EvalRunOptions o = options("crash");
        o.outDir = tmp.filePath("out").toStdString();
        try {
            evaluateCheckpoints(discoverCheckpoints(run.string()), datasets(), o,
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
            {{"real", test::writeFile(m_tmp, "sets/long.jsonl", lines)}}, warnings);
        EvalRunOptions o = options("nothing-fits");
        o.cloze.maxLength = 8;
        const auto ckpts = discoverCheckpoints(m_run);
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
            m_tmp, "sets/with-bad.jsonl",
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
        EvalRunOptions o = options("skipped");
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_run);
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
        EvalRunOptions o = options("unused");
        o.outDir = out;
        std::vector<std::string> log;
        try {
            evaluateCheckpoints(discoverCheckpoints(m_run), datasets(), o,
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

    void leftoversOfAStoppedWriterAreRemoved()
    {
        EvalRunOptions o = options("leftovers");
        const fs::path out = fs::path(o.outDir) / "mlm_tiny_512";
        fs::create_directories(out);
        for (const char *name : {"checkpoint-5.results.json.tmp-12345",
                                 "checkpoint-5.examples.jsonl.tmp-678", "notes.tmp-1"})
            std::ofstream(out / name) << "half";
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_run);
        QCOMPARE(evaluateCheckpoints({ckpts[0]}, datasets(), o,
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
        EvalRunOptions o = options("shared");
        const fs::path out = fs::path(o.outDir) / "mlm_tiny_512";
        fs::create_directories(out);
        std::string holder;
        auto other = FileLock::tryLock((out / "checkpoint-10.lock").string(), holder);
        QVERIFY(other);
        std::vector<std::string> log;
        const auto ckpts = discoverCheckpoints(m_run);
        QCOMPARE(evaluateCheckpoints(ckpts, datasets(), o,
                                     [&](const std::string &l) { log.push_back(l); }),
                 2);
        QVERIFY(!fs::exists(out / "checkpoint-10.results.json"));
        const std::string me = "pid " + std::to_string(::getpid()) + " on ";
        QVERIFY(std::any_of(log.begin(), log.end(), [&](const std::string &l) {
            return l.find("checkpoint-10: being evaluated by " + me) != std::string::npos;
        }));
        other.reset(); // it stopped without results: the next run does it
        QCOMPARE(evaluateCheckpoints(ckpts, datasets(), o, [](const std::string &) {}), 1);
        QVERIFY(fs::exists(out / "checkpoint-10.results.json"));
        QVERIFY(!fs::exists(out / "checkpoint-10.lock"));
    }
};

QTEST_GUILESS_MAIN(TestEvalRun)
#include "tst_eval_run.moc"
