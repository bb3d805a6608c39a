#pragma once
// What every layer-kind unit returns and receives. One unit per kind, in src/layout/kinds/<kind>.cpp;
// layout.cpp adds what all layers share (rotate, outline, clip, opacity).

#include "vexil/design.h"
#include "vexil/fields.h"
#include "vexil/layout.h"
#include "vexil/resources.h"
#include "vexil/scene.h"

#include <string>
#include <vector>

namespace vexil::layout {

struct Context {
    const Design& design;
    const Resources& resources;
    /// Where a unit reports what is legal but suspicious (a layer off the flag, a weave cycle).
    std::vector<Diagnostic>& warnings;
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
    Vec2 pivot;                    ///< what `rotate` turns about
    std::vector<Measure> measures; ///< what a construction sheet shows of it
};

// Measures, as a unit reports them (scene.h, Measure).
Measure span(Vec2 a, Vec2 b, std::string what);
Measure centre_mark(Vec2 at, std::string what);
Measure radius_of(Vec2 centre, double radius, std::string what);
Measure diameter_of(Vec2 centre, double radius, std::string what);
/// The box's width along its top edge and its height along its hoist edge.
std::vector<Measure> box_spans(const Box& box, const std::string& what);
/// `shape` with `measures` added: `return measured(single_fill(…), {…});`.
Shape measured(Shape shape, std::vector<Measure> measures);

/// One filled path that is also the silhouette.
Shape single_fill(Path path, Colour colour, Vec2 pivot);
/// Throws InputError at `region` (through diag::raise): the layer stops, build_scene goes on with the
/// next layer and reports every layer's errors together.
[[noreturn]] void fail(const SourceRegion& region, std::string code, std::string message);
/// The same at a field of the layer (its value, or the layer when the field is absent).
template <typename T>
[[noreturn]] void fail(const Layer& layer, FieldKey<T> field, std::string code, std::string message) {
    fail(layer.where(field), std::move(code), std::move(message));
}
/// The same at the layer as a whole.
[[noreturn]] inline void fail(const Layer& layer, std::string code, std::string message) {
    fail(layer.region, std::move(code), std::move(message));
}
/// Records a warning about the design at `region`.
void warn(const Context& context, const SourceRegion& region, std::string code, std::string message);

/// Refuses a laid-out layer that reaches absurdly far beyond the flag, has non-finite points, or
/// brings the design's total path points past the limit (`points` counts across layers).
void check_extent(const Layer& layer, const Shape& shape, const Context& context, std::size_t& points);
/// What an item costs in the design's budget of path points (emblem elements count ten each, the holes
/// of a cutout more: layout.cpp).
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
Shape text_layer(const Layer&, const Context&);
/// The crossings of one rings layer (for `vexil crossings`).
std::vector<RingCrossing> crossings_of_layer(const Layer& layer, const Context& context, std::string name);

} // namespace vexil::layout
