// SPDX-License-Identifier: MIT
#include "engine/probe.h"

#include "engine/eval_run.h"
#include "results/result_types.h"

#include <filesystem>
#include <stdexcept>

namespace cs {

namespace fs = std::filesystem;

std::vector<std::string> probeFolders(const std::string &given)
{
    // "…/checkpoint-625/" names checkpoint-625: no empty last component.
    fs::path dir = fs::path(given).lexically_normal();
    if (!dir.has_filename() && dir.has_parent_path()) dir = dir.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw std::runtime_error(given + ": no such folder");
    // A Trainer's output folder may also hold the final model (save_model): its checkpoints
    // are what a probe across training wants.
    auto found = discoverCheckpoints(dir.string());
    if (!found.empty()) return found;
    if (fs::is_regular_file(dir / "config.json", ec)) return {dir.string()};
    throw std::runtime_error(given + ": neither a checkpoint (no config.json) nor a run folder "
                                     "(no checkpoint-N/ inside)");
}

std::vector<ProbeRow> probeCheckpoints(const std::vector<std::string> &checkpoints,
                                       const ProbeRequest &request,
                                       const std::function<bool(const ProbeProgress &)> &progress)
{
    std::vector<ProbeRow> rows;
    // A device or precision this machine lacks fails every checkpoint alike: said once.
    if (const std::string problem = engineOptionsProblem(request.engine); !problem.empty())
        throw std::runtime_error(problem);
    bool answeredOne = false;
    for (const std::string &dir : checkpoints) {
        if (progress && !progress({rows.size(), checkpoints.size(), dir})) return rows;
        ProbeRow row;
        row.checkpoint = dir;
        row.step = stepFromCheckpointName(fs::path(dir).filename().string());
        row.epoch = checkpointEpoch(dir);
        std::string error;
        const auto tokenizer = loadCheckpointTokenizer(dir, request.tokenizerDir, error);
        const auto model = tokenizer ? MaskedLM::load(dir, request.engine, error) : nullptr;
        if (model) {
            try {
                row.result = fillMask(*model, *tokenizer, request.text, request.topK,
                                      request.targets, request.truncation);
            } catch (const std::exception &e) {
                // At the first checkpoint that loads, a text or words the tokenizer cannot use
                // (no mask, cut masks, a word of another length than several masks): the run's
                // other checkpoints share it. Later, it is this checkpoint's own (its memory,
                // its positions).
                if (!answeredOne) throw;
                error = e.what();
            }
            answeredOne = answeredOne || error.empty();
        }
        row.error = error;
        rows.push_back(std::move(row));
    }
    if (progress) progress({rows.size(), checkpoints.size(), {}});
    return rows;
}

std::optional<double> targetProbability(const ProbeRow &row, const std::string &word)
{
    for (const auto &[target, candidate] : row.result.targets)
        if (target == word) return candidate.prob;
    return std::nullopt;
}

} // namespace cs
