// kind = "circle": a disc (Japan's hinomaru, Bangladesh's red disc).
#include "layout/unit.h"

namespace vexil::layout {

Shape circle_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    return single_fill(circle_path(at, layer.get(fields::radius)), layer.get(fields::color), at);
}

} // namespace vexil::layout
