// SPDX-License-Identifier: MIT
// Probe: fill-mask with one text on every checkpoint of a real Trainer run — each row is what
// fill-mask gives on that checkpoint alone, epochs come from trainer_state.json, a checkpoint
// without weights says so and the others go on, cancel keeps what was done.
#include "engine/probe.h"

#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace cs;
namespace fs = std::filesystem;

namespace {

/// tests/data keeps the weights of checkpoints 63, 315 and 625 of the run (the others hold
/// only config.json and trainer_state.json).
const std::string kRun = test::dataPath("trainer-run/mlm_synth_128");
const std::string kText =
    "정현우는 세종에서 열린 경기에서 두 골을 넣었다 . 감독은 경기 후 인터뷰에서 "
    "[MASK] 활약을 높이 평가했다 .";

std::vector<std::string> withWeights()
{
    return {kRun + "/checkpoint-63", kRun + "/checkpoint-315", kRun + "/checkpoint-625"};
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT
  private slots:
    void rowsAreFillMaskOnEachCheckpoint()
    {
        ProbeRequest request;
        request.text = kText;
        request.topK = 4;
        request.targets = {"정현우의", "강지민의"};
        std::vector<ProbeProgress> seen;
        const auto rows = probeCheckpoints(withWeights(), request, [&](const ProbeProgress &p) {
            seen.push_back(p);
            return true;
        });
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(seen.size(), std::size_t(4)); // before each checkpoint, and the end
        QCOMPARE(seen.back().done, std::size_t(3));
        QVERIFY(seen.back().checkpoint.empty());
        const std::vector<double> epochs{0.504, 2.52, 5.0};
        const std::vector<std::int64_t> steps{63, 315, 625};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const ProbeRow &row = rows[i];
            QVERIFY2(row.error.empty(), row.error.c_str());
            QVERIFY(row.epoch && qFuzzyCompare(*row.epoch, epochs[i]));
            QCOMPARE(*row.step, steps[i]);
            // The same as fill-mask on that checkpoint alone.
            std::string error;
            const auto tokenizer = loadCheckpointTokenizer(row.checkpoint, "", error);
            const auto model = MaskedLM::load(row.checkpoint, {}, error);
            QVERIFY2(tokenizer && model, error.c_str());
            const auto alone = fillMask(*model, *tokenizer, kText, 4, request.targets);
            QCOMPARE(row.result.perMask.size(), std::size_t(1));
            QCOMPARE(row.result.perMask[0].size(), std::size_t(4));
            for (std::size_t r = 0; r < 4; ++r) {
                QCOMPARE(row.result.perMask[0][r].ids, alone.perMask[0][r].ids);
                QCOMPARE(row.result.perMask[0][r].prob, alone.perMask[0][r].prob);
            }
            QCOMPARE(*targetProbability(row, "정현우의"), alone.targets[0].second.prob);
            QVERIFY(!targetProbability(row, "서울"));
        }
        // Training on text where the subject comes back makes it likelier, checkpoint by
        // checkpoint (transformers' run; measured 0.0007, 0.011, 0.021).
        QVERIFY(*targetProbability(rows[0], "정현우의") < *targetProbability(rows[1], "정현우의"));
        QVERIFY(*targetProbability(rows[1], "정현우의") < *targetProbability(rows[2], "정현우의"));
        // Early on the model has not learnt the particle form; by the end every top-4 is one.
        for (const auto &c : rows[2].result.perMask[0])
            QVERIFY2(QString::fromStdString(c.tokens[0]).endsWith(QStringLiteral("의")),
                     c.tokens[0].c_str());
    }

    void runFolderGivesEveryCheckpointInStepOrder()
    {
        const auto folders = probeFolders(kRun);
        QCOMPARE(folders.size(), std::size_t(10));
        QCOMPARE(fs::path(folders.front()).filename().string(), std::string("checkpoint-63"));
        QCOMPARE(fs::path(folders.back()).filename().string(), std::string("checkpoint-625"));
        QCOMPARE(probeFolders(kRun + "/checkpoint-315"),
                 std::vector<std::string>{kRun + "/checkpoint-315"});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, probeFolders("/nonexistent/run"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, probeFolders(kRun + "/runs"));
        // Tab completion's trailing slash still names the checkpoint.
        const auto slashed = probeFolders(kRun + "/checkpoint-315/");
        QCOMPARE(fs::path(slashed.at(0)).filename().string(), std::string("checkpoint-315"));
    }

    void aRunWithItsFinalModelGivesItsCheckpoints()
    {
        // trainer.save_model(output_dir) leaves config.json and weights beside checkpoint-N/.
        QTemporaryDir dir;
        test::makeRun(dir.path().toStdString(), test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-20", "checkpoint-10"});
        QVERIFY(test::copyFiles(test::dataPath("hf-reference/deberta-v2-tiny"), dir.path(),
                                {"config.json", "model.safetensors"}));
        const auto folders = probeFolders(dir.path().toStdString());
        QCOMPARE(folders.size(), std::size_t(2));
        QCOMPARE(fs::path(folders[0]).filename().string(), std::string("checkpoint-10"));
    }

    void problemsEveryCheckpointSharesAreSaidOnce()
    {
        ProbeRequest request;
        request.text = "마스크가 없는 문장";
        try {
            probeCheckpoints(withWeights(), request);
            QFAIL("a text without a mask was probed");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find("[MASK]") != std::string::npos, e.what());
        }
        request.text = kText;
        request.engine.device = "tpu";
        std::size_t loaded = 0;
        try {
            probeCheckpoints(withWeights(), request, [&](const ProbeProgress &) {
                ++loaded;
                return true;
            });
            QFAIL("an unknown device was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find("tpu") != std::string::npos, e.what());
        }
        QCOMPARE(loaded, std::size_t(0)); // refused before any checkpoint was loaded
    }

    void aFailingCheckpointSaysWhyAndTheOthersGoOn()
    {
        ProbeRequest request;
        request.text = kText;
        const auto rows = probeCheckpoints(
            {kRun + "/checkpoint-63", kRun + "/checkpoint-126", kRun + "/checkpoint-625"}, request);
        QCOMPARE(rows.size(), std::size_t(3));
        QVERIFY(rows[0].error.empty() && rows[2].error.empty());
        QVERIFY2(rows[1].error.find("checkpoint-126") != std::string::npos, rows[1].error.c_str());
        QVERIFY(rows[1].result.perMask.empty());
        QVERIFY(rows[1].epoch); // trainer_state.json is there even without weights
        // Tokenizer from the run given with --tokenizer: now the weights are what is missing.
        request.tokenizerDir = kRun + "/checkpoint-63";
        const auto again = probeCheckpoints({kRun + "/checkpoint-126"}, request);
        QVERIFY2(again[0].error.find("no model.safetensors") != std::string::npos,
                 again[0].error.c_str());
    }

    void cancelKeepsWhatWasDone()
    {
        ProbeRequest request;
        request.text = kText;
        const auto rows = probeCheckpoints(withWeights(), request, [](const ProbeProgress &p) {
            return p.done < 2; // stop before the third
        });
        QCOMPARE(rows.size(), std::size_t(2));
        QVERIFY(rows[1].error.empty());
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
