// kind = "ellipse": an axis-aligned ellipse; `rotate` turns it.
#include "layout/unit.h"

namespace vexil::layout {

Shape ellipse_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.pair("at");
    const Vec2 radii = layer.pair("radii");
    if (radii.x < 0 || radii.y < 0)
        fail(layer, "radii", "out-of-range", "radii: both radii must be at least 0");
    return single_fill(ellipse_path(at, radii.x, radii.y), layer.colour("color"), at);
}

} // namespace vexil::layout
