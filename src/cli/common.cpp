// What several commands share.
#include "cli/commands.h"
#include "diag/diag.h"

#include <tuple>

namespace vexil::cli {

InputError with_option_hint(const InputError& error, const std::string& options) {
    std::vector<Diagnostic> diagnostics = error.diagnostics();
    for (Diagnostic& diagnostic : diagnostics)
        if (diagnostic.code == "usage") diagnostic.message += " (" + options + ")";
    return InputError(std::move(diagnostics));
}

RenderOptions SizeOptions::render() const {
    RenderOptions options;
    for (auto [text, target, name] :
         {std::tuple{&width, &options.width, "--width"}, std::tuple{&height, &options.height, "--height"},
          std::tuple{&bleed, &options.bleed, "--bleed"}}) {
        if (!*text) continue;
        *target = parse_length(**text);
        if (!*target)
            diag::raise(
                diag::bad_usage(name, "'" + **text +
                                          "' is not a size: give a positive number, alone (pixels) or "
                                          "with a unit: px, pt, mm, cm, m, in or ft (150cm, 3ft)"));
    }
    options.dpi = dpi;
    return options;
}

LayoutOptions SizeOptions::layout(const Design& design, const RenderOptions& options, Format format) const {
    LayoutOptions layout;
    layout.bleed = bleed_in_design_units(design.flag.width, design.flag.height, options, format);
    return layout;
}

void add_size_options(CLI::App& command, SizeOptions& options) {
    auto* width = command.add_option(
        "--width", options.width,
        "output width: pixels (PNG) or user units/points (SVG, PDF), or a print size such as 150cm, 3ft, "
        "594mm; default 1200");
    auto* height = command.add_option("--height", options.height,
                                      "output height, in the same forms; the width follows the flag's ratio");
    width->type_name("SIZE")->excludes(height);
    height->type_name("SIZE");
    command
        .add_option("--bleed", options.bleed,
                    "print bleed on every side (3mm, 1cm): the art runs on past the flag's edges; a PDF "
                    "gets TrimBox and BleedBox")
        ->type_name("SIZE");
    command
        .add_option("--dpi", options.dpi,
                    "pixels per inch for a PNG of a print size (default 96); the PNG records it")
        ->check(CLI::Range(1.0, 100000.0))
        ->type_name("N");
}

std::vector<Format> output_formats(const std::vector<std::string>& outputs, const char* command) {
    std::vector<Format> formats;
    for (const auto& output : outputs) {
        auto format = format_for_path(output);
        if (!format)
            diag::raise(diag::bad_usage(command, "cannot tell the format of '" + output +
                                                     "': name it .svg, .png or .pdf"));
        formats.push_back(*format);
    }
    return formats;
}

void render_outputs(const Scene& scene, const std::vector<std::string>& outputs, const RenderOptions& options,
                    const char* command) {
    const std::vector<Format> formats = output_formats(outputs, command);
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    try {
        for (std::size_t i = 0; i < formats.size(); ++i)
            files.emplace_back(outputs[i], render_bytes(scene, formats[i], options));
    } catch (const InputError& error) { // an output too large
        throw with_option_hint(error, "--width, --height, --dpi");
    }
    write_files(files);
}

} // namespace vexil::cli
