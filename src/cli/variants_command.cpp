// vexil variants DESIGN --vary NAME=V1,V2 … -o OUT: the cross product of the values, each rendered
// to its own PNG, and all of them on one contact sheet (PNG and PDF) captioned with their settings —
// seven ring widths side by side.
#include "cli/commands.h"
#include "cli/report.h"
#include "diag/diag.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>

namespace vexil::cli {
namespace {

/// Most variants one call makes.
constexpr std::size_t kMaxVariants = 1000;

struct VariantsArgs {
    std::string design;
    std::vector<std::string> vary;
    DesignOptions design_options;
    std::string out;
    int width = 600;
    int columns = 0;
};

/// "r=0.1,0.2,[1, 2]" → {"r", {"0.1", "0.2", "[1, 2]"}}: commas inside brackets or quotes stay.
std::pair<std::string, std::vector<std::string>> split_vary(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        diag::raise(
            diag::bad_usage("vexil variants", "--vary takes NAME=V1,V2,…, e.g. --vary r=0.3,0.35,0.4"));
    std::vector<std::string> values{""};
    int depth = 0;
    bool quoted = false;
    for (char c : text.substr(equals + 1)) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '[' || c == '{')) ++depth;
        if (!quoted && (c == ']' || c == '}')) --depth;
        if (c == ',' && depth == 0 && !quoted)
            values.emplace_back();
        else
            values.back() += c;
    }
    return {text.substr(0, equals), values};
}

/// `text` as part of a file name a person can read back: letters, digits and . - = + , as they are;
/// a colour's # dropped (colors.field=fca311); anything else %XX, as in a URL (a space is %20), so
/// that two different values never give one name.
std::string file_safe(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool colour = c == '#' && i > 0 && text[i - 1] == '=' && i + 1 < text.size() &&
                            std::isxdigit(static_cast<unsigned char>(text[i + 1]));
        if (colour) continue;
        if (std::isalnum(c) || c == '.' || c == '-' || c == '=' || c == '+' || c == ',') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

int run_variants(const VariantsArgs& args) {
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
    std::size_t total = 1;
    for (const auto& vary : args.vary) {
        axes.push_back(split_vary(vary));
        total *= axes.back().second.size();
        if (total > kMaxVariants)
            diag::raise(
                diag::bad_usage("vexil variants", "more than " + std::to_string(kMaxVariants) + " variants"));
    }
    const std::filesystem::path out = args.out;
    const std::string stem = std::filesystem::path(args.design).stem().string();
    std::vector<Scene> scenes(total);
    std::vector<std::string> captions(total);
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    RenderOptions options;
    options.width = args.width;
    ResourceCache cache; // every variant shares the design's emblems: parsed once
    for (std::size_t i = 0; i < total; ++i) {
        LoadOptions load = args.design_options.load();
        std::string caption, name = stem;
        for (std::size_t a = 0, rest = i; a < axes.size(); ++a) {
            const auto& [key, values] = axes[a];
            const std::string& value = values[rest % values.size()];
            rest /= values.size();
            load.overrides.push_back(key + "=" + value);
            caption += (caption.empty() ? "" : ", ") + key + " = " + value;
            name += "_" + file_safe(key + "=" + value);
        }
        scenes[i] = lay_out(load_design(args.design, load), &cache);
        captions[i] = caption;
        files.emplace_back(out / (name + ".png"), std::string());
    }
    // The sheet first: if it is too large, nothing has been rendered or written yet.
    std::vector<SheetCell> cells;
    for (std::size_t i = 0; i < total; ++i)
        cells.push_back({&scenes[i], captions[i]});
    const int columns = args.columns > 0 ? args.columns : static_cast<int>(std::min<std::size_t>(total, 4));
    const int cell = std::max(120, std::min(args.width, 400));
    std::string sheet_png, sheet_pdf;
    try {
        sheet_png = render_contact_sheet(cells, Format::Png, columns, cell);
        sheet_pdf = render_contact_sheet(cells, Format::Pdf, columns, cell);
    } catch (const InputError& error) { // the sheet too large
        throw with_option_hint(error, "--vary, --width, --columns");
    }
    for (std::size_t i = 0; i < total; ++i)
        files[i].second = render_bytes(scenes[i], Format::Png, options);
    files.emplace_back(out / (stem + "-variants.png"), sheet_png);
    files.emplace_back(out / (stem + "-variants.pdf"), sheet_pdf);
    make_folders(out);
    write_files(files);
    std::cout << total << " variants: " << (out / (stem + "-variants.png")).string() << '\n';
    return 0;
}

} // namespace

Run add_variants(CLI::App& app) {
    auto args = std::make_shared<VariantsArgs>();
    CLI::App* command =
        app.add_subcommand("variants", "render every combination of some values side by side");
    command->add_option("design", args->design, "the design file (.toml)")->required();
    one_value_each(command
                       ->add_option("--vary", args->vary,
                                    "NAME=V1,V2,…: a param, colors.NAME or LAYER_ID.FIELD and its values")
                       ->required());
    command->add_option("-o,--output", args->out, "folder for the variants and the contact sheet")
        ->required();
    command->add_option("--width", args->width, "width of each variant's PNG, px (default 600)")
        ->check(CLI::Range(1, kMaxRasterSide));
    command->add_option("--columns", args->columns, "columns on the contact sheet (default: up to 4)")
        ->check(CLI::Range(1, 100));
    add_design_options(*command, args->design_options);
    return [args] { return run_variants(*args); };
}

} // namespace vexil::cli
