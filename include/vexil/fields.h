#pragma once
/// @file fields.h
/// Typed names for layer fields. Code reads a layer as `layer.get(fields::radius)` (a double) or
/// `layer.get(fields::at)` (a Vec2): a misspelt name does not compile, and the type is the key's.
/// A test holds every key against the kind catalogue (kinds.h), which owns the names users write.
/// Where two kinds give one name two types, the key says which: `star_points` (a count) and
/// `points` (a polygon's corners), `square_size` (a charge's square) and `size` ([w, h]).

#include "vexil/design.h"

#include <string_view>
#include <vector>

namespace vexil {

/// Every key: C++ name, value type, field name in the design file.
#define VEXIL_FIELD_KEYS(X)                                                                                  \
    X(anchor, std::string, "anchor")                                                                         \
    X(angle, double, "angle")                                                                                \
    X(at, Vec2, "at")                                                                                        \
    X(baseline, std::string, "baseline")                                                                     \
    X(blade, double, "blade")                                                                                \
    X(box, Box, "box")                                                                                       \
    X(centers, std::vector<Vec2>, "centers")                                                                 \
    X(clip, ClipRef, "clip")                                                                                 \
    X(color, Colour, "color")                                                                                \
    X(colors, std::vector<Colour>, "colors")                                                                 \
    X(count, int, "count")                                                                                   \
    X(counterchanged, bool, "counterchanged")                                                                \
    X(d, std::string, "d")                                                                                   \
    X(depth, double, "depth")                                                                                \
    X(direction, std::string, "direction")                                                                   \
    X(drop, double, "drop")                                                                                  \
    X(face, Vec2, "face")                                                                                    \
    X(fallback, bool, "fallback")                                                                            \
    X(file, std::string, "file")                                                                             \
    X(fill_rule, std::string, "fill_rule")                                                                   \
    X(font, std::string, "font")                                                                             \
    X(font_file, std::string, "font_file")                                                                   \
    X(from, std::string, "from")                                                                             \
    X(gap, double, "gap")                                                                                    \
    X(handle, double, "handle")                                                                              \
    X(head, double, "head")                                                                                  \
    X(height, double, "height")                                                                              \
    X(id, std::string, "id")                                                                                 \
    X(inner, double, "inner")                                                                                \
    X(inner_at, Vec2, "inner_at")                                                                            \
    X(inner_radius, double, "inner_radius")                                                                  \
    X(letter_size, double, "size")                                                                           \
    X(letter_spacing, double, "letter_spacing")                                                              \
    X(mirror, bool, "mirror")                                                                                \
    X(opacity, double, "opacity")                                                                            \
    X(outline, Outline, "outline")                                                                           \
    X(over, std::vector<Triple>, "over")                                                                     \
    X(pattern, std::string, "pattern")                                                                       \
    X(star_points, int, "points")                                                                            \
    X(points, std::vector<Vec2>, "points")                                                                   \
    X(radii, Vec2, "radii")                                                                                  \
    X(radius, double, "radius")                                                                              \
    X(recolor, std::vector<Recolour>, "recolor")                                                             \
    X(repeat, Repeat, "repeat")                                                                              \
    X(rotate, double, "rotate")                                                                              \
    X(scale, double, "scale")                                                                                \
    X(side, std::string, "side")                                                                             \
    X(sides, int, "sides")                                                                                   \
    X(square_size, double, "size")                                                                           \
    X(size, Vec2, "size")                                                                                    \
    X(spacing, double, "spacing")                                                                            \
    X(step, int, "step")                                                                                     \
    X(style, std::string, "style")                                                                           \
    X(text, std::string, "text")                                                                             \
    X(weave, std::string, "weave")                                                                           \
    X(weight, std::string, "weight")                                                                         \
    X(weights, std::vector<double>, "weights")                                                               \
    X(width, double, "width")

namespace fields {
#define VEXIL_DECLARE_KEY(name, type, text) inline constexpr FieldKey<type> name{text};
VEXIL_FIELD_KEYS(VEXIL_DECLARE_KEY)
#undef VEXIL_DECLARE_KEY

/// A key as data: its field name and the index of its stored type in FieldValue.
struct KeyInfo {
    std::string_view name;
    std::size_t stored_index;
};
/// Every key above, for the test that holds them against the catalogue.
std::vector<KeyInfo> all_keys();
} // namespace fields

} // namespace vexil
