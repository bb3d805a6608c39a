// `[colors]`: each entry a colour string, or a table with the screen colour and what a printer
// matches it with — `red = { rgb = "#c8102e", pantone = "186 C", cmyk = [0, 100, 81, 4] }`.
#include "diag/diag.h"
#include "load/reader.h"

#include <algorithm>
#include <tuple>

namespace vexil::load {
namespace {

const std::vector<std::string_view> kPrintKeys = {"rgb", "pantone", "spot", "cmyk", "source"};

/// `cmyk = [c, m, y, k]`, each a percentage of ink from 0 to 100, as swatch books print them.
std::optional<Cmyk> read_cmyk(const toml::node& node, const std::string& what, Reader& reader) {
    auto values = reader.numbers(node, what, 4);
    if (!values) return std::nullopt;
    for (double value : *values)
        if (value < 0 || value > 100) {
            reader.fail(diag::error(region_of(node), "out-of-range",
                                    what + ": each ink is a percentage from 0 to 100"));
            return std::nullopt;
        }
    const auto& v = *values;
    return Cmyk{v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100};
}

std::optional<std::string> read_name(const toml::node& node, const std::string& what, Reader& reader) {
    const auto* text = node.as_string();
    if (!text || text->get().empty() || text->get().size() > 120) {
        reader.fail(diag::wrong_type(region_of(node), what, "a name of 1 to 120 characters", describe(node)));
        return std::nullopt;
    }
    return std::string(text->get());
}

/// A table entry: its screen colour (`rgb`, required) and print values.
NamedColour read_print_entry(const toml::table& table, const std::string& what, Reader& reader) {
    NamedColour entry;
    for (auto&& [key, value] : table)
        if (std::find(kPrintKeys.begin(), kPrintKeys.end(), key.str()) == kPrintKeys.end())
            reader.fail(diag::unknown_key(region_of(key.source()), key.str(), what, kPrintKeys));
    if (const toml::node* rgb = table.get("rgb"))
        entry.screen = reader.colour(*rgb, what + ".rgb").value_or(Colour{});
    else
        reader.fail(diag::missing_key(region_of(table), "rgb", what + " (the colour on screen)"));
    const toml::node* pantone = table.get("pantone");
    const toml::node* spot = table.get("spot");
    if (pantone && spot)
        reader.fail(diag::error(region_of(*spot), "conflicting-keys",
                                what + ": give pantone or spot, not both: each names the one ink"));
    // Separations are named as swatch books name them, "PANTONE 186 C", so that a RIP matches them
    // against its own library; a `spot` name (a shop's own ink, CutContour) is taken as it is.
    if (pantone) {
        if (auto name = read_name(*pantone, what + ".pantone", reader)) {
            const bool prefixed = name->rfind("PANTONE ", 0) == 0 || name->rfind("Pantone ", 0) == 0;
            entry.spot = prefixed ? "PANTONE " + name->substr(8) : "PANTONE " + *name;
        }
    } else if (spot) {
        if (auto name = read_name(*spot, what + ".spot", reader)) entry.spot = *name;
    }
    if (const toml::node* cmyk = table.get("cmyk")) entry.cmyk = read_cmyk(*cmyk, what + ".cmyk", reader);
    if (const toml::node* source = table.get("source")) {
        if (const auto* text = source->as_string())
            entry.source = text->get();
        else
            reader.fail(
                diag::wrong_type(region_of(*source), what + ".source", "a string", describe(*source)));
    }
    if (!pantone && !spot && !table.get("cmyk"))
        reader.fail(diag::error(region_of(table), "no-print-values",
                                what + ": a table gives print values (pantone, spot or cmyk) beside rgb; "
                                       "for a screen colour alone write the string"));
    return entry;
}

} // namespace

std::vector<NamedColour> read_colours(const toml::table& document, Reader& reader) {
    std::vector<NamedColour> colours;
    const toml::node* node = document.get("colors");
    if (!node) return colours;
    const toml::table* table = node->as_table();
    if (!table) {
        reader.fail(
            diag::wrong_type(region_of(*node), "'colors'", "a table of name = colour", describe(*node)));
        return colours;
    }
    // A bad entry is reported here and still named, so its users do not repeat the error.
    for (auto&& [key, value] : *table) {
        const std::string what = "colors." + std::string(key.str());
        NamedColour entry;
        if (const toml::table* print = value.as_table())
            entry = read_print_entry(*print, what, reader);
        else
            entry.screen = reader.colour(value, what).value_or(Colour{});
        entry.name = key.str();
        entry.region = region_of(value);
        colours.push_back(std::move(entry));
    }
    // TOML tables have no order; a design's does (the colour bar lists the colours as written).
    std::stable_sort(colours.begin(), colours.end(), [](const NamedColour& a, const NamedColour& b) {
        return std::tuple(a.region.file, a.region.begin.line, a.region.begin.column) <
               std::tuple(b.region.file, b.region.begin.line, b.region.begin.column);
    });
    return colours;
}

} // namespace vexil::load
