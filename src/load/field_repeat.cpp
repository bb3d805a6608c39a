// `repeat = { pattern = …, … }`: where copies of a layer's shape stand. Each pattern takes its own
// keys; a key another pattern uses, or a misspelt one, is an error at its line:col.
#include "diag/diag.h"
#include "load/reader.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vexil::load {
namespace {

/// Most copies one repeat may make (the US union has 50; a checkerboard a few hundred).
constexpr double kMaxCopies = 10'000;

struct PatternKeys {
    std::vector<std::string_view> allowed;
    std::vector<std::string_view> required;
};

const std::map<std::string_view, PatternKeys>& pattern_keys() {
    static const std::map<std::string_view, PatternKeys> keys = {
        {"circle", {{"pattern", "count", "radius", "orient", "face"}, {"count", "radius"}}},
        {"arc",
         {{"pattern", "count", "radius", "from", "to", "orient", "face"}, {"count", "radius", "from", "to"}}},
        {"grid", {{"pattern", "rows", "cols", "step", "face"}, {"rows", "cols", "step"}}},
        {"row", {{"pattern", "count", "step", "face"}, {"count", "step"}}},
        {"column", {{"pattern", "count", "step", "face"}, {"count", "step"}}},
        {"points", {{"pattern", "at", "face"}, {"at"}}},
    };
    return keys;
}

} // namespace

std::optional<FieldValue> Reader::repeat(const toml::node& node, std::string_view what) {
    const toml::table* table = node.as_table();
    if (!table) {
        fail(diag::wrong_type(region_of(node), what, "a table { pattern = …, … }", describe(node)));
        return std::nullopt;
    }
    const toml::node* pattern_node = table->get("pattern");
    if (!pattern_node) {
        fail(diag::missing_key(region_of(node), "pattern", what));
        return std::nullopt;
    }
    std::vector<std::string_view> patterns;
    for (const auto& [name, keys] : pattern_keys())
        patterns.push_back(name);
    const auto* pattern_text = pattern_node->as_string();
    if (!pattern_text || !pattern_keys().count(pattern_text->get())) {
        fail(diag::bad_choice(region_of(*pattern_node), std::string(what) + ".pattern",
                              pattern_text ? pattern_text->get() : describe(*pattern_node), patterns));
        return std::nullopt;
    }
    Repeat repeat;
    repeat.pattern = pattern_text->get();
    const auto& keys = pattern_keys().at(repeat.pattern).allowed;
    bool ok = true;
    std::vector<std::string> misspelt; // keys an unknown key was probably meant to be
    for (auto&& [key, value] : *table)
        if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
            fail(diag::unknown_key(region_of(key.source()), key.str(),
                                   std::string(what) + " with pattern '" + repeat.pattern + "'", keys));
            misspelt.push_back(diag::did_you_mean(key.str(), keys));
            ok = false;
        }
    for (std::string_view needed : pattern_keys().at(repeat.pattern).required)
        if (!table->contains(needed) &&
            std::find(misspelt.begin(), misspelt.end(), needed) == misspelt.end()) {
            fail(diag::missing_key(region_of(node), needed,
                                   std::string(what) + " with pattern '" + repeat.pattern + "'"));
            ok = false;
        }
    if (!ok) return std::nullopt;

    const auto whole = [&](std::string_view key, double low) -> std::optional<int> {
        const toml::node* value = table->get(key);
        auto number_value = number(*value, std::string(what) + "." + std::string(key));
        if (!number_value) return std::nullopt;
        if (*number_value != std::floor(*number_value) || *number_value < low || *number_value > kMaxCopies) {
            fail(diag::out_of_range(
                region_of(*value), std::string(what) + "." + std::string(key), *number_value,
                "a whole number from " + std::to_string(static_cast<int>(low)) + " to 10000"));
            return std::nullopt;
        }
        return static_cast<int>(*number_value);
    };
    const auto real = [&](std::string_view key) -> std::optional<double> {
        return number(*table->get(key), std::string(what) + "." + std::string(key));
    };
    const auto pair = [&](std::string_view key) -> std::optional<Vec2> {
        FieldSpec spec{key, FieldType::Pair, false, "", "", ""};
        auto value = field(spec, *table->get(key), std::string(what) + "." + std::string(key));
        if (!value) return std::nullopt;
        return std::get<Vec2>(*value);
    };

    if (table->contains("count")) ok = (repeat.count = whole("count", 1).value_or(-1)) > 0 && ok;
    for (auto [key, target] :
         {std::pair{"radius", &repeat.radius}, {"from", &repeat.from}, {"to", &repeat.to}}) {
        if (!table->contains(key)) continue;
        const auto value = real(key);
        ok = value.has_value() && ok;
        *target = value.value_or(0);
    }
    if (const toml::node* orient = table->get("orient")) {
        const auto* text = orient->as_string();
        if (!text || (text->get() != "upright" && text->get() != "radial")) {
            fail(diag::bad_choice(region_of(*orient), std::string(what) + ".orient",
                                  text ? text->get() : describe(*orient), {"upright", "radial"}));
            ok = false;
        } else {
            repeat.radial = text->get() == "radial";
        }
    }
    if (table->contains("rows")) ok = (repeat.rows = whole("rows", 1).value_or(-1)) > 0 && ok;
    if (const toml::node* cols = table->get("cols")) {
        if (cols->is_array()) {
            for (const auto& item : *cols->as_array()) {
                auto n = number(item, std::string(what) + ".cols");
                if (!n || *n != std::floor(*n) || *n < 1 || *n > kMaxCopies) {
                    if (n)
                        fail(diag::out_of_range(region_of(item), std::string(what) + ".cols", *n,
                                                "a whole number from 1"));
                    ok = false;
                    break;
                }
                repeat.cols.push_back(static_cast<int>(*n));
            }
            if (repeat.cols.empty()) {
                fail(diag::error(region_of(*cols), "wrong-length",
                                 std::string(what) + ".cols: give at least one count"));
                ok = false;
            }
        } else if (auto n = whole("cols", 1)) {
            repeat.cols = {*n};
        } else {
            ok = false;
        }
    }
    if (const toml::node* step = table->get("step")) {
        if (repeat.pattern == "grid" || step->is_array()) { // row/column may step diagonally: [dx, dy]
            auto xy = pair("step");
            ok = xy.has_value() && ok;
            repeat.step = xy.value_or(Vec2{});
        } else if (auto d = real("step")) {
            repeat.step = repeat.pattern == "row" ? Vec2{*d, 0} : Vec2{0, *d};
        } else {
            ok = false;
        }
        (void)step;
    }
    if (const toml::node* at = table->get("at")) {
        FieldSpec spec{"at", FieldType::Points, false, "", "", ""};
        auto points = field(spec, *at, std::string(what) + ".at");
        ok = points.has_value() && ok;
        if (points) repeat.at = std::get<std::vector<Vec2>>(*points);
    }
    if (table->contains("face")) {
        auto target = pair("face");
        ok = target.has_value() && ok;
        repeat.face = target;
    }
    if (!ok) return std::nullopt;
    double copies = repeat.pattern == "grid"     ? 0
                    : repeat.pattern == "points" ? repeat.at.size()
                                                 : repeat.count;
    for (int r = 0; r < repeat.rows && repeat.pattern == "grid"; ++r)
        copies += repeat.cols[r % repeat.cols.size()];
    if (copies > kMaxCopies) {
        fail(diag::too_many(region_of(node), std::string(what) + ": the number of copies", 10'000));
        return std::nullopt;
    }
    return repeat;
}

} // namespace vexil::load
