// SPDX-License-Identifier: MIT
#include "engine/eval_run.h"

#include "checkpoint/model_config.h"
#include "formats/results_format.h"
#include "results/json_reader.h"
#include "results/run_naming.h"
#include "util/atomic_file.h"
#include "util/file_lock.h"
#include "util/sha256.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace cs {
namespace {

namespace fs = std::filesystem;

} // namespace

void prepareResultsFolder(const std::string &outDirPath)
{
    const fs::path outDir(outDirPath);
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        throw std::runtime_error("cannot make the results folder " + outDir.string() + " (" +
                                 ec.message() + "); nothing was evaluated");
    const fs::path probe = outDir / (".clozescope-write-check-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(std::random_device()()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot write in the results folder " + outDir.string() + " (" +
                                 std::strerror(errno) + "); nothing was evaluated");
    ::close(fd);
    fs::remove(probe, ec);
}

std::vector<std::string> shardCheckpoints(const std::vector<std::string> &checkpoints, int index,
                                          int count)
{
    std::vector<std::string> mine;
    for (std::size_t i = 0; i < checkpoints.size(); ++i)
        if (int(i % std::size_t(std::max(1, count))) == index) mine.push_back(checkpoints[i]);
    return mine;
}

namespace {

/// Removes the temporary files a killed writer left for a checkpoint (its lock is held).
void removeLeftovers(const fs::path &outRun, const std::string &ckpt,
                     const std::function<void(const std::string &)> &log)
{
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(outRun, ec)) {
        const std::string name = e.path().filename().string();
        for (const char *kind : {".results.json.tmp-", ".examples.jsonl.tmp-"})
            if (name.rfind(ckpt + kind, 0) == 0 && e.is_regular_file(ec) &&
                fs::remove(e.path(), ec))
                log(ckpt + ": removed " + name + ", left by an evaluation that was stopped");
    }
}

/// One evaluated example as the per-example sidecar records it.
ExampleLine exampleLine(const ClozeRecord &r, const std::string &dataset)
{
    ExampleLine line;
    line.id = r.id;
    line.dataset = dataset;
    line.rank = r.rank;
    line.goldLogprob = r.goldLogprob;
    line.answerIds = r.answerIds;
    line.inputLength = int(r.inputIds.size());
    line.untruncatedLength = r.untruncatedLength;
    line.hits = r.hits;
    for (const auto &c : r.top)
        line.top.push_back({c.ids, c.tokens, c.logProb});
    return line;
}

/// True when text is valid UTF-8 (what a JSON string can hold).
bool isUtf8(const std::string &text)
{
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::exception &) {
        return false;
    }
}

/// Refuses, before any work, what the results could not record: two sets of one name (the
/// second's metrics would replace the first's) and names or paths that are not UTF-8 (a
/// results file is JSON; writing it would fail after each checkpoint's evaluation).
void checkEvalInputs(const std::vector<std::string> &checkpoints,
                     const std::vector<EvalDataset> &datasets)
{
    std::map<std::string, std::string> seen;
    for (const EvalDataset &ds : datasets) {
        if (const auto [it, fresh] = seen.emplace(ds.name, ds.path); !fresh)
            throw std::runtime_error("cloze set name \"" + ds.name + "\" is given twice (" +
                                     it->second + " and " + ds.path +
                                     "): each set needs a name of its own");
        for (const std::string *text : {&ds.name, &ds.path})
            if (!isUtf8(*text))
                throw std::runtime_error(*text + ": not valid UTF-8, which a results file "
                                                 "(JSON) cannot record; rename it");
    }
    for (const std::string &dir : checkpoints)
        if (const std::string full = fs::absolute(dir).string(); !isUtf8(full))
            throw std::runtime_error(full + ": not valid UTF-8, which a results file (JSON) "
                                            "cannot record; rename the folder");
}

} // namespace

std::optional<double> checkpointEpoch(const std::string &dir)
{
    const JsonDocument d = readJsonFile((fs::path(dir) / "trainer_state.json").string());
    if (!d.error.empty() || !d.json.is_object()) return std::nullopt;
    return numberValue(d.json.value("epoch", nlohmann::json()));
}

int defaultBatchSize(const std::string &device)
{
    return device.rfind("cuda", 0) == 0 ? 64 : 8;
}

