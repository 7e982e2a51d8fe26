// SPDX-License-Identifier: MIT
// Following a training run as the Trainer writes it: a checkpoint is handed out once, complete
// and settled, in step order; half-written weights are never handed out. Time is driven by the
// test (no waiting).
#include "checkpoint/run_follower.h"
#include "test_support.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace cs;
namespace fs = std::filesystem;
using Clock = RunFollower::Clock;
using namespace std::chrono_literals;

namespace {

const fs::path kTrainerRun = test::dataPath("trainer-run/mlm_synth_128");

/// Copies the named files of a fixture checkpoint into dir (created).
void copyInto(const fs::path &from, const fs::path &dir, const std::vector<std::string> &names)
{
    fs::create_directories(dir);
    for (const auto &n : names)
        fs::copy_file(from / n, dir / n, fs::copy_options::overwrite_existing);
}

/// The first bytes of a file, written as dir/name.
void writeHead(const fs::path &from, const fs::path &to, std::size_t bytes)
{
    std::ifstream in(from, std::ios::binary);
    std::string data(bytes, '\0');
    in.read(data.data(), std::streamsize(bytes));
    std::ofstream(to, std::ios::binary).write(data.data(), std::streamsize(bytes));
}

/// The reasons a poll gave, by checkpoint folder name.
std::map<std::string, std::string>
reasons(const std::vector<std::pair<std::string, std::string>> &w)
{
    std::map<std::string, std::string> out;
    for (const auto &[dir, why] : w)
        out[fs::path(dir).filename().string()] = why;
    return out;
}

std::vector<std::string> names(const std::vector<std::string> &dirs)
{
    std::vector<std::string> out;
    for (const auto &d : dirs)
        out.push_back(fs::path(d).filename().string());
    return out;
}

const std::vector<std::string> kSmallFiles = {"config.json", "tokenizer.json",
                                              "tokenizer_config.json"};

} // namespace

class TestRunFollower : public QObject
{
    Q_OBJECT
  private slots:
    void handsOutACheckpointOnceCompleteAndSettled()
    {
        QTemporaryDir tmp;
        const fs::path run = tmp.filePath("mlm_synth_128").toStdString();
        fs::create_directories(run);
        RunFollower f(run.string(), 30);
        const Clock::time_point t0 = Clock::now();
        std::vector<std::pair<std::string, std::string>> waiting;
        QVERIFY(f.poll(t0, &waiting).empty());
        QVERIFY(waiting.empty());

        // The Trainer writes the weights first, trainer_state.json last; here in pieces.
        const fs::path ckpt = run / "checkpoint-315", src = kTrainerRun / "checkpoint-315";
        copyInto(src, ckpt, kSmallFiles);
        writeHead(src / "model.safetensors", ckpt / "model.safetensors", 300000);
        QVERIFY(f.poll(t0 + 1s, &waiting).empty());
        QCOMPARE(reasons(waiting)["checkpoint-315"],
                 std::string("trainer_state.json not written yet"));
        copyInto(src, ckpt, {"trainer_state.json"});
        waiting.clear();
        QVERIFY(f.poll(t0 + 2s, &waiting).empty());
        QVERIFY2(reasons(waiting)["checkpoint-315"].find("out of range") != std::string::npos,
                 reasons(waiting)["checkpoint-315"].c_str());
        QVERIFY(f.poll(t0 + 100s, &waiting).empty()); // half-written, however long it waits
        copyInto(src, ckpt, {"model.safetensors"});
        waiting.clear();
        QVERIFY(f.poll(t0 + 101s, &waiting).empty()); // complete, but just written
        QVERIFY(reasons(waiting)["checkpoint-315"].find("unchanged") != std::string::npos);
        QVERIFY(f.poll(t0 + 120s).empty());
        QCOMPARE(names(f.poll(t0 + 132s)), std::vector<std::string>{"checkpoint-315"});
        QVERIFY(f.poll(t0 + 200s).empty()); // once only
        QCOMPARE(f.handedOut(), std::size_t(1));
        QCOMPARE(f.pending(), std::size_t(0));
        QVERIFY(!f.trainingEnded()); // global_step 315 of 625
    }

