// kind = "polygon": a regular polygon (sides + radius, first corner up) or any polygon (points).
#include "geom/polygon_clip.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape polygon_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const bool regular = layer.has(fields::sides) || layer.has(fields::radius);
    if (regular == layer.has(fields::points))
        fail(regular ? layer.where(fields::points) : layer.region, "polygon-form",
             "a polygon takes either `sides` and `radius` (regular) or `points`, not both and not neither");
    if (layer.has(fields::points)) {
        const auto& points = layer.get(fields::points);
        if (points.size() < 3)
            fail(layer, fields::points, "wrong-length", "points: a polygon needs at least 3 points");
        Vec2 centre;
        for (Vec2 p : points)
            centre = centre + p / static_cast<double>(points.size());
        Path outline = polygon_path(points);
        const Box box = outline.bounds();
        return measured(
            single_fill(std::move(outline), layer.get(fields::color), layer.given(fields::at) ? at : centre),
            box_spans(box, "polygon"));
    }
    if (!layer.has(fields::sides) || !layer.has(fields::radius))
        fail(layer.has(fields::sides) ? layer.where(fields::sides) : layer.where(fields::radius),
             "missing-key", "a regular polygon needs both `sides` and `radius`");
    const auto vertices = regular_polygon(at, layer.get(fields::radius), layer.get(fields::sides));
    return measured(
        single_fill(polygon_path(vertices), layer.get(fields::color), at),
        {centre_mark(at, "polygon"), radius_of(at, layer.get(fields::radius), "polygon (to a corner)")});
}

} // namespace vexil::layout
