// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"
#include "engine_options.h"

#include "engine/fill_mask.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace cs::cli {
namespace {

struct FillMaskOptions
{
    std::string model;
    std::string tokenizer;
    int topK = 5;
    std::vector<std::string> targets;
    EngineOptions engine;
    bool json = false;
    std::string text;
};

nlohmann::json candidateJson(const FillCandidate &c)
{
    return {{"ids", c.ids}, {"tokens", c.tokens}, {"log_prob", c.logProb}, {"prob", c.prob}};
}

int run(const FillMaskOptions &o)
{
    std::string error;
    const auto tokenizer = loadCheckpointTokenizer(o.model, o.tokenizer, error);
    if (!tokenizer) {
        std::cerr << "error: " << error << " (give one with --tokenizer DIR)\n";
        return InputProblems;
    }
    const auto model = MaskedLM::load(o.model, o.engine, error);
    if (!model) {
        std::cerr << "error: " << error << "\n";
        return InputProblems;
    }
    FillMaskResult r;
    try {
        r = fillMask(*model, *tokenizer, o.text, o.topK, o.targets);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return InputProblems;
    }
    if (o.json) {
        nlohmann::json doc = {{"input_ids", r.inputIds}, {"mask_positions", r.maskPositions}};
        for (const auto &list : r.perMask) {
            nlohmann::json l = nlohmann::json::array();
            for (const auto &c : list)
                l.push_back(candidateJson(c));
            doc["masks"].push_back(l);
        }
        for (const auto &c : r.joint)
            doc["joint"].push_back(candidateJson(c));
        for (const auto &[word, c] : r.targets)
            doc["targets"][word] = candidateJson(c);
        std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return Ok;
    }
    for (std::size_t m = 0; m < r.perMask.size(); ++m) {
        std::cout << "mask " << m + 1 << " (position " << r.maskPositions[m] << "):\n";
        for (std::size_t i = 0; i < r.perMask[m].size(); ++i)
            std::printf("  %2zu  %-20s %.4f\n", i + 1, r.perMask[m][i].tokens[0].c_str(),
                        r.perMask[m][i].prob);
    }
    if (!r.joint.empty()) {
        std::cout << "best joint fillings:\n";
        for (std::size_t i = 0; i < r.joint.size(); ++i) {
            std::string words;
            for (const auto &t : r.joint[i].tokens)
                words += (words.empty() ? "" : " | ") + t;
            std::printf("  %2zu  %-30s %.4g\n", i + 1, words.c_str(), r.joint[i].prob);
        }
    }
    for (const auto &[word, c] : r.targets)
        std::printf("target %-16s log p = %.4f  (p = %.4g, %zu tokens)\n", word.c_str(), c.logProb,
                    c.prob, c.ids.size());
    return Ok;
}

} // namespace

Action addFillMask(CLI::App &app)
{
    auto o = std::make_shared<FillMaskOptions>();
    auto *sub = app.add_subcommand(
        "fill-mask", "Fill the masks of a text with a checkpoint (LibTorch, no Python)");
    sub->add_option("--model", o->model, "Checkpoint folder (config.json + safetensors)")
        ->required();
    sub->add_option("--tokenizer", o->tokenizer,
                    "Tokenizer folder (default: the model's, else its parent's)");
    sub->add_option("-k,--top-k", o->topK, "Candidates per mask and joint fillings (default 5)")
        ->check(CLI::Range(1, 1000));
    sub->add_option("--targets", o->targets,
                    "Words to score, comma-separated (multi-token words too)")
        ->delimiter(',');
    addEngineOptions(sub, o->engine);
    sub->add_flag("--json", o->json, "Machine-readable output");
    sub->add_option("text", o->text, "Text with one or more [MASK] (or the model's own mask token)")
        ->required();
    return [o] { return run(*o); };
}

} // namespace cs::cli
