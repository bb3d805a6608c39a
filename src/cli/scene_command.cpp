// vexil scene DESIGN: print the laid-out scene as text (every path and colour), for review and diffs.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>

namespace vexil::cli {

Run add_scene(CLI::App& app) {
    auto design = std::make_shared<std::string>();
    auto design_options = std::make_shared<DesignOptions>();
    CLI::App* command =
        app.add_subcommand("scene", "print the laid-out scene as text: paths, colours, clips");
    command->add_option("design", *design, "the design file (.toml), or - for standard input")->required();
    add_design_options(*command, *design_options);
    return [design, design_options] {
        std::cout << dump(lay_out(load_design_argument(*design, design_options->load())));
        return 0;
    };
}

} // namespace vexil::cli
