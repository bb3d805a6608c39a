// kind = "polygon": a regular polygon (sides + radius, first corner up) or any polygon (points).
#include "geom/polygon_clip.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape polygon_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.pair("at");
    const bool regular = layer.has("sides") || layer.has("radius");
    if (regular == layer.has("points"))
        fail(layer, regular ? "points" : "kind", "polygon-form",
             "a polygon takes either `sides` and `radius` (regular) or `points`, not both and not neither");
    if (layer.has("points")) {
        const auto& points = layer.points("points");
        if (points.size() < 3)
            fail(layer, "points", "wrong-length", "points: a polygon needs at least 3 points");
        Vec2 centre;
        for (Vec2 p : points)
            centre = centre + p / static_cast<double>(points.size());
        return single_fill(polygon_path(points), layer.colour("color"), layer.given("at") ? at : centre);
    }
    if (!layer.has("sides") || !layer.has("radius"))
        fail(layer, layer.has("sides") ? "sides" : "radius", "missing-key",
             "a regular polygon needs both `sides` and `radius`");
    const auto vertices = regular_polygon(at, layer.number("radius"), layer.integer("sides"));
    return single_fill(polygon_path(vertices), layer.colour("color"), at);
}

} // namespace vexil::layout