    void aChangeRestartsTheSettleTime()
    {
        QTemporaryDir tmp;
        const fs::path run = tmp.filePath("run").toStdString();
        const fs::path ckpt = run / "checkpoint-63";
        copyInto(kTrainerRun / "checkpoint-63", ckpt,
                 {"config.json", "model.safetensors", "trainer_state.json"});
        RunFollower f(run.string(), 10);
        const Clock::time_point t0 = Clock::now();
        QVERIFY(f.poll(t0).empty());
        std::ofstream(ckpt / "extra.txt") << "written later"; // another file appears
        QVERIFY(f.poll(t0 + 9s).empty());
        QVERIFY(f.poll(t0 + 18s).empty()); // 9 s after the change
        QCOMPARE(f.poll(t0 + 20s).size(), std::size_t(1));
    }

    void oldFilesHaveSettled()
    {
        // Followed again after a restart: checkpoints written long ago are ready at once, in
        // step order (checkpoint-63 before checkpoint-315, not by name).
        QTemporaryDir tmp;
        const fs::path run = tmp.filePath("run").toStdString();
        for (const char *c : {"checkpoint-315", "checkpoint-63"}) {
            copyInto(kTrainerRun / c, run / c,
                     {"config.json", "model.safetensors", "trainer_state.json"});
            for (const auto &e : fs::directory_iterator(run / c))
                fs::last_write_time(e.path(), fs::file_time_type::clock::now() - 1h);
        }
        RunFollower f(run.string(), 60);
        QCOMPARE(names(f.poll(Clock::now())),
                 (std::vector<std::string>{"checkpoint-63", "checkpoint-315"}));
    }

    void theLastCheckpointEndsTraining()
    {
        QTemporaryDir tmp;
        const fs::path run = tmp.filePath("run").toStdString();
        copyInto(kTrainerRun / "checkpoint-625", run / "checkpoint-625",
                 {"config.json", "model.safetensors", "trainer_state.json"});
        RunFollower f(run.string(), 0);
        QVERIFY(!f.trainingEnded());
        QCOMPARE(f.poll(Clock::now()).size(), std::size_t(1));
        QVERIFY(f.trainingEnded()); // global_step 625 = max_steps
        QVERIFY(
            trainerStateSaysEnded((kTrainerRun / "checkpoint-625/trainer_state.json").string()));
        QVERIFY(
            !trainerStateSaysEnded((kTrainerRun / "checkpoint-63/trainer_state.json").string()));
    }

    void otherWeightFormats()
    {
        QTemporaryDir tmp;
        const fs::path bin = tmp.filePath("bin").toStdString();
        const fs::path fixture = test::dataPath("storage/deberta-v2-tiny-bin");
        copyInto(fixture, bin, {"config.json"});
        std::ofstream(bin / "trainer_state.json") << R"({"global_step": 5, "max_steps": 10})";
        const auto size = fs::file_size(fixture / "pytorch_model.bin");
        writeHead(fixture / "pytorch_model.bin", bin / "pytorch_model.bin", std::size_t(size - 10));
        QCOMPARE(checkpointIncomplete(bin.string()),
                 std::string("pytorch_model.bin not written to its end"));
        copyInto(fixture, bin, {"pytorch_model.bin"});
        QCOMPARE(checkpointIncomplete(bin.string()), std::string());

        const fs::path sharded = tmp.filePath("sharded").toStdString();
        const fs::path shards = test::dataPath("storage/deberta-v2-tiny-sharded");
        copyInto(shards, sharded, {"config.json", "model.safetensors.index.json"});
        std::ofstream(sharded / "trainer_state.json") << "{}";
        QVERIFY(!checkpointIncomplete(sharded.string()).empty()); // no shard yet
        for (const auto &e : fs::directory_iterator(shards))
            fs::copy_file(e.path(), sharded / e.path().filename(), fs::copy_options::skip_existing);
        QCOMPARE(checkpointIncomplete(sharded.string()), std::string());
        QCOMPARE(checkpointIncomplete(tmp.filePath("none").toStdString()),
                 std::string("config.json not written yet"));
    }

    void aRotatedCheckpointIsForgotten()
    {
        // save_total_limit: the Trainer deletes an old checkpoint; one never complete goes too.
        QTemporaryDir tmp;
        const fs::path run = tmp.filePath("run").toStdString();
        copyInto(kTrainerRun / "checkpoint-63", run / "checkpoint-63", {"config.json"});
        RunFollower f(run.string(), 0);
        QVERIFY(f.poll(Clock::now()).empty());
        QCOMPARE(f.pending(), std::size_t(1));
        fs::remove_all(run / "checkpoint-63");
        QVERIFY(f.poll(Clock::now()).empty());
        QCOMPARE(f.pending(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestRunFollower)
#include "tst_run_follower.moc"
