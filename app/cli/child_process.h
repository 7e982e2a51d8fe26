// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace cs::cli {

/// How a child process ended.
struct ChildOutcome
{
    int exitCode = -1; ///< its exit status (-1 when it did not exit by itself)
    int signal = 0;    ///< the signal that ended it (0 when it exited)
    std::string why;   ///< for people: "exit status 1", "died from signal 11 (Segmentation fault)"
};

/// Runs this very program with args (argv[1…]) and waits; its output goes to ours.
/// onStarted receives the child's process id once it runs.
ChildOutcome runThisProgram(const std::vector<std::string> &args,
                            const std::function<void(int)> &onStarted = {});

} // namespace cs::cli
