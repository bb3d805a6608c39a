// kind = "ring": one annulus. (Interlocking rings that weave are kind = "rings".)
#include "layout/unit.h"

#include <algorithm>

namespace vexil::layout {

Shape ring_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const double radius = layer.get(fields::radius);
    const double half = layer.get(fields::width) / 2;
    // A band wider than the ring's diameter has no hole left: it is a disc.
    const double inner = std::max(0.0, radius - half);
    Path path = inner > 0 ? annulus_path(at, inner, radius + half) : circle_path(at, radius + half);
    Measure band = span(at + Vec2{radius - half, 0}, at + Vec2{radius + half, 0}, "ring's band");
    return measured(single_fill(std::move(path), layer.get(fields::color), at),
                    {centre_mark(at, "ring"), radius_of(at, radius, "ring (to the band's middle)"), band});
}

} // namespace vexil::layout
