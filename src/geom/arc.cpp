// Arcs as cubics: see arc.h. The one place where an arc becomes Bézier curves.

#include "geom/arc.h"

#include "geom/tolerance.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vexil::geom {

namespace {

/// The fewest equal pieces of at most kMaxArcSegmentDegrees for `sweep`; a remainder of less than
/// kArcSliverDegrees beyond whole pieces is folded into them rather than drawn as a sliver.
int pieces_for(double sweep) {
    return std::max(
        1, static_cast<int>(std::ceil((std::abs(sweep) - kArcSliverDegrees) / kMaxArcSegmentDegrees)));
}

/// Appends the arc from a0 to a1 (a nonzero sweep) in equal pieces, ending at `last`.
void append_even(Path& path, const Affine& unit_to_page, double a0, double a1, Vec2 last) {
    const double sweep = a1 - a0;
    const int pieces = pieces_for(sweep);
    const double step = sweep / pieces;
    // Handle length k with k = 4/3·tan(θ/4) on the unit circle: the cubic then matches the circle at
    // both ends and at its midpoint. A negative step (anticlockwise) gives a negative k, which points
    // the handles backwards along the tangent, as needed.
    const double k = 4.0 / 3.0 * std::tan(step * (std::numbers::pi / 180.0) / 4.0);
    Vec2 e0 = heading(a0);
    for (int i = 1; i <= pieces; ++i) {
        // The last angle is a1 itself, not an accumulated sum, so the piece ends exactly there.
        const Vec2 e1 = heading(i == pieces ? a1 : a0 + sweep * i / pieces);
        // d/dθ heading(θ) = heading(θ + 90°) = (−e.y, e.x): the clockwise tangent.
        const Vec2 c1 = e0 + k * Vec2{-e0.y, e0.x};
        const Vec2 c2 = e1 - k * Vec2{-e1.y, e1.x};
        path.cubic_to(unit_to_page.apply(c1), unit_to_page.apply(c2),
                      i == pieces ? last : unit_to_page.apply(e1));
        e0 = e1;
    }
}

} // namespace

void append_arc(Path& path, const Affine& unit_to_page, double start_deg, double end_deg, ArcCuts cuts,
                std::optional<Vec2> exact_end) {
    if (!std::isfinite(start_deg) || !std::isfinite(end_deg))
        throw std::invalid_argument("arc: the angles must be finite");
    if (std::abs(end_deg - start_deg) > kMaxArcSweepDegrees)
        throw std::invalid_argument("arc: the arc sweeps more than 100 full turns");
    if (start_deg == end_deg) return;
    const Vec2 last = exact_end ? *exact_end : unit_to_page.apply(heading(end_deg));
    if (cuts == ArcCuts::Even) return append_even(path, unit_to_page, start_deg, end_deg, last);

    const bool clockwise = end_deg > start_deg;
    double a0 = start_deg;
    while (a0 != end_deg) {
        // The next multiple of 90° strictly beyond a0, or the end when that is nearer than a sliver.
        double a1 = clockwise ? (std::floor(a0 / 90.0) + 1) * 90.0 : (std::ceil(a0 / 90.0) - 1) * 90.0;
        if (clockwise ? a1 >= end_deg - kArcSliverDegrees : a1 <= end_deg + kArcSliverDegrees) a1 = end_deg;
        append_even(path, unit_to_page, a0, a1, a1 == end_deg ? last : unit_to_page.apply(heading(a1)));
        a0 = a1;
    }
}

void append_arc(Path& path, Vec2 centre, double radius, double start_deg, double end_deg, ArcCuts cuts) {
    append_arc(path, Affine{radius, 0, 0, radius, centre.x, centre.y}, start_deg, end_deg, cuts);
}

} // namespace vexil::geom
