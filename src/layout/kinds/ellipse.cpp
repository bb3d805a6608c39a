// kind = "ellipse": an axis-aligned ellipse; `rotate` turns it.
#include "layout/unit.h"

namespace vexil::layout {

Shape ellipse_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.get(fields::at);
    const Vec2 radii = layer.get(fields::radii);
    return measured(single_fill(ellipse_path(at, radii.x, radii.y), layer.get(fields::color), at),
                    {centre_mark(at, "ellipse"), span(at, at + Vec2{radii.x, 0}, "ellipse (across radius)"),
                     span(at, at + Vec2{0, radii.y}, "ellipse (down radius)")});
}

} // namespace vexil::layout
