// SPDX-License-Identifier: MIT
#pragma once

#include "engine/eval_run.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// How a training run is followed.
struct FollowOptions
{
    double settleSeconds = 60;        ///< a checkpoint's files must stay unchanged this long
    double pollSeconds = 10;          ///< between looks at the run folder
    double idleTimeoutSeconds = 3600; ///< give up after this long without a new checkpoint
    int patience = 3;                 ///< early stopping the verdicts simulate
};

/// Something that happened while following.
struct FollowEvent
{
    enum class Kind {
        Waiting,     ///< a checkpoint is seen but not complete yet (why)
        Evaluated,   ///< a checkpoint was evaluated (resultsFile, verdict, wouldStop)
        Ended,       ///< training ended and every checkpoint was evaluated
        IdleTimeout, ///< no new checkpoint came for the idle time
    };
    Kind kind = Kind::Waiting; ///< what happened
    std::string checkpoint;    ///< folder name ("checkpoint-315")
    std::string why;           ///< Waiting: what is missing
    std::string verdict;       ///< Evaluated: the early-stopping verdict so far, in words
    bool wouldStop = false;    ///< Evaluated: early stopping would stop at this checkpoint
};

/// The early-stopping verdict over the results a folder holds for one run so far, in words
/// ("patience 3 on Real@1 would stop now and restore checkpoint-390 (0.6604)"); stopsNow tells
/// whether it would stop at the last evaluation.
std::string earlyStopVerdict(const std::string &resultsDir, int patience, bool *stopsNow = nullptr);

/// Follows a training run: evaluates each checkpoint-N of runDir as soon as it is complete
/// (RunFollower), in step order, as evaluateCheckpoints does (results under options.outDir, so
/// a restart resumes), until training ended or the idle timeout passed. onEvent receives what
/// happens; keepGoing is asked between looks and during evaluations (false: stop, finished
/// checkpoints kept). Returns the checkpoints evaluated now. Throws std::runtime_error as
/// evaluateCheckpoints does, and when the run folder cannot be read.
int followRun(const std::string &runDir, const std::vector<EvalDataset> &datasets,
              const EvalRunOptions &options, const FollowOptions &follow,
              const std::function<void(const FollowEvent &)> &onEvent,
              const std::function<void(const std::string &)> &log,
              const EvalProgressFn &progress = {}, const std::function<bool()> &keepGoing = {});

} // namespace cs
