// SPDX-License-Identifier: MIT
#include "engine/probe.h"

#include "engine/eval_run.h"
#include "results/result_types.h"

#include <filesystem>
#include <stdexcept>

namespace cs {

namespace fs = std::filesystem;

std::vector<std::string> probeFolders(const std::string &dir)
{
    std::error_code ec;
    if (fs::is_regular_file(fs::path(dir) / "config.json", ec)) return {dir};
    if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": no such folder");
    auto found = discoverCheckpoints(dir);
    if (found.empty())
        throw std::runtime_error(dir + ": neither a checkpoint (no config.json) nor a run folder "
                                       "(no checkpoint-N/ inside)");
    return found;
}

std::vector<ProbeRow> probeCheckpoints(const std::vector<std::string> &checkpoints,
                                       const ProbeRequest &request,
                                       const std::function<bool(const ProbeProgress &)> &progress)
{
    std::vector<ProbeRow> rows;
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
                row.result =
                    fillMask(*model, *tokenizer, request.text, request.topK, request.targets);
            } catch (const std::exception &e) {
                error = e.what();
            }
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
