// kind = "bend": a band from one corner to the opposite one (Tanzania, Congo), cut to the flag.
#include "geom/polygon_clip.h"
#include "layout/unit.h"

namespace vexil::layout {

Shape bend_layer(const Layer& layer, const Context& context) {
    const Box box = context.flag_box();
    const bool from_top = layer.get(fields::from) == "top-hoist";
    const Vec2 start = from_top ? Vec2{0, 0} : Vec2{0, box.h};
    const Vec2 end = from_top ? Vec2{box.w, box.h} : Vec2{box.w, 0};
    const auto band = geom::clockwise(geom::band_in_box(start, end, layer.get(fields::width), box));
    const Vec2 along = normalized(end - start), across{-along.y, along.x};
    const Vec2 c = box.centre();
    const double width = layer.get(fields::width);
    return measured(single_fill(polygon_path(band), layer.get(fields::color), context.centre()),
                    {span(c - across * (width / 2), c + across * (width / 2), "bend's width")});
}

} // namespace vexil::layout
