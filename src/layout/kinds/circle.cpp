// kind = "circle": a disc (Japan's hinomaru, Bangladesh's red disc).
#include "layout/unit.h"

namespace vexil::layout {

Shape circle_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const double radius = layer.get(fields::radius);
    return measured(single_fill(circle_path(at, radius), layer.get(fields::color), at),
                    {centre_mark(at, "disc"), diameter_of(at, radius, "disc")});
}

} // namespace vexil::layout
