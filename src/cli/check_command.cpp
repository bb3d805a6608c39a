// vexil check DESIGN…: load and lay out each design without rendering; report every problem in
// every file, then exit 2 if any design was bad. With --print, also where a colour lacks print values.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>

namespace vexil::cli {

Run add_check(CLI::App& app) {
    auto designs = std::make_shared<std::vector<std::string>>();
    auto design_options = std::make_shared<DesignOptions>();
    auto for_print = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("check", "check designs for errors without rendering them");
    command->add_option("designs", *designs, "design files (.toml); - reads one from standard input")
        ->required();
    add_design_options(*command, *design_options);
    command->add_flag("--print", *for_print,
                      "also warn where a colour the design paints has no print values (pantone, spot, cmyk)");
    return [designs, design_options, for_print] {
        const LoadOptions options = design_options->load();
        int status = 0;
        for (const auto& path : *designs) {
            try {
                const Design design = load_design_argument(path, options);
                const Scene scene = lay_out(design);
                if (*for_print) report(print_colour_warnings(design, scene));
                std::cout << path << ": ok (" << design.layers.size()
                          << (design.layers.size() == 1 ? " layer)\n" : " layers)\n");
            } catch (const InputError& error) {
                status = std::max(status, report(error));
            } catch (const IoError& error) {
                status = std::max(status, report_failure(error.what()));
            }
        }
        return status;
    };
}

} // namespace vexil::cli
