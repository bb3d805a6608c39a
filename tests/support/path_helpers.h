#pragma once
// Shared by the path tests: verb shorthands, point comparison, and a cubic Bézier evaluated at t.

#include "vexil/geom.h"

#include <cmath>
#include <vector>

namespace vexil::test {

using Verbs = std::vector<PathVerb>;
inline constexpr auto M = PathVerb::Move;
inline constexpr auto L = PathVerb::Line;
inline constexpr auto C = PathVerb::Cubic;
inline constexpr auto Z = PathVerb::Close;

inline bool near_point(Vec2 a, Vec2 b, double margin) {
    return std::abs(a.x - b.x) <= margin && std::abs(a.y - b.y) <= margin;
}

inline Vec2 bezier(Vec2 p0, Vec2 c1, Vec2 c2, Vec2 p1, double t) {
    const double u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p1;
}

} // namespace vexil::test
