// kind = "ellipse": an axis-aligned ellipse; `rotate` turns it.
#include "layout/unit.h"

namespace vexil::layout {

Shape ellipse_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const Vec2 radii = layer.get(fields::radii);
    return single_fill(ellipse_path(at, radii.x, radii.y), layer.get(fields::color), at);
}

} // namespace vexil::layout
