#pragma once
// Charges: the crescent (a disc minus a disc, as one outline of two circular arcs) and the hammer
// and sickle of the Soviet state flag, built from arcs and straight segments. Pure geometry; the
// layout units in src/layout/kinds/crescent.cpp and hammer_and_sickle.cpp place them on the flag.

#include "vexil/geom.h"

#include <optional>
#include <utility>

namespace vexil::geom {

/// The two points where circles (c0, r0) and (c1, r1) cross, or nullopt when they do not cross at
/// two points (apart, one inside the other, concentric). The first lies clockwise of the line from c0
/// to c1 as seen from c0 (to its right on a y-down page), the second anticlockwise.
std::optional<std::pair<Vec2, Vec2>> circle_intersections(Vec2 c0, double r0, Vec2 c1, double r1);

/// What the outer disc minus the inner disc is.
enum class CrescentForm {
    Crescent, ///< the circles cross: two horns between two arcs
    Annulus,  ///< the cut-out lies wholly inside the disc (touching its edge at most): a disc with a hole
    Disc,     ///< the cut-out misses the disc (touching it at most): the whole disc
    Empty,    ///< the cut-out covers the whole disc
};
CrescentForm crescent_form(Vec2 outer_c, double R, Vec2 inner_c, double r);

/// The disc (outer_c, R) minus the disc (inner_c, r), clockwise (positive signed_area), nonzero fill.
/// Crescent: one closed outline that starts at a horn, runs clockwise along the outer circle to the
/// other horn and back along the inner circle, anticlockwise; both horns are exactly the circles'
/// crossing points. Annulus: the outer circle clockwise and the inner one anticlockwise. Disc: the
/// outer circle. Empty: an empty path (callers report it: see crescent_form).
Path crescent_path(Vec2 outer_c, double R, Vec2 inner_c, double r);

/// The construction of the hammer and sickle in the unit square (side 1, y down). The 1955 statute
/// fixes the frame: the square, the sickle's point at the middle of its top side, both handles resting
/// on its lower corners, and the hammer 3/4 of the diagonal long. Within that frame it gives no
/// measures, so the numbers below were chosen by eye, comparing renders with the emblem on the flag.
namespace hammer_sickle {
/// The blade is a crescent: its outer edge a circle whose topmost point is the sickle's point
/// (0.5, 0), so the blade never rises above the square and runs level, toward the hoist, at the
/// point; its inner edge a circle through the point too. This is the outer circle's radius: the
/// blade stays 0.06 clear of the fly side, and the hammer's handle passes over it into the corner.
inline constexpr double kOuterRadius = 0.44;
/// The direction (vexil degrees, from the outer circle's centre) in which the blade is widest:
/// down and toward the fly, below the hammer's handle.
inline constexpr double kWidestAt = 150.0;
/// Width of the sickle's handle, a bar whose middle line runs through the lower hoist corner and
/// whose inner edge is the blade's heel: a line through the outer circle's centre. About the blade's
/// width at the heel, so the handle carries the blade on.
inline constexpr double kGripWidth = 0.1;
/// Thickness of the hammer's head, measured along the handle.
inline constexpr double kHeadThickness = 0.13;
} // namespace hammer_sickle

/// Proportions of the hammer and sickle, each a fraction of the side of the square they are
/// inscribed in: the kinds' `blade`, `handle` and `head` fields.
struct HammerSickle {
    double blade = 0.14;  ///< the sickle blade's greatest width
    double handle = 0.07; ///< the width of the hammer's handle
    double head = 0.44;   ///< the length of the hammer's head, across the handle
};

/// The sickle, in the unit square [0, 1] × [0, 1] (y down): its point at (0.5, 0), the middle of the
/// top side; its handle resting on the lower hoist corner (0, 1); the blade curving clockwise from
/// the point round the fly side and the bottom to the handle. Clockwise subpaths, nonzero fill.
Path sickle_path(const HammerSickle& proportions);
/// The hammer, in the same unit square: its handle resting on the lower fly corner (1, 1), along the
/// diagonal toward (0, 0); its length with the handle 3/4 of the diagonal, so the head's face is
/// centred on (1/4, 1/4). Clockwise subpaths, nonzero fill.
Path hammer_path(const HammerSickle& proportions);

} // namespace vexil::geom
