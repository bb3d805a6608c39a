#pragma once
// Clipping a polygon against a convex polygon (Sutherland–Hodgman). Used to cut diagonal bands to the
// flag's rectangle and the saltire's half-arms to their quarter of the field.

#include "vexil/geom.h"

#include <vector>

namespace vexil::geom {

/// The part of `subject` inside `convex_clip` (either orientation). Empty when they do not overlap.
std::vector<Vec2> clip_to_convex(const std::vector<Vec2>& subject, const std::vector<Vec2>& convex_clip);
/// The four corners of a box, clockwise on the page from the top-left.
std::vector<Vec2> box_corners(const Box& box);
/// The same vertices, ordered clockwise on the page (reversed if they were anticlockwise).
std::vector<Vec2> clockwise(std::vector<Vec2> vertices);
/// A band of `width` along the line through `from` and `to`, long enough to cross all of `box`,
/// cut to `box`.
std::vector<Vec2> band_in_box(Vec2 from, Vec2 to, double width, const Box& box);

} // namespace vexil::geom
