// SPDX-License-Identifier: MIT
#pragma once

#include "eval_options.h"

namespace cs::cli {

/// `eval --run RUN --slurm N`: writes a job array of N evaluation shards and a merge job that
/// runs after them (OUT/.slurm/), submits both with sbatch, and prints their ids and where the
/// results will be. The merge job merges only when every shard finished with status 0, else
/// it says which failed and exits 1. With --wait, waits for the merge job and returns its
/// outcome. Returns an exit status.
int submitToSlurm(const EvalOptions &o);

} // namespace cs::cli
