#pragma once
// Every epsilon the geometry core uses, named, each with why it has its value.

namespace vexil::geom {

/// Arcs are cut into cubics of at most 90° (geom/arc.h): the largest piece whose error
/// (kArcRadialTolerance) is invisible at any output size vexil renders, and one that lets an arc cut
/// at quadrants (every multiple of 90°) need no further cuts.
inline constexpr double kMaxArcSegmentDegrees = 90.0;

/// How far a cubic of at most kMaxArcSegmentDegrees, with handles 4/3·tan(θ/4), strays from its
/// circle, relative to the radius: 2.7253e-4 at exactly 90° (measured in tests/unit/geom/arc_test),
/// rounded up. Below 0.03 px for a 100 px radius.
inline constexpr double kArcRadialTolerance = 2.8e-4;

/// A remainder of an arc's sweep smaller than this (degrees) is folded into the neighbouring cubic
/// instead of being drawn as a sliver: it moves a point by under 2e-11 of the radius, yet it is far
/// above the rounding of angle sums (an ulp of 36000°, the largest sweep, is 7e-12).
inline constexpr double kArcSliverDegrees = 1e-9;

/// Two lengths closer than this (relative to the flag's size) are the same: used to skip
/// zero-length segments and detect tangency. 1e-9 is far below any visible difference and far
/// above double rounding for coordinates of magnitude ≤ 1e6.
inline constexpr double kLengthEpsilon = 1e-9;

/// The smallest length geometry divides by: a degenerate (zero) radius gives a huge but finite
/// ratio instead of inf or NaN. 1e-12 is below any length a design can express (sizes start at
/// 0.001, positions resolve to kLengthEpsilon), so it never changes a real ratio.
inline constexpr double kMinDivisorLength = 1e-12;

/// A number this close to a whole number counts as one (an Integer field given as an expression,
/// `"W/2"` for a count): an expression's rounding error is ~1e-15, a real fraction far more than 1e-9.
inline constexpr double kWholeNumberTolerance = 1e-9;

/// Flattening tolerance for area and length measurements (not for drawing): segments per cubic.
inline constexpr int kFlattenSegmentsPerCubic = 32;

} // namespace vexil::geom
