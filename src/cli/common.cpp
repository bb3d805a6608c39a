// What several commands share.
#include "cli/commands.h"
#include "diag/diag.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
         {std::tuple{&width, &options.width, "--width"}, std::tuple{&height, &options.height, "--height"}}) {
        if (!*text) continue;
        *target = parse_length(**text);
        if (!*target)
            diag::raise(
                diag::bad_usage(name, "'" + **text +
                                          "' is not a size: give a positive number, alone (pixels) or "
                                          "with a unit: px, pt, mm, cm, m, in or ft (150cm, 3ft)"));
    }
    if (bleed) {
        options.bleed = parse_edge_lengths(*bleed);
        if (!options.bleed)
            diag::raise(diag::bad_usage(
                "--bleed",
                "'" + *bleed +
                    "' is not a bleed: give a length (3mm, 1cm) for every edge, or lengths per edge "
                    "(hoist=2cm,fly=1cm,top=1cm,bottom=1cm; with a plain length first for the rest)"));
    }
    options.dpi = dpi;
    return options;
}

LayoutOptions SizeOptions::layout(const Design& design, const RenderOptions& options, Format format) const {
    LayoutOptions layout;
    layout.bleed = bleed_in_design_units(design.flag.width, design.flag.height, options, format);
    layout.allowance = allowance_in_design_units(design.flag.width, design.flag.height, options, format);
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

void PrintArgs::apply(RenderOptions& options) const {
    if (scale) {
        // "1:10" (or "10"): the page shows a tenth of the size given.
        const std::string& text = *scale;
        const std::string denominator = text.rfind("1:", 0) == 0 ? text.substr(2) : text;
        char* end = nullptr;
        const double value = std::strtod(denominator.c_str(), &end);
        if (denominator.empty() || *end != '\0' || !(value >= 1 && value <= 1000))
            diag::raise(diag::bad_usage("--scale", "'" + text +
                                                       "' is not a scale: give 1:N with N from 1 to 1000 "
                                                       "(1:10 draws a tenth of the size)"));
        options.scale = value;
    }
    options.colours = colours == "cmyk"   ? ColourMode::Cmyk
                      : colours == "spot" ? ColourMode::Spot
                                          : ColourMode::Rgb;
    if (!icc.empty() && options.colours == ColourMode::Rgb)
        diag::raise(diag::bad_usage("--icc", "a CMYK profile is for --colors cmyk or spot"));
    options.icc_profile = icc;
    options.marks = marks;
    if (!profile.empty()) options.profile = load_print_profile(profile);
    if (!proof.empty() && profile.empty())
        diag::raise(diag::bad_usage("--proof", "a proof shows a print profile's guides: give --profile too"));
}

void add_print_options(CLI::App& command, PrintArgs& args) {
    command
        .add_option("--scale", args.scale,
                    "draw at 1:N of the size given (1:10), for a proof of a large flag; the slug says so")
        ->type_name("1:N");
    command
        .add_option(
            "--colors", args.colours,
            "PDF colours: rgb (as on screen), cmyk (DeviceCMYK and an OutputIntent), or spot (a plate per "
            "Pantone or spot ink, the rest CMYK)")
        ->check(CLI::IsMember({"rgb", "cmyk", "spot"}))
        ->type_name("MODE");
    command
        .add_option("--icc", args.icc,
                    "the CMYK ICC profile colours are converted with (default: Ghostscript's)")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command.add_flag("--marks", args.marks,
                     "PDF: crop and registration marks, a colour bar and a slug line outside the bleed");
    command
        .add_option("--profile", args.profile,
                    "a print profile (hems, pole sleeve, grommets, safe area): the art grows by what folds "
                    "away, and a proof shows the guides")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command
        .add_option("--proof", args.proof,
                    "where the proof goes (default: beside the first PDF, NAME.proof.pdf)")
        ->type_name("FILE");
}

std::pair<int, int> parse_shard(const std::string& text, const char* option) {
    const auto slash = text.find('/');
    int part = 0, parts = 0;
    try {
        std::size_t used = 0, used2 = 0;
        if (slash != std::string::npos) {
            part = std::stoi(text.substr(0, slash), &used);
            parts = std::stoi(text.substr(slash + 1), &used2);
        }
        if (slash == std::string::npos || used != slash || used2 != text.size() - slash - 1) parts = 0;
    } catch (const std::exception&) {
        parts = 0;
    }
    if (parts < 1 || parts > 100000 || part < 1 || part > parts)
        diag::raise(diag::bad_usage(option, "'" + text + "' is not a shard: give K/N, K from 1 to N (2/8)"));
    return {part, parts};
}

Design load_design_argument(const std::string& design, const LoadOptions& options) {
    if (design != kStandardStream) return load_design(design, options);
    // Read one byte past the loader's limit at most, so an endless stream cannot eat memory; the
    // loader reports the size.
    constexpr std::size_t kMost = std::size_t{4} * 1024 * 1024 + 1;
    std::string text;
    char buffer[1 << 16];
    while (text.size() < kMost) {
        const std::size_t got = std::fread(buffer, 1, std::min(sizeof buffer, kMost - text.size()), stdin);
        if (got == 0) break;
        text.append(buffer, got);
    }
    if (std::ferror(stdin)) throw IoError("cannot read the design from standard input");
    return load_design_text(text, "<stdin>", options);
}

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, "the format of an output written to standard output (-o -)")
        ->check(CLI::IsMember({"svg", "png", "pdf"}));
}

