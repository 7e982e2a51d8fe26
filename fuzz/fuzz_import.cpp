// SPDX-License-Identifier: MIT
// Every importer: the first byte picks the file's name (and so its container and the names
// some formats are recognised by), the rest is the file. importFile must never throw or crash.
#include "fuzz_support.h"
#include "results/file_import.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const char *const names[] = {"trainer_state.json",
                                        "all_results.json",
                                        "final_results.json",
                                        "checkpoint-1_eval_results.json",
                                        "results.json",
                                        "clozescope.workspace.json",
                                        "half_epoch_eval.jsonl",
                                        "real.jsonl",
                                        "run-a-tag-eval_loss.csv",
                                        "wandb_export.csv",
                                        "real_coref_results.csv",
                                        "events.out.tfevents.1.host"};
    if (size == 0) return 0;
    const std::string name = names[data[0] % (sizeof names / sizeof *names)];
    const std::string path = cs::fuzz::writeInput("run-1/" + name, data + 1, size - 1);
    cs::FileImport imp = cs::importFile(path, cs::defaultAliases(), true);
    std::vector<cs::FileImport> imports;
    imports.push_back(std::move(imp));
    cs::buildResultSet(std::move(imports), {}); // merging what was read must hold too
    return 0;
}
