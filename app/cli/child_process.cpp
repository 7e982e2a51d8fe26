// SPDX-License-Identifier: MIT
#include "child_process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

namespace cs::cli {

ChildOutcome runThisProgram(const std::vector<std::string> &args,
                            const std::function<void(int)> &onStarted)
{
    ChildOutcome out;
    // /proc/self/exe itself: still this program if its file was replaced meanwhile.
    const std::string program = "/proc/self/exe";
    std::vector<std::string> all{"clozescope-cli"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (std::string &a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (const int e = posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ)) {
        out.why = std::string("cannot start a process (") + std::strerror(e) + ")";
        return out;
    }
    if (onStarted) onStarted(int(pid));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            out.why = std::string("lost the process (") + std::strerror(errno) + ")";
            return out;
        }
    if (WIFEXITED(status)) {
        out.exitCode = WEXITSTATUS(status);
        out.why = "exit status " + std::to_string(out.exitCode);
    } else if (WIFSIGNALED(status)) {
        out.signal = WTERMSIG(status);
        out.why =
            "died from signal " + std::to_string(out.signal) + " (" + strsignal(out.signal) + ")";
    }
    return out;
}

} // namespace cs::cli
