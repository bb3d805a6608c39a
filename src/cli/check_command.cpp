// vexil check DESIGN…: load and lay out each design without rendering; report every problem in
// every file, then exit 2 if any design was bad.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>

namespace vexil::cli {

Run add_check(CLI::App& app) {
    auto designs = std::make_shared<std::vector<std::string>>();
    auto design_options = std::make_shared<DesignOptions>();
    CLI::App* command = app.add_subcommand("check", "check designs for errors without rendering them");
    command->add_option("designs", *designs, "design files (.toml)")->required();
    add_design_options(*command, *design_options);
    return [designs, design_options] {
        const LoadOptions options = design_options->load();
        int status = 0;
        for (const auto& path : *designs) {
            try {
                const Design design = load_design(path, options);
                const Scene scene = lay_out(design);
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
