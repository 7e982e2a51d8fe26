// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"
#include "engine_options.h"

#include "engine/fill_mask.h"
#include "engine/probe.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
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
    Truncation truncation;
    bool json = false;
    std::string text;
};

nlohmann::json candidateJson(const FillCandidate &c)
{
    return {{"ids", c.ids}, {"tokens", c.tokens}, {"log_prob", c.logProb}, {"prob", c.prob}};
}

nlohmann::json resultJson(const FillMaskResult &r)
{
    nlohmann::json doc = {{"input_ids", r.inputIds},
                          {"mask_positions", r.maskPositions},
                          {"text_length", r.textLength}};
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
    return doc;
}

/// Says on stderr that a text was cut without --max-length (once, for the first such result).
void noteDefaultCut(const FillMaskResult &r, const Truncation &asked)
{
    if (asked.maxLength > 0 || r.textLength <= int(r.inputIds.size())) return;
    std::cerr << "note: the text is " << r.textLength << " tokens; cut to " << r.inputIds.size()
              << " around the last mask, as eval cuts (--max-length to choose the length)\n";
}

void printJson(const nlohmann::json &doc)
{
    std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

/// The words to score: trimmed by the option, blanks ("a, ,b") dropped.
std::vector<std::string> targetWords(std::vector<std::string> words)
{
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    return words;
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
        r = fillMask(*model, *tokenizer, o.text, o.topK, targetWords(o.targets), o.truncation);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return InputProblems;
    }
    noteDefaultCut(r, o.truncation);
    if (o.json) {
        printJson(resultJson(r));
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

struct ProbeOptions
{
    std::string run;
    FillMaskOptions fill;
};

/// A checkpoint's label: its folder name and epoch when trainer_state.json gives one.
std::string rowLabel(const ProbeRow &row)
{
    std::string label = std::filesystem::path(row.checkpoint).filename().string();
    if (row.epoch) {
        char epoch[32];
        std::snprintf(epoch, sizeof epoch, "  epoch %.2f", *row.epoch);
        label += epoch;
    }
    return label;
}

void printProbeText(const std::vector<ProbeRow> &rows)
{
    std::size_t masks = 0;
    for (const auto &row : rows)
        masks = std::max(masks, row.result.perMask.size());
    for (std::size_t m = 0; m < masks; ++m) {
        std::cout << "mask " << m + 1 << ", top candidates by checkpoint:\n";
        for (const auto &row : rows) {
            std::printf("  %-30s", rowLabel(row).c_str());
            if (!row.error.empty()) std::printf("  (failed, below)");
            if (m < row.result.perMask.size())
                for (const auto &c : row.result.perMask[m])
                    std::printf("  %s %.3f", c.tokens[0].c_str(), c.prob);
            std::printf("\n");
        }
    }
    const bool anyTargets = std::any_of(
        rows.begin(), rows.end(), [](const ProbeRow &r) { return !r.result.targets.empty(); });
    if (anyTargets) std::cout << "target probability by checkpoint:\n";
    for (const auto &row : rows) {
        if (!anyTargets) break;
        std::printf("  %-30s", rowLabel(row).c_str());
        for (const auto &[word, c] : row.result.targets)
            std::printf("  %s %.4g", word.c_str(), c.prob);
        std::printf("\n");
    }
    for (const auto &row : rows)
        if (!row.error.empty()) std::cerr << "error: " << row.error << "\n";
}

int runProbe(const ProbeOptions &o)
{
    std::vector<ProbeRow> rows;
    try {
        const ProbeRequest request{o.fill.text,      o.fill.topK,   targetWords(o.fill.targets),
                                   o.fill.tokenizer, o.fill.engine, o.fill.truncation};
        rows = probeCheckpoints(probeFolders(o.run), request, [](const ProbeProgress &p) {
            if (!p.checkpoint.empty())
                std::cerr << "[" << p.done + 1 << "/" << p.total << "] " << p.checkpoint << "\n";
            return true;
        });
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return InputProblems;
    }
    const auto cut = std::find_if(rows.begin(), rows.end(), [](const ProbeRow &row) {
        return row.result.textLength > int(row.result.inputIds.size());
    });
    if (cut != rows.end()) noteDefaultCut(cut->result, o.fill.truncation);
    bool failed = false;
    if (o.fill.json) {
        nlohmann::json doc = {{"text", o.fill.text}, {"checkpoints", nlohmann::json::array()}};
        for (const auto &row : rows) {
            nlohmann::json r = row.error.empty() ? resultJson(row.result) : nlohmann::json{};
            r["checkpoint"] = row.checkpoint;
            r["step"] = row.step ? nlohmann::json(*row.step) : nlohmann::json();
            r["epoch"] = row.epoch ? nlohmann::json(*row.epoch) : nlohmann::json();
            if (!row.error.empty()) r["error"] = row.error;
            doc["checkpoints"].push_back(r);
        }
        printJson(doc);
    } else {
        printProbeText(rows);
    }
    for (const auto &row : rows)
        failed = failed || !row.error.empty();
    return failed ? InputProblems : Ok;
}

/// The options fill-mask and probe share.
void addFillOptions(CLI::App *sub, FillMaskOptions &o)
{
    sub->add_option("--tokenizer", o.tokenizer,
                    "Tokenizer folder (default: the model's, else its parent's)");
    sub->add_option("-k,--top-k", o.topK, "Candidates per mask and joint fillings (default 5)")
        ->check(CLI::Range(1, 1000));
    sub->add_option("--targets", o.targets,
                    "Words to score, comma-separated (multi-token words too)")
        ->delimiter(',')
        ->transform([](std::string w) { // "a, b" means "a" and "b", as in the GUI
            const auto first = w.find_first_not_of(" \t"), last = w.find_last_not_of(" \t");
            return first == std::string::npos ? std::string() : w.substr(first, last - first + 1);
        });
    addEngineOptions(sub, o.engine);
    sub->add_option("--max-length", o.truncation.maxLength,
                    "Cut a longer text around its last mask, as eval does (default: the model's "
                    "max_position_embeddings; 4096 for relative-position DeBERTa)")
        ->check(CLI::Range(8, 1 << 20));
    sub->add_option("--right-keep", o.truncation.rightKeep,
                    "Tokens kept after the last mask when cutting (default 64)")
        ->check(CLI::Range(0, 1 << 20));
    sub->add_flag("--json", o.json, "Machine-readable output");
    sub->add_option("text", o.text, "Text with one or more [MASK] (or the model's own mask token)")
        ->required();
}

} // namespace

Action addProbe(CLI::App &app)
{
    auto o = std::make_shared<ProbeOptions>();
    auto *sub = app.add_subcommand(
        "probe", "Fill-mask with one text on every checkpoint of a run, side by side");
    sub->add_option("--run", o->run, "Run folder (checkpoint-N/ inside) or one checkpoint")
        ->required();
    addFillOptions(sub, o->fill);
    return [o] { return runProbe(*o); };
}

Action addFillMask(CLI::App &app)
{
    auto o = std::make_shared<FillMaskOptions>();
    auto *sub = app.add_subcommand(
        "fill-mask", "Fill the masks of a text with a checkpoint (LibTorch, no Python)");
    sub->add_option("--model", o->model, "Checkpoint folder (config.json + safetensors)")
        ->required();
    addFillOptions(sub, *o);
    return [o] { return run(*o); };
}

} // namespace cs::cli
