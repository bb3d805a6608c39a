// Catalogue entry for emblem: SVG artwork drawn through librsvg.
#include "model/catalogue.h"

namespace vexil::catalogue {

std::vector<KindSpec> emblem_kinds() { return {}; }

} // namespace vexil::catalogue
