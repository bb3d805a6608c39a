// Converts one layer field from TOML to its FieldType, checking type, range and list sizes.
#include "diag/diag.h"
#include "geom/svg_path.h"
#include "geom/tolerance.h"
#include "load/reader.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vexil::load {
namespace {

std::string bounds_text(const FieldSpec& spec) {
    std::ostringstream text;
    if (spec.min && spec.max)
        text << "from " << *spec.min << " to " << *spec.max;
    else if (spec.min)
        text << "at least " << *spec.min;
    else if (spec.max)
        text << "at most " << *spec.max;
    return text.str();
}

} // namespace

std::optional<std::vector<double>> Reader::numbers(const toml::node& node, std::string_view what,
                                                   std::optional<std::size_t> exact) {
    const auto* array = node.as_array();
    if (!array) {
        std::string expected =
            exact ? "an array of " + std::to_string(*exact) + " numbers" : "an array of numbers";
        fail(diag::wrong_type(region_of(node), what, expected, describe(node)));
        return std::nullopt;
    }
    if (exact && array->size() != *exact) {
        fail(diag::error(region_of(node), "wrong-length",
                         std::string(what) + ": expected " + std::to_string(*exact) + " numbers but found " +
                             std::to_string(array->size())));
        return std::nullopt;
    }
    if (array->empty()) {
        fail(diag::error(region_of(node), "wrong-length",
                         std::string(what) + ": expected at least one number"));
        return std::nullopt;
    }
    if (array->size() > kMaxListItems) {
        fail(diag::too_many(region_of(node), std::string(what) + ": the list's length", kMaxListItems));
        return std::nullopt;
    }
    std::vector<double> values;
    bool ok = true;
    for (const auto& item : *array) {
        auto value = number(item, what);
        ok = ok && value.has_value();
        values.push_back(value.value_or(0));
    }
    if (!ok) return std::nullopt;
    return values;
}

