// kind = "crescent": the disc of `radius` about `at` minus the disc of `inner_radius` about
// `inner_at`, as one outline of two circular arcs meeting at the horns (geom/charges). A cut-out
// wholly inside the disc leaves a ring; one that misses it leaves the disc; one that covers it is an
// error, since nothing would be drawn.
#include "geom/charges.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape crescent_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const double radius = layer.get(fields::radius);
    const Vec2 inner_at = layer.get(fields::inner_at);
    const double inner_radius = layer.get(fields::inner_radius);
    if (geom::crescent_form(at, radius, inner_at, inner_radius) == geom::CrescentForm::Empty)
        fail(layer, fields::inner_radius, "empty-crescent",
             "the cut-out covers the whole crescent: the circle of `inner_radius` about `inner_at` contains "
             "the "
             "circle of `radius` about `at`");
    return measured(
        single_fill(geom::crescent_path(at, radius, inner_at, inner_radius), layer.get(fields::color), at),
        {centre_mark(at, "crescent's outer circle"), radius_of(at, radius, "crescent's outer circle"),
         centre_mark(inner_at, "crescent's inner circle"),
         radius_of(inner_at, inner_radius, "crescent's inner circle")});
}

} // namespace vexil::layout
