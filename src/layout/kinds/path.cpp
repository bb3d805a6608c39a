// kind = "path": SVG path data in design units, relative to `at`, optionally scaled.
#include "geom/svg_path.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape path_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const double scale = layer.get(fields::scale);
    // The loader has parsed `d` already and reported any error; this cannot fail.
    const Path local = geom::parse_svg_path(layer.get(fields::d)).path;
    const Path placed = local.transformed(Affine::scale(scale, scale).then(Affine::translate(at)));
    Shape shape = single_fill(placed, layer.get(fields::color), at);
    if (layer.get(fields::fill_rule) == "evenodd") {
        std::get<FillPath>(shape.items.front()).rule = FillRule::EvenOdd;
        shape.silhouette_rule = FillRule::EvenOdd;
    }
    shape.measures = box_spans(placed.bounds(), "path");
    return shape;
}

} // namespace vexil::layout
