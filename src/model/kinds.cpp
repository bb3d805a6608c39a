// The kind catalogue: one entry per layer kind. Defaults are TOML value text, evaluated by the
// loader exactly like a designer's own value (so "W/2" works here too).
#include "vexil/kinds.h"
#include "model/catalogue.h"

namespace vexil {

using T = FieldType;
using catalogue::at_field;
using catalogue::colour_field;
using catalogue::kDu;

namespace catalogue {

std::vector<KindSpec> division_and_shape_kinds() {
    return {
        {Kind::Field, "field", "division", "fills the whole flag", {colour_field()}},
        {Kind::Bands,
         "bands",
         "division",
         "equal or weighted stripes across a box (the whole flag by default)",
         {{"direction",
           T::Choice,
           false,
           "\"horizontal\"",
           "",
           "stripes run horizontally (stacked top to bottom) "
           "or vertically (side by side from the hoist)",
           {"horizontal", "vertical"}},
          {"colors", T::Colours, true, "", "", "one colour per band, top (or hoist) first"},
          {"weights",
           T::Numbers,
           false,
           "",
           "",
           "relative band sizes, one per colour; equal by default",
           {},
           0.0},
          {"box", T::Box, false, "", kDu, "[x, y, w, h] the bands fill; the whole flag by default"}}},
        {Kind::Cross,
         "cross",
         "division",
         "a horizontal and a vertical bar through `at`, edge to edge (Nordic when `at` is toward the hoist)",
         {colour_field(), at_field(), {"width", T::Number, true, "", kDu, "width of both bars", {}, 0.0}}},
        {Kind::Saltire,
         "saltire",
         "division",
         "diagonal cross corner to corner",
         {colour_field(),
          {"width", T::Number, true, "", kDu, "width of each diagonal bar", {}, 0.0},
          {"counterchanged", T::Bool, false, "false", "",
           "paint only one half of each arm, turning about the centre (St Patrick's saltire in the Union "
           "Flag)"}}},
        {Kind::Triangle,
         "triangle",
         "division",
         "isosceles triangle whose base is a whole edge of the flag",
         {colour_field(),
          {"from",
           T::Choice,
           false,
           "\"hoist\"",
           "",
           "the edge the base lies on",
           {"hoist", "fly", "top", "bottom"}},
          {"depth",
           T::Number,
           false,
           "",
           kDu,
           "distance from the base to the apex; half the flag by default",
           {},
           0.0}}},
        {Kind::Bend,
         "bend",
         "division",
         "a diagonal band from one corner to the opposite one",
         {colour_field(),
          {"from",
           T::Choice,
           false,
           "\"top-hoist\"",
           "",
           "the corner the band starts from",
           {"top-hoist", "bottom-hoist"}},
          {"width", T::Number, true, "", kDu, "width of the band, across it", {}, 0.0}}},
        {Kind::Canton,
         "canton",
         "division",
         "a rectangle in the top-hoist corner",
         {colour_field(), {"size", T::Pair, true, "", kDu, "[w, h] of the canton", {}, 0.0}}},
        {Kind::Border,
         "border",
         "division",
         "a frame along all four edges",
         {colour_field(), {"width", T::Number, true, "", kDu, "width of the frame", {}, 0.0}}},
        {Kind::Rect,
         "rect",
         "shape",
         "a rectangle centred on `at`",
         {colour_field(), at_field(), {"size", T::Pair, true, "", kDu, "[w, h]", {}, 0.0}}},
        {Kind::Circle,
         "circle",
         "shape",
         "a disc",
         {colour_field(), at_field(), {"radius", T::Number, true, "", kDu, "radius", {}, 0.0}}},
        {Kind::Ellipse,
         "ellipse",
         "shape",
         "an axis-aligned ellipse (turn it with `rotate`)",
         {colour_field(), at_field(), {"radii", T::Pair, true, "", kDu, "[rx, ry]", {}, 0.0}}},
        {Kind::Ring,
         "ring",
         "shape",
         "an annulus",
         {colour_field(),
          at_field(),
          {"radius", T::Number, true, "", kDu, "radius of the band's centre line", {}, 0.0},
          {"width", T::Number, true, "", kDu, "width of the band", {}, 0.0}}},
        {Kind::Polygon,
         "polygon",
         "shape",
         "a regular polygon (sides, radius) or any polygon (points)",
         {colour_field(),
          at_field(),
          {"sides",
           T::Integer,
           false,
           "",
           "",
           "number of corners of a regular polygon; the first points up",
           {},
           3.0,
           1000.0},
          {"radius", T::Number, false, "", kDu, "circumradius of a regular polygon", {}, 0.0},
          {"points", T::Points, false, "", kDu,
           "absolute corners [[x, y], …] of any polygon; `rotate` then turns it about `at` if given, else "
           "about the corners' centroid"}}},
        {Kind::Star,
         "star",
         "shape",
         "a star with `points` outer points, the first pointing up (or toward `face`)",
         {colour_field(),
          at_field(),
          {"points", T::Integer, false, "5", "", "number of outer points", {}, 3.0, 1000.0},
          {"radius", T::Number, true, "", kDu, "outer radius (centre to a point)", {}, 0.0},
          {"inner",
           T::Number,
           false,
           "",
           kDu,
           "inner radius; by default that of the regular star polygon {points/step}",
           {},
           0.0},
          {"step",
           T::Integer,
           false,
           "2",
           "",
           "k of the regular star polygon {n/k} that sets the default inner radius",
           {},
           2.0,
           499.0},
          {"face", T::Pair, false, "", kDu,
           "a point the first point aims at: turns the star about `at` (`rotate` adds to the turn)"}}},
        {Kind::Path,
         "path",
         "shape",
         "any outline, as SVG path data",
         {colour_field(),
          {"at", T::Pair, false, "[0, 0]", kDu, "where the path's origin lies on the flag"},
          {"d", T::PathData, true, "", kDu,
           "SVG path data, in design units relative to `at`; any number may be an {expression}"},
          {"scale",
           T::Number,
           false,
           "1",
           "",
           "scale factor applied to the path data about its origin",
           {},
           0.0},
          {"fill_rule",
           T::Choice,
           false,
           "\"nonzero\"",
           "",
           "how overlapping subpaths fill",
           {"nonzero", "evenodd"}}}},
        {Kind::Rings,
         "rings",
         "rings",
         "interlocking rings, woven over and under where they cross",
         {{"colors", T::Colours, true, "", "", "one colour for every ring, or one per ring in ring order"},
          {"radius", T::Number, true, "", kDu, "radius of each ring's centre line", {}, 0.0},
          {"width", T::Number, true, "", kDu, "width of each ring's band", {}, 0.0},
          {"pattern",
           T::Choice,
           false,
           "\"flower\"",
           "",
           "where the centres lie (ignored when `centers` is given)",
           {"flower", "row", "circle", "olympic"}},
          {"at", T::Pair, false, "", kDu,
           "centre of the pattern (the flag's centre by default); with `centers`, an offset added to each"},
          {"spacing",
           T::Number,
           false,
           "",
           kDu,
           "flower: centre to outer centres (default radius); row: between centres (default 1.6 × radius); "
           "circle: radius of the circle of centres (default radius); olympic: between top centres "
           "(default 22/9 × radius)",
           {},
           0.0},
          {"count", T::Integer, false, "5", "", "number of rings for row and circle", {}, 1.0, 64.0},
          {"drop", T::Number, false, "", kDu,
           "olympic: how far below the top row the bottom row lies (default radius)"},
          {"centers", T::Points, false, "", kDu,
           "explicit centres [[x, y], …] (absolute unless `at` is given)"},
          {"weave",
           T::Choice,
           false,
           "\"alternate\"",
           "",
           "alternate: over, under, over … along every ring; alternate-reversed: its mirror; none: later "
           "rings on top",
           {"alternate", "alternate-reversed", "none"}},
          {"over", T::Triples, false, "", "",
           "[[a, b, k], …]: ring a passes over ring b at their k-th crossing (see `vexil crossings`)"},
          {"gap",
           T::Number,
           false,
           "0",
           kDu,
           "a gap showing what lies beneath, this wide, either side of every ring where it passes over "
           "another",
           {},
           0.0}}},
    };
}

} // namespace catalogue

namespace {

std::vector<KindSpec> make_catalogue() {
    std::vector<KindSpec> all = catalogue::division_and_shape_kinds();
    for (auto* part : {&catalogue::charge_kinds, &catalogue::emblem_kinds, &catalogue::text_kinds})
        for (auto& kind : part())
            all.push_back(std::move(kind));
    return all;
}

} // namespace

const std::vector<FieldSpec>& common_fields() {
    static const std::vector<FieldSpec> fields = {
        {"id", T::Text, false, "", "",
         "names the layer for `clip`, `--set ID.FIELD` and `extends`; unique in the design"},
        {"rotate", T::Number, false, "0", "degrees",
         "turns the layer clockwise about its `at` (or the flag's centre)"},
        {"outline", T::Outline, false, "", kDu,
         "fimbriation: { color, width }, a band of `width` around the shape, beneath it"},
        {"opacity",
         T::Number,
         false,
         "1",
         "",
         "0 transparent … 1 opaque, applied to the layer as a whole",
         {},
         0.0,
         1.0},
        {"clip", T::Clip, false, "", kDu,
         "confines the layer to an earlier layer (its id) or to a rect [x, y, w, h]"},
        {"repeat", T::Repeat, false, "", "",
         "copies of the shape: { pattern = \"circle\" | \"arc\" | \"grid\" | \"row\" | \"column\" | "
         "\"points\", … }"},
    };
    return fields;
}

const std::vector<KindSpec>& kind_catalogue() {
    static const std::vector<KindSpec> catalogue = make_catalogue();
    return catalogue;
}

const KindSpec* find_kind(std::string_view name) {
    for (const auto& kind : kind_catalogue())
        if (kind.name == name) return &kind;
    return nullptr;
}

const KindSpec& kind_spec(Kind kind) {
    // The catalogue is in Kind order (a test holds it so), so the lookup is an index.
    return kind_catalogue().at(static_cast<std::size_t>(kind));
}

std::string_view kind_name(Kind kind) {
    return kind_spec(kind).name;
}

const FieldSpec* find_field(const KindSpec& kind, std::string_view field) {
    for (const auto& spec : kind.fields)
        if (spec.name == field) return &spec;
    for (const auto& spec : common_fields())
        if (spec.name == field) return &spec;
    return nullptr;
}

std::string_view field_type_name(FieldType type) {
    switch (type) {
    case T::Number:
        return "number";
    case T::Integer:
        return "whole number";
    case T::Bool:
        return "true or false";
    case T::Text:
        return "text";
    case T::Choice:
        return "choice";
    case T::Colour:
        return "colour";
    case T::Colours:
        return "list of colours";
    case T::Numbers:
        return "list of numbers";
    case T::Pair:
        return "[a, b]";
    case T::Box:
        return "[x, y, w, h]";
    case T::Points:
        return "list of points [[x, y], …]";
    case T::PathData:
        return "SVG path data";
    case T::Outline:
        return "{ color, width }";
    case T::Clip:
        return "layer id or [x, y, w, h]";
    case T::Triples:
        return "list of [a, b, k]";
    case T::File:
        return "file path";
    case T::Recolour:
        return "table of colour = colour";
    case T::Repeat:
        return "repeat table";
    }
    return "value";
}

} // namespace vexil
