// vexil sheet DESIGN -o OUT.svg|.png|.pdf [--grid] [--measures]: the design's construction sheet —
// the flag with the dimensions its layers measure, a colour table, title, ratio and source.
#include "cli/commands.h"
#include "cli/report.h"
#include "diag/diag.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>

namespace vexil::cli {
namespace {

struct SheetArgs {
    std::string design;
    std::vector<std::string> outputs;
    bool grid = false;
    bool list = false;
    DesignOptions design_options;
    std::string format;
};

const char* type_name(Measure::Type type) {
    switch (type) {
    case Measure::Type::Span:
        return "length";
    case Measure::Type::Radius:
        return "radius";
    case Measure::Type::Diameter:
        return "diameter";
    case Measure::Type::Centre:
        return "centre";
    case Measure::Type::Angle:
        return "angle";
    case Measure::Type::Pattern:
        return "pattern";
    }
    return "";
}

/// One line per measure: the layer, what it is, its value and where (for a user's own tools).
void list_measures(const Scene& scene) {
    int n = 0;
    for (const Group& group : scene.groups) {
        ++n;
        for (const Measure& m : group.measures) {
            std::cout << (group.id.empty() ? group.kind + "#" + std::to_string(n) : group.id) << '\t'
                      << type_name(m.type) << '\t' << m.what << '\t' << m.value << '\t' << m.a.x << ','
                      << m.a.y;
            if (m.type != Measure::Type::Centre) std::cout << '\t' << m.b.x << ',' << m.b.y;
            std::cout << '\n';
        }
    }
}

int run_sheet(const SheetArgs& args) {
    const std::vector<Format> formats = output_formats(args.outputs, "vexil sheet", args.format);
    const Design design = load_design_argument(args.design, args.design_options.load());
    const Scene scene = lay_out(design);
    if (args.list) list_measures(scene);
    SheetOptions options;
    options.grid = args.grid;
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    for (std::size_t i = 0; i < formats.size(); ++i)
        files.emplace_back(args.outputs[i], render_sheet(scene, formats[i], options));
    write_outputs(std::move(files));
    return 0;
}

} // namespace

Run add_sheet(CLI::App& app) {
    auto args = std::make_shared<SheetArgs>();
    CLI::App* command = app.add_subcommand(
        "sheet", "draw the design's construction sheet: the flag with its dimensions, colours and source");
    command->add_option("design", args->design, "the design file (.toml), or - for standard input")
        ->required();
    one_value_each(command->add_option("-o,--output", args->outputs,
                                       "output file; the extension (.svg .png .pdf) picks the format; "
                                       "- is standard output (with --format)"));
    add_format_option(*command, args->format);
    command->add_flag("--grid", args->grid, "a grid in the design's units over the flag (China's 30 × 20)");
    command->add_flag("--measures", args->list,
                      "also print every measure: layer, type, what, value and where, tab-separated");
    add_design_options(*command, args->design_options);
    return [args] {
        if (args->outputs.empty() && !args->list)
            diag::raise(diag::bad_usage("vexil sheet", "give an output (-o sheet.pdf) or --measures"));
        return run_sheet(*args);
    };
}

} // namespace vexil::cli
