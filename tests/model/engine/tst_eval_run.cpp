// SPDX-License-Identifier: MIT
// Multi-checkpoint evaluation: a run folder of two checkpoints is evaluated into ClozeScope
// results files that the importer reads back; a second call resumes; shards split the work.
#include "engine/eval_run.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "results/shard_merge.h"
#include "util/sha256.h"

#include "eval_fixture.h"
#include "test_support.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace cs;
namespace fs = std::filesystem;

class TestEvalRun : public QObject
{
    Q_OBJECT
    test::EvalFixture m_fx;

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

  private slots:
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
        const auto found = discoverCheckpoints(m_fx.run);
        QCOMPARE(found.size(), std::size_t(3));
        QCOMPARE(fs::path(found[0]).filename().string(), std::string("checkpoint-5"));
        QCOMPARE(fs::path(found[2]).filename().string(), std::string("checkpoint-20"));
    }

    void suggestsTheRunsLengthThenItsModels()
    {
        // The run's name says what it was trained at; else its model's positions; else 512.
        QCOMPARE(suggestedMaxLength(m_fx.run, discoverCheckpoints(m_fx.run)), 512); // mlm_tiny_512
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
            test::writeFile(m_fx.tmp, "sets/bad.jsonl", "{\"id\": \"x\"}\nnot json\n");
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
        const auto ds = m_fx.datasets();
        QCOMPARE(ds[0].examples.size(), std::size_t(12));
        QCOMPARE(ds[0].sha256.size(), std::size_t(64));
        EvalRunOptions o;
        o.outDir = m_fx.tmp.filePath("results").toStdString();
        o.cloze.maxLength = 64;
        std::vector<std::string> log;
        const auto logTo = [&](const std::string &line) { log.push_back(line); };
        const auto ckpts = discoverCheckpoints(m_fx.run);

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
        const auto ds = m_fx.datasets();
        const auto ckpts = discoverCheckpoints(m_fx.run);
        const auto quiet = [](const std::string &) {};
        EvalRunOptions whole = m_fx.options("whole");
        QCOMPARE(evaluateCheckpoints(ckpts, ds, whole, quiet), 3);
        const auto expected = contents(whole.outDir);
        QCOMPARE(expected.size(), std::size_t(6));

        // Three shards in their own folders, joined by merge.
        std::vector<std::string> shardDirs;
        for (int i = 0; i < 3; ++i) {
            EvalRunOptions o = m_fx.options(QString("shard%1").arg(i));
            o.shardIndex = i;
            o.shardCount = 3;
            QCOMPARE(evaluateCheckpoints(ckpts, ds, o, quiet), 1);
            shardDirs.push_back(o.outDir);
        }
        shardDirs.push_back(whole.outDir); // a checkpoint twice with equal results is fine
        const std::string merged = m_fx.tmp.filePath("merged").toStdString();
        const ShardMergeReport report = mergeShardResults(shardDirs, merged);
        QVERIFY2(report.problems.empty(),
                 report.problems.empty() ? "" : report.problems[0].c_str());
        QCOMPARE(report.copied, 3);
        QCOMPARE(report.identical, 3);
        QVERIFY(contents(merged) == expected);

        // Killed midway: one checkpoint finished, the next one's examples written but not its
        // results. The rerun redoes that one and the folder equals the uninterrupted run's.
        EvalRunOptions killed = m_fx.options("killed");
        killed.shardIndex = 0;
        killed.shardCount = 3;
        QCOMPARE(evaluateCheckpoints(ckpts, ds, killed, quiet), 1);
        const fs::path run = fs::path(killed.outDir) / "mlm_tiny_512";
        std::ofstream(run / "checkpoint-10.examples.jsonl") << "{\"id\": \"real-0000\", \"dat";
        killed.shardCount = 1;
        QCOMPARE(evaluateCheckpoints(ckpts, ds, killed, quiet), 2);
        QVERIFY(contents(killed.outDir) == expected);

        // Shards of another evaluation (other max length) are refused, not mixed in.
        EvalRunOptions other = m_fx.options("other");
        other.cloze.maxLength = 32;
        QCOMPARE(evaluateCheckpoints({ckpts[0]}, ds, other, quiet), 1);
        const ShardMergeReport refused = mergeShardResults(
            {shardDirs[1], other.outDir}, m_fx.tmp.filePath("mixed").toStdString());
        QCOMPARE(refused.problems.size(), std::size_t(1));
        QVERIFY2(refused.problems[0].find("other datasets or settings") != std::string::npos,
                 refused.problems[0].c_str());

        // A node that kept its copy of the sets elsewhere (same bytes): merged, not refused.
        std::vector<std::pair<std::string, std::string>> copies;
        for (const EvalDataset &set : ds)
            copies.emplace_back(
                set.name,
                test::writeFile(m_fx.tmp, "node2/" + QString::fromStdString(set.name + ".jsonl"),
                                QByteArray::fromStdString(test::readText(set.path))));
        std::vector<std::string> warnings;
        EvalRunOptions node2 = m_fx.options("node2-out");
        node2.shardIndex = 1;
        node2.shardCount = 3;
        QCOMPARE(evaluateCheckpoints(ckpts, loadEvalDatasets(copies, warnings), node2, quiet), 1);
        const ShardMergeReport elsewhere =
            mergeShardResults({shardDirs[0], node2.outDir, shardDirs[2]},
                              m_fx.tmp.filePath("merged-elsewhere").toStdString());
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
        EvalRunOptions o = m_fx.options("broken");
        o.outDir = tmp.filePath("out").toStdString();
        std::vector<std::string> log;
        try {
            evaluateCheckpoints(discoverCheckpoints(run.string()), m_fx.datasets(), o,
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
};

QTEST_GUILESS_MAIN(TestEvalRun)
#include "tst_eval_run.moc"
