// kind = "star": `points` outer points, the first pointing up (before `rotate`), or toward `face`.
// The inner radius defaults to that of the regular star polygon {points/step}: for {5/2} the edges
// of the five-pointed star are straight lines through two outer points each, as every national
// flag's star is drawn.
#include "geom/tolerance.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape star_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const int points = layer.get(fields::star_points);
    const double radius = layer.get(fields::radius);
    double inner = 0;
    if (layer.has(fields::inner)) {
        inner = layer.get(fields::inner);
    } else {
        const int step = layer.get(fields::step);
        if (2 * step >= points)
            fail(layer.given(fields::step) ? layer.where(fields::step) : layer.where(fields::star_points),
                 "impossible-star",
                 "there is no regular star {" + std::to_string(points) + "/" + std::to_string(step) +
                     "}: `step` must be less than half of `points`; give `inner` to draw this star");
        inner = radius * star_inner_ratio(points, step);
    }
    // `face` turns the star about `at` so that its first point aims at the target; the layer's
    // `rotate` is applied afterwards about the same pivot, so it adds to this turn.
    double turn = 0;
    if (layer.has(fields::face)) {
        const Vec2 toward = layer.get(fields::face) - at;
        if (length(toward) <= geom::kLengthEpsilon)
            fail(layer, fields::face, "face-is-centre",
                 "face: the star cannot face its own centre `at`; give another point");
        turn = heading_of(toward);
    }
    return measured(single_fill(polygon_path(star_vertices(at, radius, inner, points, turn)),
                                layer.get(fields::color), at),
                    {centre_mark(at, "star"), radius_of(at, radius, "star (outer radius)")});
}

} // namespace vexil::layout
