// kind = "canton": the top-hoist rectangle (the US union, Australia's Union Flag quarter).
#include "layout/unit.h"

namespace vexil::layout {

Shape canton_layer(const Layer& layer, const Context&) {
    const Vec2 size = layer.get(fields::size);
    return measured(single_fill(rect_path({0, 0, size.x, size.y}), layer.get(fields::color), size / 2),
                    box_spans({0, 0, size.x, size.y}, "canton"));
}

} // namespace vexil::layout
