#pragma once
// The emblem plugin's entries (libvexil-emblem.so, the only user of librsvg): emblem.h's read,
// parse and draw, with failures returned as values. emblem/forward.cpp, in the library, calls them.

#include "emblem/emblem.h"

#include <string>

namespace vexil::emblem {

struct Outcome {
    enum class Failure { None, Load, Io } failure = Failure::None;
    std::string message;
};

} // namespace vexil::emblem

extern "C" {
void vexil_emblem_read_v1(const std::filesystem::path& file, std::string& bytes,
                          vexil::emblem::Outcome& outcome);
void vexil_emblem_parse_v1(std::string svg, const std::string& name,
                           const std::vector<vexil::Recolour>& recolour, vexil::Artwork& artwork,
                           vexil::emblem::Outcome& outcome);
void vexil_emblem_draw_v1(const vexil::emblem::Document& document, cairo_t* cr,
                          const vexil::Affine& to_design, vexil::emblem::Outcome& outcome);
}
