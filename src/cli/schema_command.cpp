// vexil schema: print the design format's JSON Schema, generated from the kind catalogue.
#include "cli/commands.h"
#include "vexil/vexil.h"

#include <iostream>

namespace vexil::cli {

Run add_schema(CLI::App& app) {
    app.add_subcommand("schema",
                       "print the JSON Schema of design files, for TOML editors (Taplo, Even Better TOML)");
    return [] {
        std::cout << json_schema();
        return 0;
    };
}

} // namespace vexil::cli
