// kind = "border": a frame along the four edges (Grenada, Montenegro).
#include "layout/unit.h"

#include <algorithm>

namespace vexil::layout {

Shape border_layer(const Layer& layer, const Context& context) {
    const Box box = context.flag_box();
    const double width = std::min({layer.get(fields::width), box.w / 2, box.h / 2});
    Path frame = rect_path(box);
    frame.append(rect_path({width, width, box.w - 2 * width, box.h - 2 * width}).reversed());
    return measured(single_fill(std::move(frame), layer.get(fields::color), context.centre()),
                    {span({0, box.h / 2}, {width, box.h / 2}, "border")});
}

} // namespace vexil::layout
