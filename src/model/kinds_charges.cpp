// Catalogue entries for charges: crescent, hammer, sickle, hammer_and_sickle.
#include "model/catalogue.h"

namespace vexil::catalogue {

std::vector<KindSpec> charge_kinds() { return {}; }

} // namespace vexil::catalogue
