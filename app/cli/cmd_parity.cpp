// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"
#include "engine_options.h"

#include "engine/parity_check.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

struct ParityCliOptions
{
    std::string fixtures;
    ParityOptions parity;
    bool json = false;
};

int run(const ParityCliOptions &o)
{
    const auto results = checkParity(o.fixtures, o.parity, [&](const std::string &model) {
        if (!o.json) std::cerr << "checking " << model << "\n";
        return true;
    });
    bool allOk = true;
    for (const auto &r : results)
        allOk = allOk && r.ok();
    if (o.json) {
        nlohmann::json doc = {{"fixtures", o.fixtures},
                              {"device", o.parity.engine.device},
                              {"dtype", o.parity.engine.dtype},
                              {"tolerance", o.parity.tolerance},
                              {"ok", allOk}};
        doc["checks"] = nlohmann::json::array();
        for (const auto &r : results)
            doc["checks"].push_back({{"model", r.model},
                                     {"check", r.check},
                                     {"compared", r.compared},
                                     {"agreeing", r.agreeing},
                                     {"near_ties", r.nearTies},
                                     {"max_abs_diff", r.maxDiff},
                                     {"ok", r.ok()},
                                     {"error", r.error},
                                     {"first_mismatch", r.firstMismatch}});
        std::cout << doc.dump(2) << "\n";
        return allOk ? Ok : InputProblems;
    }
    std::printf("%-34s %-14s %9s %12s  %s\n", "model", "check", "agree", "max |diff|", "result");
    for (const auto &r : results) {
        if (!r.error.empty()) {
            std::printf("%-34s %-14s %9s %12s  FAILED: %s\n", r.model.c_str(), r.check.c_str(), "",
                        "", r.error.c_str());
            continue;
        }
        const std::string agree = std::to_string(r.agreeing) + "/" + std::to_string(r.compared);
        const std::string ties =
            r.nearTies ? " (" + std::to_string(r.nearTies) + " near tie)" : std::string();
        std::printf("%-34s %-14s %9s %12.3g  %s%s\n", r.model.c_str(), r.check.c_str(),
                    agree.c_str(), r.maxDiff, r.ok() ? "ok" : "FAILED", ties.c_str());
        if (!r.firstMismatch.empty()) std::printf("    first: %s\n", r.firstMismatch.c_str());
    }
    const bool full = o.parity.engine.dtype == "fp32";
    std::printf("%s on %s in %s: %s\n", allOk ? "parity holds" : "parity FAILS",
                o.parity.engine.device.c_str(), o.parity.engine.dtype.c_str(),
                full ? "same ids and top 5, differences within the tolerance"
                     : "same ids and top-1, or a near tie (differences reported only)");
    return allOk ? Ok : InputProblems;
}

} // namespace

Action addParity(CLI::App &app)
{
    auto o = std::make_shared<ParityCliOptions>();
    auto *sub = app.add_subcommand(
        "parity", "Check the engine against transformers' outputs in a fixtures folder");
    sub->add_option("--fixtures", o->fixtures,
                    "Folder with <name>/ and <name>.expected.json (or hf-reference/, storage/)")
        ->required()
        ->check(CLI::ExistingDirectory);
    sub->add_option("--tolerance", o->parity.tolerance,
                    "fp32: largest logit / hidden-state difference (default 1e-4)")
        ->check(CLI::PositiveNumber);
    sub->add_option("--tie-margin", o->parity.tieMargin,
                    "bf16/fp16: a top-1 the reference scores this close to its best is a near "
                    "tie (default 0.05)")
        ->check(CLI::NonNegativeNumber);
    addEngineOptions(sub, o->parity.engine);
    sub->add_flag("--json", o->json, "Machine-readable output");
    return [o] { return run(*o); };
}

} // namespace cs::cli