int suggestedMaxLength(const std::string &runDir, const std::vector<std::string> &checkpoints)
{
    const auto fromName = seqLenFromName(fs::path(runDir).filename().string());
    ModelConfig config;
    std::string text, error;
    const bool known =
        !checkpoints.empty() &&
        readTextFile((fs::path(checkpoints.front()) / "config.json").string(), text, error) &&
        parseModelConfig(text, config).empty() && positionLimit(config) > 0;
    // The name's length, but never past what the model takes (a "bert_base_768" of 512
    // positions); relative-position DeBERTa takes any (its defaultMaxLength).
    if (fromName) return known ? std::min(*fromName, defaultMaxLength(config)) : *fromName;
    return known ? positionLimit(config) : 512;
}

std::vector<EvalDataset>
loadEvalDatasets(const std::vector<std::pair<std::string, std::string>> &specs,
                 std::vector<std::string> &warnings)
{
    std::vector<EvalDataset> out;
    for (const auto &[name, path] : specs) {
        std::string bytes, error;
        if (!readTextFile(path, bytes, error)) throw std::runtime_error(path + ": " + error);
        const ClozeDataset ds = parseClozeDataset(path, bytes);
        for (const auto &p : ds.problems)
            warnings.push_back(path + ": " + p.location + ": " + p.message);
        if (ds.examples.empty()) throw std::runtime_error(path + ": no usable examples");
        out.push_back({name, path, sha256Hex(bytes), ds.examples});
    }
    return out;
}

