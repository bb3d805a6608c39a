// Catalogue entry for emblem: SVG artwork drawn through librsvg.
#include "model/catalogue.h"

namespace vexil::catalogue {

std::vector<KindSpec> emblem_kinds() {
    using T = FieldType;
    return {
        {Kind::Emblem,
         "emblem",
         "emblem",
         "SVG artwork from a file, scaled into a box centred on `at` with its aspect kept",
         {{"file", T::File, true, "", "", "the SVG file, relative to the design file"},
          at_field(),
          {"height",
           T::Number,
           false,
           "",
           kDu,
           "height of the artwork; its width follows its aspect",
           {},
           0.0},
          {"size",
           T::Pair,
           false,
           "",
           kDu,
           "[w, h] box the artwork fits inside, aspect kept, centred",
           {},
           0.0},
          {"recolor", T::Recolour, false, "", "",
           "{ \"#from\" = \"to\", … }: colours of the artwork replaced by colours or palette names"}}},
    };
}

} // namespace vexil::catalogue
