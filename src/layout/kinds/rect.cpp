// kind = "rect": a rectangle centred on `at`.
#include "layout/unit.h"

namespace vexil::layout {

Shape rect_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const Vec2 size = layer.get(fields::size);
    const Box box{at.x - size.x / 2, at.y - size.y / 2, size.x, size.y};
    return measured(single_fill(rect_path(box), layer.get(fields::color), at), box_spans(box, "rectangle"));
}

} // namespace vexil::layout
