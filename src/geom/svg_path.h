#pragma once
// SVG path data ("M 0 0 L 10 0 A 5 5 0 0 1 …") → vexil::Path. Pure geometry; errors come back with
// a byte offset so the loader can point at the column.

#include "vexil/geom.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace vexil::geom {

/// Most path commands one `d` string may hold.
inline constexpr std::size_t kMaxPathCommands = 100'000;

struct SvgPathResult {
    Path path;
    bool ok = true;
    std::size_t error_offset = 0; ///< byte offset of the problem in the text
    std::string error;            ///< e.g. "expected a number after 'L'"
};

/// Parses all of SVG 1.1 path data: M L H V C S Q T A Z in absolute and relative forms, implicit
/// repeats, numbers packed without separators ("M1-2.5.5"). Quadratics become exact cubics; arcs
/// become cubics (endpoint → centre parameterisation, SVG 1.1 appendix F.6, including radius
/// scaling). An empty string is an error.
SvgPathResult parse_svg_path(std::string_view data);

} // namespace vexil::geom
