// kind = "rect": a rectangle centred on `at`.
#include "layout/unit.h"

namespace vexil::layout {

Shape rect_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const Vec2 size = layer.get(fields::size);
    return single_fill(rect_path({at.x - size.x / 2, at.y - size.y / 2, size.x, size.y}),
                       layer.get(fields::color), at);
}

} // namespace vexil::layout
