// vexil render DESIGN -o OUT [-o OUT …]: every output is rendered in memory first, and only when all
// succeeded are they written (each atomically), so a failure leaves no file and replaces none.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include <memory>

namespace vexil::cli {
namespace {

struct RenderArgs {
    std::string design;
    std::vector<std::string> outputs;
    SizeOptions size;
    DesignOptions design_options;
};

int run_render(const RenderArgs& args) {
    output_formats(args.outputs, "vexil render"); // usage mistakes are reported before loading
    const RenderOptions options = args.size.render();
    const Design design = load_design(args.design, args.design_options.load());
    const Scene scene =
        lay_out(design, nullptr, args.size.layout(design, options, *format_for_path(args.outputs.front())));
    render_outputs(scene, args.outputs, options, "vexil render");
    return 0;
}

} // namespace

Run add_render(CLI::App& app) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* command = app.add_subcommand("render", "render a design to SVG, PNG and/or PDF");
    command->add_option("design", args->design, "the design file (.toml)")->required();
    one_value_each(command->add_option("-o,--output", args->outputs,
                                       "output file; the extension (.svg .png .pdf) picks the format"))
        ->required();
    add_size_options(*command, args->size);
    add_design_options(*command, args->design_options);
    return [args] { return run_render(*args); };
}

} // namespace vexil::cli
