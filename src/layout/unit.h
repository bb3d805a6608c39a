#pragma once
// What every layer-kind unit returns and receives. One unit per kind, in src/layout/kinds/<kind>.cpp;
// layout.cpp adds what all layers share (rotate, outline, clip, opacity).

#include "vexil/design.h"
#include "vexil/layout.h"
#include "vexil/scene.h"

#include <string>

namespace vexil::layout {

struct Context {
    const Design& design;
    double width() const { return design.flag.width; }
    double height() const { return design.flag.height; }
    Box flag_box() const { return {0, 0, design.flag.width, design.flag.height}; }
    Vec2 centre() const { return {design.flag.width / 2, design.flag.height / 2}; }
};

/// A laid-out layer before the common fields are applied.
struct Shape {
    std::vector<Item> items;
    Path silhouette; ///< the layer's whole area: what `outline` strokes and `clip` refers to
    FillRule silhouette_rule = FillRule::NonZero;
    Vec2 pivot; ///< what `rotate` turns about
};

/// One filled path that is also the silhouette.
Shape single_fill(Path path, Colour colour, Vec2 pivot);
/// Throws InputError about `field` of `layer` (through diag::raise).
[[noreturn]] void fail(const Layer& layer, std::string_view field, std::string code, std::string message);

/// Refuses a laid-out layer that reaches absurdly far beyond the flag, has non-finite points, or
/// brings the design's total path points past the limit (`points` counts across layers).
void check_extent(const Layer& layer, const Shape& shape, const Context& context, std::size_t& points);
/// What an item costs in the design's budget of path points (emblem elements count ten each).
std::size_t cost(const Item& item);
/// Refuses a design whose path points would pass the limit.
void check_budget(const Layer& layer, std::size_t points);

using KindUnit = Shape (*)(const Layer&, const Context&);

Shape field_layer(const Layer&, const Context&);
Shape bands_layer(const Layer&, const Context&);
Shape cross_layer(const Layer&, const Context&);
Shape saltire_layer(const Layer&, const Context&);
Shape triangle_layer(const Layer&, const Context&);
Shape bend_layer(const Layer&, const Context&);
Shape canton_layer(const Layer&, const Context&);
Shape border_layer(const Layer&, const Context&);
Shape rect_layer(const Layer&, const Context&);
Shape circle_layer(const Layer&, const Context&);
Shape ellipse_layer(const Layer&, const Context&);
Shape ring_layer(const Layer&, const Context&);
Shape polygon_layer(const Layer&, const Context&);
Shape star_layer(const Layer&, const Context&);
Shape path_layer(const Layer&, const Context&);
Shape rings_layer(const Layer&, const Context&);
Shape crescent_layer(const Layer&, const Context&);
Shape hammer_layer(const Layer&, const Context&);
Shape sickle_layer(const Layer&, const Context&);
Shape hammer_and_sickle_layer(const Layer&, const Context&);
Shape emblem_layer(const Layer&, const Context&);
/// The crossings of one rings layer (for `vexil crossings`).
std::vector<RingCrossing> crossings_of_layer(const Layer& layer, const Context& context, std::string name);

} // namespace vexil::layout
