// vexil crossings DESIGN: every crossing of every rings layer, numbered as `over = [[a, b, k]]`
// names them, with who lies on top — so a designer can turn any crossing by hand.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace vexil::cli {

Run add_crossings(CLI::App& app) {
    auto design = std::make_shared<std::string>();
    auto design_options = std::make_shared<DesignOptions>();
    CLI::App* command = app.add_subcommand(
        "crossings", "list the crossings of rings layers: [a, b, k], where, and who is on top");
    command->add_option("design", *design, "the design file (.toml), or - for standard input")->required();
    add_design_options(*command, *design_options);
    return [design, design_options] {
        const Design loaded = load_design_argument(*design, design_options->load());
        lay_out(loaded); // reports any error in the design first
        for (const RingCrossing& c : ring_crossings(loaded)) {
            char at[64];
            std::snprintf(at, sizeof at, "(%.4f, %.4f)", c.at.x, c.at.y);
            std::cout << c.layer << ": [" << c.a << ", " << c.b << ", " << c.k << "] at " << at << ": "
                      << c.over << " over " << (c.over == c.a ? c.b : c.a);
            if (c.stack.size() > 2) {
                std::cout << "  (" << c.stack.size() << " rings meet here; bottom to top:";
                for (int ring : c.stack)
                    std::cout << ' ' << ring;
                std::cout << ')';
            }
            std::cout << '\n';
        }
        return 0;
    };
}

} // namespace vexil::cli
