// Placeholder for the emblem kind(s); implemented by the charges and emblems work.
#include "layout/unit.h"

namespace vexil::layout {

Shape emblem_layer(const Layer& layer, const Context&) { fail(layer, "kind", "not-implemented", "emblem is not implemented yet"); }

} // namespace vexil::layout
