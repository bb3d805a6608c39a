// Catalogue entry for text: words set in a font, on a line or along a circle, drawn as outlines.
#include "model/catalogue.h"

namespace vexil::catalogue {

std::vector<KindSpec> text_kinds() {
    using T = FieldType;
    return {
        {Kind::Text,
         "text",
         "word",
         "words shaped by Pango (kerning, ligatures, any script) and drawn as outlines, on a line or a "
         "circle",
         {{"text", T::Text, true, "", "",
           "the words, one line (any script; right-to-left scripts read right to left)"},
          colour_field(),
          {"size",
           T::Number,
           true,
           "",
           kDu,
           "height of the capitals (the font's H): how flag laws and sheets give lettering",
           {},
           0.0},
          at_field(),
          {"font", T::Text, false, "\"DejaVu Sans\"", "", "the font family, as fontconfig names it"},
          {"font_file", T::File, false, "", "",
           "a font file (.ttf, .otf) next to the design; `font` then names its family"},
          {"weight",
           T::Choice,
           false,
           "\"normal\"",
           "",
           "the font's weight",
           {"thin", "light", "normal", "medium", "semibold", "bold", "heavy"}},
          {"style", T::Choice, false, "\"normal\"", "", "upright or italic", {"normal", "italic"}},
          {"fallback", T::Bool, false, "false", "",
           "allow another family when `font` is not installed (otherwise an error)"},
          {"anchor",
           T::Choice,
           false,
           "\"middle\"",
           "",
           "which point of the line lies at `at` (or at `angle`): where it starts reading, its middle, or "
           "its end",
           {"start", "middle", "end"}},
          {"baseline",
           T::Choice,
           false,
           "\"baseline\"",
           "",
           "which height of the letters lies on `at` (or on the circle): the baseline, the middle of the "
           "capitals, or their top",
           {"baseline", "middle", "top"}},
          {"letter_spacing", T::Number, false, "0", kDu, "space added after each letter"},
          {"radius", T::Number, false, "", kDu,
           "set the text on a circle of this radius around `at` instead of on a line"},
          {"angle", T::Number, false, "0", "degrees",
           "on a circle: where the anchor lies, clockwise from the top"},
          {"side",
           T::Choice,
           false,
           "\"outside\"",
           "",
           "on a circle: letters standing on it and reading clockwise (outside), or hanging inside it and "
           "reading anticlockwise (inside, for the foot of a seal)",
           {"outside", "inside"}}}},
    };
}

} // namespace vexil::catalogue
