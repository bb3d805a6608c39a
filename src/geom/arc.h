#pragma once
// Circular and elliptical arcs as cubic Béziers. Every arc vexil draws comes through here
// (Path::arc_to and so every circle, the charges' crescents and sickle, the A command of SVG path
// data), so all of them share one limit on a cubic's angle and one error bound: see
// kMaxArcSegmentDegrees and kArcRadialTolerance in geom/tolerance.h.

#include "vexil/geom.h"

#include <optional>

namespace vexil::geom {

/// Largest sweep one arc may have: one hundred full turns. Far more than any design needs (beyond
/// one turn an arc only retraces itself), yet a typo such as "end = 1e12" is refused instead of
/// allocating billions of cubics.
inline constexpr double kMaxArcSweepDegrees = 360.0 * 100;

/// Where an arc is cut into cubics. Either way no cubic spans more than kMaxArcSegmentDegrees
/// (give or take kArcSliverDegrees).
enum class ArcCuts {
    /// Into the fewest equal pieces.
    Even,
    /// At every multiple of 90° first (then evenly within each quadrant): each cubic stays in one
    /// quadrant, so its control points lie inside the box of its end points and Path::bounds() of a
    /// circular arc is its true bounding box.
    AtQuadrants,
};

/// Appends, as cubics, the arc of the unit circle from `start_deg` to `end_deg` mapped onto the page
/// by `unit_to_page` (a circle's or an ellipse's frame). Angles are vexil's: the arc's point at
/// angle a is unit_to_page(heading(a)), and it runs clockwise on the unit circle when end > start.
/// The path's current point must already be the arc's start; a zero sweep appends nothing.
///
/// Each cubic meets the circle at its ends with handles of length 4/3·tan(θ/4) for a piece of θ, so
/// it also meets it at its midpoint; it strays from the circle by at most kArcRadialTolerance of
/// the radius (for an ellipse, of its larger semi-axis). The last point is `exact_end` when given,
/// so that an arc ends exactly where the caller's own geometry says; otherwise
/// unit_to_page(heading(end_deg)), which is exact at multiples of 90°.
///
/// Throws std::invalid_argument when an angle is not finite or the sweep exceeds
/// kMaxArcSweepDegrees; nothing is appended then.
void append_arc(Path& path, const Affine& unit_to_page, double start_deg, double end_deg,
                ArcCuts cuts = ArcCuts::Even, std::optional<Vec2> exact_end = std::nullopt);

/// The same for the circle of `radius` about `centre`: clockwise on the page when end > start.
void append_arc(Path& path, Vec2 centre, double radius, double start_deg, double end_deg,
                ArcCuts cuts = ArcCuts::Even);

} // namespace vexil::geom
