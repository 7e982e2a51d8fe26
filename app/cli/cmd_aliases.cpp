// SPDX-License-Identifier: MIT
#include "cli_options.h"
#include "commands.h"

#include "formats/aliases_format.h"

#include <iostream>
#include <memory>

namespace cs::cli {

Action addAliases(CLI::App &app)
{
    struct Options : ResultOptions
    {
        std::string out;
    };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand(
        "aliases", "Print the metric alias table in the alias file's format: the built-in "
                   "spellings, the user's alias file and --aliases; a start for your own file");
    sub->add_option("--aliases", o->aliasesFile, "Another alias file to add");
    sub->add_option("--out", o->out, "Write it here instead of the standard output");
    return [o] {
        MetricAliases aliases;
        if (const std::string e = loadAliasTable(*o, aliases); !e.empty()) {
            std::cerr << "error: metric aliases " << e << "\n";
            return int(Usage);
        }
        return writeOutput(aliasesJson(aliases).dump(2) + "\n", o->out, std::cerr);
    };
}

} // namespace cs::cli
