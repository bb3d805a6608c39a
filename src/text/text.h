#pragma once
// Text shaping: a line of text → glyph outlines and positions, through Pango with HarfBuzz
// (kerning, ligatures, bidirectional text, scripts that need shaping) and Cairo for the outlines.
// The only user of Pango. Layout places the result; it never sees Pango or Cairo.

#include "vexil/resources.h"

#include <string>
#include <string_view>
#include <vector>

namespace vexil::text {

struct Request {
    std::string text;
    std::string family = "DejaVu Sans";
    std::string weight = "normal"; ///< thin, light, normal, medium, semibold, bold, heavy
    bool italic = false;
    double letter_spacing = 0; ///< in ems
};

/// Shapes `request.text` as one line. Characters the family lacks come from fontconfig's fallback
/// fonts, as in any desktop program. Hinting is off, so outlines are exact at every size.
Lettering shape(const Request& request);

/// Every font family installed (and added with add_font_file), sorted.
std::vector<std::string> installed_families();
/// The installed family named `family` (case-insensitively), or "" when there is none (in the
/// library, from installed_families).
std::string installed_family(std::string_view family);
/// Makes a font file available to this process (fontconfig's application fonts) and returns the
/// family it holds, or "" when it is not a font fontconfig can read.
std::string add_font_file(const std::string& path);

} // namespace vexil::text