std::vector<Format> output_formats(const std::vector<std::string>& outputs, const char* command,
                                   const std::string& format) {
    std::vector<Format> formats;
    const std::optional<Format> named = format.empty() ? std::nullopt : format_for_path("x." + format);
    int to_standard_output = 0;
    for (const auto& output : outputs) {
        const bool standard = output == kStandardStream;
        to_standard_output += standard;
        std::optional<Format> found = standard ? named : format_for_path(output);
        if (!found) found = named;
        if (!found)
            diag::raise(
                diag::bad_usage(command, standard ? "writing to standard output (-o -) needs --format "
                                                    "png, svg or pdf"
                                                  : "cannot tell the format of '" + output +
                                                        "': name it .svg, .png or .pdf, or give --format"));
        if (standard && *found != Format::Svg && isatty(STDOUT_FILENO))
            diag::raise(diag::bad_usage(command, "standard output is a terminal: not writing a binary "
                                                 "file to it (redirect it, or name an output file)"));
        formats.push_back(*found);
    }
    if (to_standard_output > 1)
        diag::raise(diag::bad_usage(command, "only one output can be standard output"));
    return formats;
}

void write_outputs(std::vector<std::pair<std::filesystem::path, std::string>> files) {
    const auto standard = std::find_if(files.begin(), files.end(),
                                       [](const auto& file) { return file.first == kStandardStream; });
    std::string to_standard_output;
    const bool any = standard != files.end();
    if (any) {
        to_standard_output = std::move(standard->second);
        files.erase(standard);
    }
    write_files(files);
    if (!any) return;
    if (std::fwrite(to_standard_output.data(), 1, to_standard_output.size(), stdout) !=
            to_standard_output.size() ||
        std::fflush(stdout) != 0)
        throw IoError(std::string("cannot write to standard output: ") + std::strerror(errno));
}

void render_outputs(const Scene& scene, const std::vector<std::string>& outputs, const RenderOptions& options,
                    const char* command, std::vector<std::pair<std::filesystem::path, std::string>> also,
                    const std::string& format) {
    const std::vector<Format> formats = output_formats(outputs, command, format);
    std::vector<std::pair<std::filesystem::path, std::string>> files = std::move(also);
    try {
        for (std::size_t i = 0; i < formats.size(); ++i)
            files.emplace_back(outputs[i], render_bytes(scene, formats[i], options));
    } catch (const InputError& error) { // an output too large
        throw with_option_hint(error, "--width, --height, --dpi");
    }
    write_outputs(std::move(files));
}

} // namespace vexil::cli
