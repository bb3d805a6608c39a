#pragma once
// The subcommands. Each registers its options on the app and returns the function that runs it.
// Errors are thrown (InputError, IoError) and turned into messages and exit codes in main.cpp alone.

#include "vexil/diagnostic.h"
#include "vexil/layout.h"
#include "vexil/load.h"
#include "vexil/render.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vexil::cli {

using Run = std::function<int()>;

/// A repeatable option that takes exactly one value each time it is given, so that a positional
/// argument after it (`-o a.png design.toml`) is still the positional argument.
inline CLI::Option* one_value_each(CLI::Option* option) {
    return option->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

/// What every command that loads a design takes: `--set NAME=VALUE` and `--allow-folder DIR`, both
/// repeatable, each taking exactly one value so a design named after them is still the design.
struct DesignOptions {
    std::vector<std::string> sets;
    std::vector<std::string> allowed_folders;

    LoadOptions load() const {
        LoadOptions options;
        options.overrides = sets;
        options.allowed_folders.assign(allowed_folders.begin(), allowed_folders.end());
        return options;
    }
};

inline void add_design_options(CLI::App& command, DesignOptions& options) {
    one_value_each(command.add_option(
        "--set", options.sets, "override NAME=VALUE: a param, colors.NAME or LAYER_ID.FIELD (repeatable)"));
    one_value_each(command.add_option(
                       "--allow-folder", options.allowed_folders,
                       "a folder besides the design's own that emblem files may be read from (repeatable)"))
        ->check(CLI::ExistingDirectory);
}

/// `error` with `options` (the command-line options that change what it is about, e.g. "--width,
/// --height") added in brackets to each usage message: the library's messages name no options.
InputError with_option_hint(const InputError& error, const std::string& options);
/// `--width`, `--height` (a length: `1200`, `150cm`, `3ft`) and `--dpi`, for the commands that
/// render one design.
struct SizeOptions {
    std::optional<std::string> width, height, bleed;
    std::optional<double> dpi;
    /// Throws a usage InputError naming the option whose value is not a length.
    RenderOptions render() const;
    /// How to lay `design` out for these options (its bleed in design units), for outputs whose
    /// first is in `format`.
    LayoutOptions layout(const Design& design, const RenderOptions& options, Format format) const;
};
void add_size_options(CLI::App& command, SizeOptions& options);

/// What `render` takes for print: --scale, --colors, --icc, --marks, --profile, --proof.
struct PrintArgs {
    std::optional<std::string> scale;
    std::string colours = "rgb";
    std::string icc;
    bool marks = false;
    std::string profile;
    std::string proof;
    bool any() const {
        return scale || colours != "rgb" || !icc.empty() || marks || !profile.empty() || !proof.empty();
    }
    /// Adds these to `options` (reading the profile); usage errors name the option.
    void apply(RenderOptions& options) const;
};
void add_print_options(CLI::App& command, PrintArgs& args);

/// `-` as a design: standard input; as an output: standard output.
inline constexpr const char* kStandardStream = "-";

/// The design named on the command line: a file, or `-` for standard input (its relative paths,
/// emblems and `extends`, resolve from the working directory; messages call it `<stdin>`).
Design load_design_argument(const std::string& design, const LoadOptions& options);

/// `--format png|svg|pdf`: the format of an output written to standard output (`-o -`), or of one
/// whose extension does not say.
void add_format_option(CLI::App& command, std::string& format);

/// The format of each output from its extension, else from `format` (--format); a usage error names
/// one it cannot tell. `-` (standard output) may be given once, and not for PNG or PDF on a terminal.
std::vector<Format> output_formats(const std::vector<std::string>& outputs, const char* command,
                                   const std::string& format = {});
/// Renders `scene` to every output (format from its extension) in memory, then writes them all
/// (write_files: none is written unless all rendered).
/// `also` are files made already, written with the rest.
/// `-` is written to standard output, after every file is written.
void render_outputs(const Scene& scene, const std::vector<std::string>& outputs, const RenderOptions& options,
                    const char* command, std::vector<std::pair<std::filesystem::path, std::string>> also = {},
                    const std::string& format = {});
/// write_files, except that a file named `-` goes to standard output, last.
void write_outputs(std::vector<std::pair<std::filesystem::path, std::string>> files);

/// "K/N" (1 <= K <= N <= 100000) as K and N; a usage error naming `option` otherwise.
std::pair<int, int> parse_shard(const std::string& text, const char* option);

Run add_render(CLI::App& app);
Run add_check(CLI::App& app);
Run add_scene(CLI::App& app);
Run add_crossings(CLI::App& app);
Run add_gallery(CLI::App& app);
Run add_schema(CLI::App& app);
Run add_variants(CLI::App& app);
Run add_random(CLI::App& app);
Run add_watch(CLI::App& app);
Run add_sheet(CLI::App& app);
Run add_completions(CLI::App& app);
Run add_man(CLI::App& app);

} // namespace vexil::cli
