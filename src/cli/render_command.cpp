// vexil render DESIGN -o OUT [-o OUT …]: every output is rendered in memory first, and only when all
// succeeded are they written (each atomically), so a failure leaves no file and replaces none.
#include "cli/commands.h"
#include "vexil/vexil.h"

#include "diag/diag.h"

#include <memory>

namespace vexil::cli {
namespace {

struct RenderArgs {
    std::string design;
    std::vector<std::string> outputs;
    std::optional<int> width;
    std::optional<int> height;
    std::vector<std::string> sets;
};

int run_render(const RenderArgs& args) {
    std::vector<Format> formats;
    for (const auto& output : args.outputs) {
        auto format = format_for_path(output);
        if (!format)
            diag::raise(diag::bad_usage("vexil render", "cannot tell the format of '" + output +
                                                            "': name it .svg, .png or .pdf"));
        formats.push_back(*format);
    }
    const Design design = load_design(args.design, LoadOptions{args.sets});
    const Scene scene = build_scene(design);
    RenderOptions options{args.width, args.height};
    std::vector<std::string> files;
    for (Format format : formats) files.push_back(render_bytes(scene, format, options));
    for (std::size_t i = 0; i < files.size(); ++i) write_file(args.outputs[i], files[i]);
    return 0;
}

} // namespace

Run add_render(CLI::App& app) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* command = app.add_subcommand("render", "render a design to SVG, PNG and/or PDF");
    command->add_option("design", args->design, "the design file (.toml)")->required();
    command->add_option("-o,--output", args->outputs, "output file; the extension (.svg .png .pdf) picks the format")
        ->required();
    auto* width = command->add_option("--width", args->width,
                                      "output width in px (PNG) or user units/points (SVG, PDF); default 1200");
    auto* height = command->add_option("--height", args->height, "output height; the width follows the flag's ratio");
    width->excludes(height);
    command->add_option("--set", args->sets, "override NAME=VALUE: a param, colors.NAME or LAYER_ID.FIELD")
        ->take_all();
    return [args] { return run_render(*args); };
}

} // namespace vexil::cli
