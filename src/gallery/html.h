#pragma once
// The gallery's index.html: one self-contained page (inline CSS and script, no network).

#include "vexil/gallery.h"

#include <string>

namespace vexil::gallery {

/// The page for `entries`; links are relative to the output folder.
std::string index_html(const std::vector<GalleryEntry>& entries);

/// "2:3" for a 3 × 2 flag, "10:19" for the US, or "1:1.23" when no small whole numbers fit.
std::string ratio_text(double width, double height);

} // namespace vexil::gallery
