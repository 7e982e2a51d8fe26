// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "results/shard_merge.h"

#include <iostream>
#include <memory>

namespace cs::cli {

Action addMerge(CLI::App &app)
{
    struct Options
    {
        std::vector<std::string> shards;
        std::string out;
    };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand(
        "merge", "Join the outputs of `eval --shard i/n` runs into one results folder");
    sub->add_option("shards", o->shards, "Output folders of the shards")
        ->required()
        ->check(CLI::ExistingDirectory);
    sub->add_option("--out", o->out, "Merged results folder")->required();
    return [o] {
        const ShardMergeReport r = mergeShardResults(o->shards, o->out);
        for (const auto &p : r.problems)
            std::cerr << "error: " << p << "\n";
        std::cerr << r.copied << " checkpoint(s) merged into " << o->out;
        if (r.identical)
            std::cerr << " (" << r.identical << " found in several shards with equal results)";
        std::cerr << "\n";
        return r.problems.empty() ? Ok : InputProblems;
    };
}

} // namespace cs::cli
