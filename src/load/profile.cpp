// A print profile: how a shop finishes a flag, in a small TOML file it keeps beside its designs.
//
//   name = "Example Flags: knitted polyester, pole sleeve"
//   safe = "3cm"                              # important art this far inside the finished edge
//   [hem]  allowance = "2cm"  fly = "3cm"  stitch = "1.5cm"
//   [sleeve]  depth = "7cm"
//   [grommets]  count = 2  inset = "2.5cm"  diameter = "1.2cm"
#include "diag/diag.h"
#include "load/reader.h"
#include "vexil/load.h"

#include <algorithm>

namespace vexil {
namespace load {
namespace {

void check_keys(const toml::table& table, const std::vector<std::string_view>& known, std::string_view where,
                Reader& reader) {
    for (auto&& [key, value] : table)
        if (std::find(known.begin(), known.end(), key.str()) == known.end())
            reader.fail(diag::unknown_key(region_of(key.source()), key.str(), where, known));
}

/// A physical length ("2cm", "0.75in", "0" for none) in points; `fallback` when absent.
double length_in(const toml::table& table, std::string_view key, const std::string& what, double fallback,
                 Reader& reader) {
    const toml::node* node = table.get(key);
    if (!node) return fallback;
    const auto* text = node->as_string();
    const auto length = text ? parse_length(text->get(), true) : std::nullopt;
    if (!length || (length->value > 0 && !length->physical())) {
        std::string given = describe(*node);
        if (text) given.append(" '").append(text->get()).append("'");
        reader.fail(diag::wrong_type(region_of(*node), what,
                                     "a length with its unit, such as \"2cm\", \"15mm\" or \"0.75in\"",
                                     given));
        return fallback;
    }
    // A hem of 5 m is a typo for 5 cm; nothing a shop folds is longer than 2 m.
    if (length->points() > 2 * 7200 / 2.54) {
        reader.fail(diag::error(region_of(*node), "out-of-range", what + ": at most 2 m"));
        return fallback;
    }
    return length->points();
}

const toml::table* section(const toml::table& document, std::string_view name, Reader& reader) {
    const toml::node* node = document.get(name);
    if (!node) return nullptr;
    if (!node->is_table())
        reader.fail(diag::wrong_type(region_of(*node), std::string("[").append(name).append("]"), "a table",
                                     describe(*node)));
    return node->as_table();
}

PrintProfile read_profile(const toml::table& document, const std::string& path, Reader& reader) {
    PrintProfile profile;
    profile.path = path;
    check_keys(document, {"name", "safe", "hem", "sleeve", "grommets"}, "a print profile", reader);
    if (const toml::node* name = document.get("name")) {
        if (const auto* text = name->as_string())
            profile.name = text->get();
        else
            reader.fail(diag::wrong_type(region_of(*name), "name", "a string", describe(*name)));
    }
    profile.safe = length_in(document, "safe", "safe", 0, reader);
    if (const toml::table* hem = section(document, "hem", reader)) {
        check_keys(*hem, {"allowance", "hoist", "top", "fly", "bottom", "stitch"}, "[hem]", reader);
        const double all = length_in(*hem, "allowance", "hem.allowance", 0, reader);
        profile.hem_hoist = length_in(*hem, "hoist", "hem.hoist", all, reader);
        profile.hem_top = length_in(*hem, "top", "hem.top", all, reader);
        profile.hem_fly = length_in(*hem, "fly", "hem.fly", all, reader);
        profile.hem_bottom = length_in(*hem, "bottom", "hem.bottom", all, reader);
        profile.stitch = length_in(*hem, "stitch", "hem.stitch", 0, reader);
    }
    if (const toml::table* sleeve = section(document, "sleeve", reader)) {
        check_keys(*sleeve, {"depth"}, "[sleeve]", reader);
        profile.sleeve = length_in(*sleeve, "depth", "sleeve.depth", 0, reader);
        if (!sleeve->get("depth")) reader.fail(diag::missing_key(region_of(*sleeve), "depth", "[sleeve]"));
    }
    if (const toml::table* grommets = section(document, "grommets", reader)) {
        check_keys(*grommets, {"count", "inset", "diameter"}, "[grommets]", reader);
        if (const toml::node* count = grommets->get("count")) {
            const auto value = count->value<std::int64_t>();
            if (!value || *value < 0 || *value > 100)
                reader.fail(diag::wrong_type(region_of(*count), "grommets.count",
                                             "a whole number from 0 to 100", describe(*count)));
            else
                profile.grommets = static_cast<int>(*value);
        } else {
            reader.fail(diag::missing_key(region_of(*grommets), "count", "[grommets]"));
        }
        profile.grommet_inset = length_in(*grommets, "inset", "grommets.inset", 72 / 2.54 * 2.5, reader);
        profile.grommet_diameter =
            length_in(*grommets, "diameter", "grommets.diameter", 72 / 2.54 * 1.2, reader);
    }
    return profile;
}

} // namespace
} // namespace load

PrintProfile load_print_profile(const std::filesystem::path& path) {
    const std::string text = load::read_design_file(path);
    const toml::table document = load::parse_toml(text, path.string());
    load::Reader reader(path.string());
    PrintProfile profile = load::read_profile(document, path.string(), reader);
    if (reader.failed()) diag::raise(reader.take_errors());
    return profile;
}

} // namespace vexil
