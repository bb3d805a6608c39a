// kind = "field": the whole flag in one colour.
#include "layout/unit.h"

namespace vexil::layout {

Shape field_layer(const Layer& layer, const Context& context) {
    return measured(single_fill(rect_path(context.flag_box()), layer.get(fields::color), context.centre()),
                    box_spans(context.flag_box(), "flag"));
}

} // namespace vexil::layout