int evaluateCheckpoints(const std::vector<std::string> &checkpoints,
                        const std::vector<EvalDataset> &datasets, const EvalRunOptions &o,
                        const std::function<void(const std::string &)> &log,
                        const EvalProgressFn &progress)
{
    const std::vector<std::string> mine = shardCheckpoints(checkpoints, o.shardIndex, o.shardCount);
    checkEvalInputs(mine, datasets);
    std::size_t perCheckpoint = 0;
    for (const EvalDataset &ds : datasets)
        perCheckpoint += ds.examples.size();
    prepareResultsFolder(o.outDir);
    int evaluated = 0;
    std::vector<std::string> failures, leftToOthers;
    std::set<std::string> reportedSkips; // "set line reason" said once for the whole run
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const fs::path dir(mine[i]);
        const std::string ckpt = dir.filename().string(),
                          run = dir.parent_path().filename().string();
        EvalProgress state{ckpt, i, mine.size(), 0, perCheckpoint, {}};
        if (progress && !progress(state)) return evaluated;
        const fs::path outRun = fs::path(o.outDir) / run;
        const fs::path results = outRun / (ckpt + ".results.json");
        if (fs::exists(results)) {
            log(ckpt + ": already evaluated, skipped (" + results.string() + ")");
            continue;
        }
        // One evaluation per checkpoint at a time: another one into this folder leaves it to
        // the holder and takes the next checkpoint.
        std::error_code ec;
        fs::create_directories(outRun, ec);
        std::string holder;
        std::unique_ptr<FileLock> lock;
        try {
            lock = FileLock::tryLock((outRun / (ckpt + ".lock")).string(), holder);
        } catch (const std::exception &e) {
            failures.push_back(ckpt + ": " + e.what());
            log("error: " + failures.back());
            continue;
        }
        if (!lock) {
            leftToOthers.push_back(ckpt);
            log(ckpt + ": being evaluated by " + holder + "; left to it");
            continue;
        }
        if (fs::exists(results)) { // finished by another evaluation a moment ago
            log(ckpt + ": already evaluated, skipped (" + results.string() + ")");
            continue;
        }
        removeLeftovers(outRun, ckpt, log);
        try {
            std::string error;
            const auto tokenizer = loadCheckpointTokenizer(dir.string(), o.tokenizerDir, error);
            if (!tokenizer) throw std::runtime_error(error);
            const auto model = MaskedLM::load(dir.string(), o.engine, error);
            if (!model) throw std::runtime_error(error);
            const auto t0 = std::chrono::steady_clock::now();
            ResultsFile file;
            ResultsCheckpoint entry;
            std::string examples;
            bool cancelled = false;
            std::size_t before = 0; // examples of the sets already done
            for (const EvalDataset &ds : datasets) {
                std::size_t nextLog = 0; // a progress line every 50 examples
                const ClozeResult r =
                    evaluateCloze(*model, *tokenizer, ds.examples, o.cloze,
                                  [&](std::size_t done, std::size_t total) {
                                      if (done >= nextLog && done < total) {
                                          log(ckpt + " " + ds.name + ": " + std::to_string(done) +
                                              "/" + std::to_string(total));
                                          nextLog = done + 50;
                                      }
                                      state.done = before + done;
                                      cancelled = cancelled || (progress && !progress(state));
                                      return !cancelled;
                                  });
                if (cancelled) {
                    log(ckpt + ": cancelled, nothing written for it");
                    return evaluated;
                }
                before += ds.examples.size();
                for (const SkippedExample &skip : r.skipped)
                    if (reportedSkips
                            .insert(ds.name + " " + std::to_string(skip.line) + " " + skip.reason)
                            .second)
                        log("warning: " + ds.path + ": line " + std::to_string(skip.line) + " (" +
                            skip.id + "): " + skip.reason + "; example skipped");
                if (r.records.empty())
                    throw std::runtime_error("none of the " + std::to_string(ds.examples.size()) +
                                             " examples of " + ds.path + " could be evaluated (" +
                                             (r.skipped.empty()
                                                  ? std::string("no answer")
                                                  : "line " + std::to_string(r.skipped[0].line) +
                                                        ": " + r.skipped[0].reason) +
                                             ")");
                const auto n = std::int64_t(r.records.size());
                ResultsDataset &set = file.datasets[ds.name];
                set.file = fs::path(ds.path).filename().string();
                set.path = fs::absolute(ds.path).string();
                set.sha256 = ds.sha256;
                set.n = n;
                for (const SkippedExample &skip : r.skipped)
                    set.skipped.push_back({skip.id, std::int64_t(skip.line), skip.reason});
                for (const auto &[k, share] : r.hitAt) {
                    std::int64_t count = 0;
                    for (const auto &rec : r.records)
                        count += rec.hits.at(k);
                    entry.metrics.push_back({ds.name + "@" + std::to_string(k),
                                             share,
                                             count,
                                             n,
                                             ds.name,
                                             k,
                                             std::nullopt,
                                             {}});
                }
                entry.metrics.push_back({ds.name + "_gold_logprob",
                                         r.meanGoldLogprob,
                                         std::nullopt,
                                         std::nullopt,
                                         ds.name,
                                         std::nullopt,
                                         std::nullopt,
                                         {}});
                for (const auto &rec : r.records)
                    examples += exampleLineText(exampleLine(rec, ds.name)) + "\n";
            }
            entry.name = ckpt;
            entry.path = fs::absolute(dir).string();
            entry.step = stepFromCheckpointName(ckpt);
            entry.epoch = checkpointEpoch(dir);
            entry.examples = ckpt + ".examples.jsonl";
            file.checkpoints.push_back(std::move(entry));
            file.runName = run;
            file.seqLen = o.cloze.maxLength;
            file.settings = ResultsSettings{o.cloze.maxLength, o.cloze.rightKeep, o.engine.dtype,
                                            o.engine.device};
            file.createdBy = o.createdBy;
            file.createdAt = utcNow();
            file.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const nlohmann::json doc = resultsJson(file);
            // The examples first, then the results file that names them: a results file is
            // complete.
            for (const auto &[file, text] :
                 {std::pair{outRun / (ckpt + ".examples.jsonl"), examples},
                  std::pair{results, doc.dump(2) + "\n"}})
                if (const std::string e = writeFileAtomically(file.string(), text); !e.empty())
                    throw std::runtime_error(e);
            log(ckpt + ": done in " + std::to_string(int(*file.seconds)) + " s -> " +
                results.string());
            ++evaluated;
        } catch (const std::exception &e) {
            // One broken checkpoint does not stop the others; the call fails at the end.
            failures.push_back(ckpt + ": " + e.what());
            log("error: " + failures.back());
            continue;
        }
        state.done = perCheckpoint;
        state.finishedResults = results.string();
        if (progress && !progress(state)) return evaluated;
    }
    if (!leftToOthers.empty())
        log(std::to_string(leftToOthers.size()) +
            " checkpoint(s) left to another evaluation writing into " + o.outDir +
            "; their results appear when it finishes");
    if (!failures.empty()) {
        std::string all = std::to_string(failures.size()) + " checkpoint(s) failed (" +
                          std::to_string(evaluated) + " evaluated and kept):";
        for (const auto &f : failures)
            all += "\n  " + f;
        throw std::runtime_error(all);
    }
    return evaluated;
}

} // namespace cs
