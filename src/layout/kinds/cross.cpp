// kind = "cross": a horizontal and a vertical bar through `at`, edge to edge, as one 12-sided
// outline (so fimbriation follows the cross, not two overlapping bars).
#include "layout/unit.h"

namespace vexil::layout {

Shape cross_layer(const Layer& layer, const Context& context) {
    const Vec2 at = layer.get(fields::at);
    const double h = layer.get(fields::width) / 2;
    const double w = context.width();
    const double ht = context.height();
    const double x0 = at.x - h, x1 = at.x + h, y0 = at.y - h, y1 = at.y + h;
    Path path = polygon_path({{x0, 0},
                              {x1, 0},
                              {x1, y0},
                              {w, y0},
                              {w, y1},
                              {x1, y1},
                              {x1, ht},
                              {x0, ht},
                              {x0, y1},
                              {0, y1},
                              {0, y0},
                              {x0, y0}});
    // The arms' widths and where they cross: Sweden's 5, 2, 9 along the top and 4, 2, 4 down the hoist.
    return measured(single_fill(std::move(path), layer.get(fields::color), at),
                    {span({x0, 0}, {x1, 0}, "vertical arm"), span({0, y0}, {0, y1}, "horizontal arm")});
}

} // namespace vexil::layout
