// SPDX-License-Identifier: MIT
// clozescope-cli: ClozeScope without a display.
#include "../version_text.h"
#include "cli_options.h"
#include "commands.h"
#ifdef CLOZESCOPE_HAVE_ENGINE
#include "engine/cpu_threads.h"
#endif

#include <iostream>
#include <map>

int main(int argc, char **argv)
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    cs::keepLargeBlocksOnTheHeap(); // before anything allocates (engine/cpu_threads.h)
#endif
    CLI::App app{"clozescope-cli " CLOZESCOPE_VERSION
                 ": analyse masked-LM evaluation results and choose the checkpoint to keep.\n"
                 "Exit status: 0 ok, 1 input problems, 2 usage error."};
    app.set_version_flag("--version", [] { return cs::versionText("clozescope-cli"); });
    app.require_subcommand(1);
    std::map<std::string, cs::cli::Action> actions = {
        {"inspect", cs::cli::addInspect(app)}, {"report", cs::cli::addReport(app)},
        {"table", cs::cli::addTable(app)},     {"bench", cs::cli::addBench(app)},
        {"merge", cs::cli::addMerge(app)},     {"aliases", cs::cli::addAliases(app)},
        {"flips", cs::cli::addFlips(app)},
    };
#ifdef CLOZESCOPE_HAVE_ENGINE
    actions["fill-mask"] = cs::cli::addFillMask(app);
    actions["probe"] = cs::cli::addProbe(app);
    actions["eval"] = cs::cli::addEval(app);
    actions["parity"] = cs::cli::addParity(app);
#endif
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        app.exit(e);
        return cs::cli::Usage;
    }
    try {
        for (auto *sub : app.get_subcommands())
            return actions.at(sub->get_name())();
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return cs::cli::InputProblems;
    }
    return cs::cli::Usage;
}
