// SPDX-License-Identifier: MIT
#include "slurm_submit.h"

#include "cli_options.h"

#include "results/run_naming.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace cs::cli {
namespace {

namespace fs = std::filesystem;

/// text as one word for bash: in single quotes, a quote written '\''.
std::string shellWord(const std::string &text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Runs a command line, returns its standard output; code gets its exit status.
std::string capture(const std::string &command, int &code)
{
    std::string out;
    FILE *pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        code = -1;
        return out;
    }
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

/// This program's own path (jobs run it by name on the nodes).
std::string thisProgram()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? "clozescope-cli" : self.string();
}

/// An absolute, normal path.
std::string absolute(const std::string &path)
{
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return (ec ? fs::path(path) : p).lexically_normal().string();
}

/// The lines joined, each ended by a newline.
std::string lines(const std::vector<std::string> &all)
{
    std::string out;
    for (const auto &l : all)
        out += l + "\n";
    return out;
}

void writeScript(const fs::path &path, const std::string &text)
{
    std::ofstream(path) << text;
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
}

} // namespace

int submitToSlurm(const EvalOptions &o)
{
    if (o.run.empty()) {
        std::cerr << "error: --slurm needs --run RUN_DIR\n";
        return Usage;
    }
    const std::size_t checkpoints = discoverCheckpoints(o.run).size();
    if (checkpoints == 0) {
        std::cerr << "error: " << o.run << ": no checkpoint-N folders in this run\n";
        return InputProblems;
    }
    // No more shards than checkpoints: an empty shard would be a job with nothing to do.
    const int shards = std::min<int>(o.slurmShards, int(checkpoints));
    const std::string out = absolute(o.out), run = absolute(o.run), cli = thisProgram();
    const fs::path jobs = fs::path(out) / ".slurm";
    std::error_code ec;
    fs::create_directories(jobs, ec);
    if (ec) {
        std::cerr << "error: " << jobs.string() << ": " << ec.message() << "\n";
        return InputProblems;
    }
    for (int i = 0; i < shards; ++i) // a rerun's shards report afresh
        fs::remove(jobs / ("shard-" + std::to_string(i) + ".exit"), ec);

    EvalOptions absoluteSets = o;
    for (std::string &d : absoluteSets.data)
        if (const auto eq = d.find('='); eq != std::string::npos)
            d = d.substr(0, eq + 1) + absolute(d.substr(eq + 1));
    if (!absoluteSets.tokenizer.empty()) absoluteSets.tokenizer = absolute(o.tokenizer);
    std::string evalArgs;
    for (const std::string &a : evaluationArguments(absoluteSets))
        evalArgs += " " + shellWord(a);
    const std::string n = std::to_string(shards), dir = shellWord(jobs.string());

    const std::string logs = jobs.string(), last = std::to_string(shards - 1);
    writeScript(jobs / "eval.sbatch",
                lines({"#!/bin/bash", "#SBATCH --job-name=clozescope-eval",
                       "#SBATCH --output=" + logs + "/shard-%a.log", "shard=$SLURM_ARRAY_TASK_ID",
                       "mkdir -p " + dir + "/shards/$shard",
                       shellWord(cli) + " eval --run " + shellWord(run) + evalArgs +
                           " --shard \"$shard/" + n + "\" --out " + dir + "/shards/$shard",
                       "code=$?", "echo $code > " + dir + "/shard-$shard.exit", "exit $code"}));
    writeScript(
        jobs / "merge.sbatch",
        lines({"#!/bin/bash", "#SBATCH --job-name=clozescope-merge",
               "#SBATCH --output=" + logs + "/merge.log", "failed=0",
               "for i in $(seq 0 " + last + "); do", "  f=" + dir + "/shard-$i.exit",
               "  if [ ! -f \"$f\" ]; then",
               "    echo \"error: shard $i/" + n + " did not finish (" + logs +
                   "/shard-$i.log)\"; failed=1",
               "  elif [ \"$(cat \"$f\")\" != 0 ]; then",
               "    echo \"error: shard $i/" + n + " failed with exit status $(cat \"$f\") (" +
                   logs + "/shard-$i.log)\"; failed=1",
               "  fi", "done", "if [ $failed = 1 ]; then",
               "  echo \"error: not merged: the results would lack what the failed shards "
               "evaluate\"; exit 1",
               "fi",
               "exec " + shellWord(cli) + " merge " + dir + "/shards/* --out " + shellWord(out)}));

    std::string extra; // --sbatch "…": split at spaces
    std::istringstream words(o.sbatchOptions);
    for (std::string w; words >> w;)
        extra += " " + shellWord(w);
    int code = 0;
    const std::string arrayId =
        capture("sbatch --parsable" + extra + " --array=0-" + std::to_string(shards - 1) + " " +
                    shellWord((jobs / "eval.sbatch").string()),
                code);
    const std::string id = arrayId.substr(0, arrayId.find_first_of(";\n"));
    if (code != 0 || id.empty()) {
        std::cerr << "error: sbatch did not take the evaluation (exit status " << code
                  << "): is Slurm reachable from here?\n";
        return InputProblems;
    }
    std::cout << "evaluation: job array " << id << " (" << shards << " shards of " << checkpoints
              << " checkpoints), logs in " << jobs.string() << "/shard-N.log" << std::endl;
    const std::string mergeCommand = "sbatch --parsable" + extra + (o.slurmWait ? " --wait" : "") +
                                     " --dependency=afterany:" + id + " " +
                                     shellWord((jobs / "merge.sbatch").string());
    if (o.slurmWait)
        std::cout << "merge: submitted after " << id << "; waiting for it…" << std::endl;
    const std::string mergeOut = capture(mergeCommand, code);
    const std::string mergeId = mergeOut.substr(0, mergeOut.find_first_of(";\n"));
    if (mergeId.empty()) {
        std::cerr << "error: sbatch did not take the merge job (exit status " << code << ")\n";
        return InputProblems;
    }
    std::cout << "merge: job " << mergeId << ", results in " << out << " (log "
              << (jobs / "merge.log").string() << ")" << std::endl;
    if (!o.slurmWait) return Ok;
    if (code == 0) {
        std::cout << "merged: " << out << std::endl;
        return Ok;
    }
    std::ifstream log(jobs / "merge.log");
    std::cerr << log.rdbuf();
    std::cerr << "error: the merge job " << mergeId << " ended with exit status " << code << "\n";
    return InputProblems;
}

} // namespace cs::cli
