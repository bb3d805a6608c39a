// Placeholder for the hammer_and_sickle kind(s); implemented by the charges and emblems work.
#include "layout/unit.h"

namespace vexil::layout {

Shape hammer_layer(const Layer& layer, const Context&) { fail(layer, "kind", "not-implemented", "hammer is not implemented yet"); }
Shape sickle_layer(const Layer& layer, const Context&) { fail(layer, "kind", "not-implemented", "sickle is not implemented yet"); }
Shape hammer_and_sickle_layer(const Layer& layer, const Context&) {
    fail(layer, "kind", "not-implemented", "hammer_and_sickle is not implemented yet");
}

} // namespace vexil::layout
