// Placeholder for the crescent kind(s); implemented by the charges and emblems work.
#include "layout/unit.h"

namespace vexil::layout {

Shape crescent_layer(const Layer& layer, const Context&) { fail(layer, "kind", "not-implemented", "crescent is not implemented yet"); }

} // namespace vexil::layout
