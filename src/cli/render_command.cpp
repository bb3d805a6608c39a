// vexil render DESIGN -o OUT [-o OUT …]: every output is rendered in memory first, and only when all
// succeeded are they written (each atomically), so a failure leaves no file and replaces none.
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/vexil.h"

#include "diag/diag.h"

#include <algorithm>
#include <filesystem>
#include <memory>

namespace vexil::cli {
namespace {

struct RenderArgs {
    std::string design;
    std::vector<std::string> outputs;
    SizeOptions size;
    PrintArgs print;
    DesignOptions design_options;
    std::string format;
};

/// Where the proof goes: as asked, or beside the first PDF output.
std::string proof_path(const RenderArgs& args, const std::vector<Format>& formats) {
    if (!args.print.proof.empty()) return args.print.proof;
    for (std::size_t i = 0; i < formats.size(); ++i)
        if (formats[i] == Format::Pdf && args.outputs[i] != kStandardStream) {
            std::filesystem::path path = args.outputs[i];
            return path.replace_extension(".proof.pdf").string();
        }
    return {};
}

int run_render(const RenderArgs& args) {
    // Usage mistakes are reported before loading.
    const std::vector<Format> formats = output_formats(args.outputs, "vexil render", args.format);
    RenderOptions options = args.size.render();
    const bool any_pdf = std::find(formats.begin(), formats.end(), Format::Pdf) != formats.end();
    if (args.print.any() && !args.print.scale && !any_pdf)
        diag::raise(diag::bad_usage("vexil render",
                                    "--colors, --icc, --marks, --profile and --proof are for PDF "
                                    "output: name an output .pdf"));
    args.print.apply(options);
    const Design design = load_design_argument(args.design, args.design_options.load());
    std::string extra;
    for (const std::string& set : args.design_options.sets)
        extra += set + "\n";
    options.design_hash = inputs_hash(design, extra);
    const Scene scene = lay_out(design, nullptr, args.size.layout(design, options, formats.front()));
    if (!options.profile) {
        render_outputs(scene, args.outputs, options, "vexil render", {}, args.format);
        return 0;
    }
    // With a profile, the proof is written with the outputs, all or nothing.
    std::vector<std::string> outputs = args.outputs;
    const std::string proof = proof_path(args, formats);
    if (proof.empty())
        diag::raise(diag::bad_usage("vexil render",
                                    "say where the proof goes (--proof FILE) or name an output .pdf"));
    render_outputs(scene, outputs, options, "vexil render", {{proof, render_proof(scene, options)}},
                   args.format);
    return 0;
}

} // namespace

Run add_render(CLI::App& app) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* command = app.add_subcommand("render", "render a design to SVG, PNG and/or PDF");
    command->add_option("design", args->design, "the design file (.toml), or - for standard input")
        ->required();
    one_value_each(command->add_option("-o,--output", args->outputs,
                                       "output file; the extension (.svg .png .pdf) picks the format; "
                                       "- is standard output (with --format)"))
        ->required();
    add_format_option(*command, args->format);
    add_size_options(*command, args->size);
    add_print_options(*command, args->print);
    add_design_options(*command, args->design_options);
    return [args] { return run_render(*args); };
}

} // namespace vexil::cli
