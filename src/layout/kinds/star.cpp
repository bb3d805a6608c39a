// kind = "star": `points` outer points, the first pointing up (before `rotate`). The inner radius
// defaults to that of the regular star polygon {points/step}: for {5/2} the edges of the five-pointed
// star are straight lines through two outer points each, as every national flag's star is drawn.
#include "layout/unit.h"

namespace vexil::layout {

Shape star_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.pair("at");
    const int points = layer.integer("points");
    const double radius = layer.number("radius");
    double inner = 0;
    if (layer.has("inner")) {
        inner = layer.number("inner");
    } else {
        const int step = layer.integer("step");
        if (2 * step >= points)
            fail(layer, layer.given("step") ? "step" : "points", "impossible-star",
                 "there is no regular star {" + std::to_string(points) + "/" + std::to_string(step) +
                     "}: `step` must be less than half of `points`; give `inner` to draw this star");
        inner = radius * star_inner_ratio(points, step);
    }
    return single_fill(polygon_path(star_vertices(at, radius, inner, points)), layer.colour("color"), at);
}

} // namespace vexil::layout
