// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace cs::cli {

/// A subcommand's action, run after parsing; returns the exit status.
using Action = std::function<int()>;

/// `inspect PATH…`: what was found.
Action addInspect(CLI::App &app);
/// `report PATH… [--format md|html] [--out FILE]`.
Action addReport(CLI::App &app);
/// `table PATH… --metric M --format csv|md|latex|json`.
Action addTable(CLI::App &app);
/// `flips RESULTS --from CKPT --to CKPT [--format md|csv|json]`: examples that flipped.
Action addFlips(CLI::App &app);
/// `fill-mask --model DIR TEXT`: the engine's fill-mask (only when LibTorch was found).
Action addFillMask(CLI::App &app);
/// `probe --run DIR TEXT`: fill-mask on every checkpoint of a run, side by side (engine only).
Action addProbe(CLI::App &app);
/// `eval --run DIR --data NAME=FILE… --out DIR`: cloze evaluation of checkpoints (engine only).
Action addEval(CLI::App &app);
/// `parity --fixtures DIR`: the engine against transformers' recorded outputs (engine only).
Action addParity(CLI::App &app);
/// `merge SHARD_DIR… --out DIR`: joins the outputs of sharded evaluations.
Action addMerge(CLI::App &app);
/// `aliases [--aliases FILE] [--out FILE]`: the metric alias table as an alias file.
Action addAliases(CLI::App &app);
/// `bench import`: timing benchmarks.
Action addBench(CLI::App &app);

} // namespace cs::cli
