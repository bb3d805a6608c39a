// kind = "circle": a disc (Japan's hinomaru, Bangladesh's red disc).
#include "layout/unit.h"

namespace vexil::layout {

Shape circle_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.pair("at");
    return single_fill(circle_path(at, layer.number("radius")), layer.colour("color"), at);
}

} // namespace vexil::layout