std::optional<FieldValue> Reader::field(const FieldSpec& spec, const toml::node& node,
                                        std::string_view what) {
    const auto check_range = [&](double value) -> bool {
        if ((spec.min && value < *spec.min) || (spec.max && value > *spec.max)) {
            fail(diag::out_of_range(region_of(node), what, value, bounds_text(spec)));
            return false;
        }
        return true;
    };
    switch (spec.type) {
    case FieldType::Number: {
        auto value = number(node, what);
        if (!value || !check_range(*value)) return std::nullopt;
        return *value;
    }
    case FieldType::Integer: {
        auto value = number(node, what);
        if (!value) return std::nullopt;
        if (std::abs(*value - std::round(*value)) > geom::kWholeNumberTolerance) {
            fail(diag::wrong_type(region_of(node), what, "a whole number", "a fraction"));
            return std::nullopt;
        }
        if (!check_range(std::round(*value))) return std::nullopt;
        return std::round(*value);
    }
    case FieldType::Bool:
        if (const auto* flag = node.as_boolean()) return flag->get();
        fail(diag::wrong_type(region_of(node), what, "true or false", describe(node)));
        return std::nullopt;
    case FieldType::Text:
    case FieldType::PathData:
    case FieldType::Choice: {
        const auto* text = node.as_string();
        if (!text) {
            fail(diag::wrong_type(region_of(node), what, "a string", describe(node)));
            return std::nullopt;
        }
        const std::string value = text->get();
        if (spec.type == FieldType::Choice &&
            std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()) {
            fail(diag::bad_choice(region_of(node), what, value, spec.choices));
            return std::nullopt;
        }
        if (spec.type == FieldType::PathData) {
            auto data = path_data(*text, what);
            if (!data) return std::nullopt;
            return *data;
        }
        return value;
    }
    case FieldType::Colour: {
        auto colour_value = colour(node, what);
        if (!colour_value) return std::nullopt;
        return *colour_value;
    }
    case FieldType::Colours: {
        if (node.is_string()) { // one colour stands for a list of one
            auto colour_value = colour(node, what);
            if (!colour_value) return std::nullopt;
            return std::vector<Colour>{*colour_value};
        }
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            fail(diag::wrong_type(region_of(node), what, "a colour or a non-empty array of colours",
                                  describe(node)));
            return std::nullopt;
        }
        if (array->size() > kMaxListItems) {
            fail(diag::too_many(region_of(node), std::string(what) + ": the list's length", kMaxListItems));
            return std::nullopt;
        }
        std::vector<Colour> colours;
        bool ok = true;
        for (const auto& item : *array) {
            auto colour_value = colour(item, what);
            ok = ok && colour_value.has_value();
            colours.push_back(colour_value.value_or(Colour{}));
        }
        if (!ok) return std::nullopt;
        return colours;
    }
    case FieldType::Numbers: {
        auto values = numbers(node, what, std::nullopt);
        if (!values) return std::nullopt;
        for (double value : *values)
            if (!check_range(value)) return std::nullopt;
        return *values;
    }
    case FieldType::Pair: {
        auto values = numbers(node, what, 2u);
        if (!values || !check_range((*values)[0]) || !check_range((*values)[1])) return std::nullopt;
        return Vec2{(*values)[0], (*values)[1]};
    }
    case FieldType::Box: {
        auto values = numbers(node, what, 4u);
        if (!values) return std::nullopt;
        const Box box{(*values)[0], (*values)[1], (*values)[2], (*values)[3]};
        if (box.w < 0 || box.h < 0) {
            fail(diag::out_of_range(region_of(node), std::string(what) + ": the width and height",
                                    std::min(box.w, box.h), "at least 0"));
            return std::nullopt;
        }
        return box;
    }
    case FieldType::Points: {
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            fail(diag::wrong_type(region_of(node), what, "an array of points [[x, y], …]", describe(node)));
            return std::nullopt;
        }
        if (array->size() > kMaxListItems) {
            fail(
                diag::too_many(region_of(node), std::string(what) + ": the number of points", kMaxListItems));
            return std::nullopt;
        }
        std::vector<Vec2> points;
        for (const auto& item : *array) {
            auto xy = numbers(item, what, 2u);
            if (!xy) return std::nullopt;
            points.push_back({(*xy)[0], (*xy)[1]});
        }
        return points;
    }
    case FieldType::Outline: {
        const auto* table = node.as_table();
        if (!table) {
            fail(diag::wrong_type(region_of(node), what, "a table { color = …, width = … }", describe(node)));
            return std::nullopt;
        }
        Outline outline;
        bool ok = true;
        std::string misspelt; // the key an unknown key was taken for ("widht": "width")
        for (auto&& [key, value] : *table) {
            if (key == "color") {
                auto colour_value = colour(value, std::string(what) + ".color");
                ok = ok && colour_value;
                outline.colour = colour_value.value_or(Colour{});
            } else if (key == "width") {
                auto width = number(value, std::string(what) + ".width");
                if (width && *width < 0) {
                    fail(diag::out_of_range(region_of(value), std::string(what) + ".width", *width,
                                            "at least 0"));
                    width.reset();
                }
                ok = ok && width;
                outline.width = width.value_or(0);
            } else {
                fail(diag::unknown_key(region_of(key.source()), key.str(), what, {"color", "width"}));
                misspelt = diag::did_you_mean(key.str(), std::vector<std::string_view>{"color", "width"});
                ok = false;
            }
        }
        for (std::string_view needed : {"color", "width"})
            if (!table->contains(needed)) {
                if (needed != misspelt) fail(diag::missing_key(region_of(node), needed, what));
                ok = false;
            }
        if (!ok) return std::nullopt;
        return outline;
    }
    case FieldType::File:
        return file(node, what);
    case FieldType::Recolour:
        return recolour(node, what);
    case FieldType::Repeat:
        return repeat(node, what);
    case FieldType::Triples: {
        const auto* array = node.as_array();
        if (!array) {
            fail(diag::wrong_type(region_of(node), what, "a list of [a, b, k]", describe(node)));
            return std::nullopt;
        }
        if (array->size() > kMaxListItems) {
            fail(diag::too_many(region_of(node), std::string(what) + ": the list's length", kMaxListItems));
            return std::nullopt;
        }
        std::vector<Triple> triples;
        for (const auto& item : *array) {
            auto triple = numbers(item, what, 3u);
            if (!triple) return std::nullopt;
            for (double value : *triple)
                if (value < 0 || value != std::floor(value) || value > 1e6) {
                    fail(diag::wrong_type(region_of(item), what, "whole numbers from 0", "another number"));
                    return std::nullopt;
                }
            triples.push_back({static_cast<int>((*triple)[0]), static_cast<int>((*triple)[1]),
                               static_cast<int>((*triple)[2]), region_of(item)});
        }
        return triples;
    }
    case FieldType::Clip: {
        if (const auto* text = node.as_string()) return ClipRef{std::string(text->get()), std::nullopt};
        if (node.is_array()) {
            FieldSpec box_spec{spec.name, FieldType::Box, false, "", "", ""};
            auto box = field(box_spec, node, what);
            if (!box) return std::nullopt;
            return ClipRef{"", std::get<Box>(*box)};
        }
        fail(diag::wrong_type(region_of(node), what, "a layer id or [x, y, w, h]", describe(node)));
        return std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace vexil::load
