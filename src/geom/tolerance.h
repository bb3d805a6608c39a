#pragma once
// Every epsilon the geometry core uses, named, each with why it has its value.

namespace vexil::geom {

/// Arcs are split into pieces of at most 90°; a 90° cubic with k = 4/3·tan(θ/4) deviates from the
/// true circle by at most 2.7e-4 of the radius — below 0.03 px for a 100 px radius.
inline constexpr double kMaxArcSegmentDegrees = 90.0;

/// Two lengths closer than this (relative to the flag's size) are the same: used to skip
/// zero-length segments and detect tangency. 1e-9 is far below any visible difference and far
/// above double rounding for coordinates of magnitude ≤ 1e6.
inline constexpr double kLengthEpsilon = 1e-9;

/// Flattening tolerance for area and length measurements (not for drawing): segments per cubic.
inline constexpr int kFlattenSegmentsPerCubic = 32;

} // namespace vexil::geom
