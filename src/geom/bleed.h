#pragma once
// Print bleed: art that meets the flag's edge continues past it, as if the flag were larger, while
// nothing inside the edge changes. Works on outlines of straight segments (divisions, bands,
// crosses, borders, the arms of saltires and bends, triangles): each corner that lies on the edge
// moves outward along the segment that comes in from inside the flag, or straight out where both
// of its segments run along the edge. A subpath with curves, or a corner that only touches the
// edge between two inner segments, is left as it is.

#include "vexil/geom.h"

namespace vexil::geom {

/// `path` with its straight subpaths carried `bleed` past the edges of `trim` where they meet them.
Path extend_into_bleed(const Path& path, const Box& trim, double bleed);

} // namespace vexil::geom
