// kind = "triangle": an isosceles triangle on one whole edge (the Czech hoist triangle, Sudan's…).
#include "layout/unit.h"

namespace vexil::layout {

Shape triangle_layer(const Layer& layer, const Context& context) {
    const std::string& from = layer.get(fields::from);
    const double w = context.width(), h = context.height();
    const bool across = from == "hoist" || from == "fly";
    const double depth = layer.has(fields::depth) ? layer.get(fields::depth) : (across ? w / 2 : h / 2);
    std::vector<Vec2> corners;
    if (from == "hoist")
        corners = {{0, 0}, {depth, h / 2}, {0, h}};
    else if (from == "fly")
        corners = {{w, 0}, {w, h}, {w - depth, h / 2}};
    else if (from == "top")
        corners = {{0, 0}, {w, 0}, {w / 2, depth}};
    else
        corners = {{0, h}, {w / 2, h - depth}, {w, h}};
    // How far the apex reaches in from its edge.
    const Vec2 apex = corners[from == "hoist" ? 1 : from == "fly" ? 2 : from == "top" ? 2 : 1];
    const Vec2 base = from == "hoist" ? Vec2{0, apex.y}
                      : from == "fly" ? Vec2{w, apex.y}
                      : from == "top" ? Vec2{apex.x, 0}
                                      : Vec2{apex.x, h};
    return measured(single_fill(polygon_path(corners), layer.get(fields::color), context.centre()),
                    {span(base, apex, "triangle's depth")});
}

} // namespace vexil::layout
