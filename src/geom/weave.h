#pragma once
// Weaving interlocked rings: where ring bands meet (junctions), which ring lies on top at each, and
// the arcs of a ring that a junction involves. Pure geometry; layout/kinds/rings.cpp turns it into
// filled paths.
//
// Vocabulary. A ring is a circle (its centre line) drawn as a band of some width. Two rings *meet*
// where their bands overlap: normally around a point where the centre lines cross, but also where
// they touch (tangent) or pass within a band's width. Meeting places closer together than a band's
// width are merged into one *junction*; a junction of three or more rings is a multi-crossing
// (the International Flag of Planet Earth has a six-fold one at its centre). Each junction gets a
// *stack*: its rings from bottom to top.

#include "vexil/geom.h"

#include <optional>
#include <vector>

namespace vexil::geom {

struct Circle {
    Vec2 centre;
    double radius = 0;
};

struct Junction {
    Vec2 at;                ///< the crossing point (or the middle of closest approach)
    std::vector<int> rings; ///< ascending ring indices
    bool simple = false;    ///< exactly two rings whose centre lines cross transversally
    std::vector<int> stack; ///< rings bottom → top, once decided
};

/// Where every pair of bands of `half_width` (plus `gap` either side) meet, merged into junctions.
/// Ordered deterministically: by y, then x, of `at` (rounded to kLengthEpsilon).
std::vector<Junction> find_junctions(const std::vector<Circle>& rings, double half_width, double gap);

/// The k-th crossing of rings a and b: their shared junctions numbered clockwise around the
/// lower-numbered ring, starting from 12 o'clock. Returns indices into `junctions`.
std::vector<int> crossings_of(const std::vector<Junction>& junctions, const std::vector<Circle>& rings, int a,
                              int b);

enum class WeaveRule {
    None,              ///< later rings lie over earlier ones everywhere
    Alternate,         ///< checkerboard: every ring goes over, under, over … along its simple crossings
    AlternateReversed, ///< the mirror image of Alternate
};

/// "Ring `over` passes over ring `under` at their `crossing`-th crossing."
struct OverRule {
    int over = 0;
    int under = 0;
    int crossing = 0;
};

/// Whether ring a lies over ring b at a simple crossing under the checkerboard rule: with t the
/// clockwise tangents at `at` and n the number of other rings whose disc strictly contains `at`,
/// a is over b ⇔ (cross(t_a, t_b) < 0) == (n is even). Faces of the ring diagram alternate in the
/// parity of how many discs contain them, and this picks the over-strand consistently with that
/// two-colouring, which is what makes every ring alternate.
bool alternate_over(const std::vector<Circle>& rings, int a, int b, Vec2 at);

/// Fills every junction's stack. At each junction a pairwise "over" relation is set by the rule
/// (simple crossings: alternate_over; tangent or merged meetings, and None: the higher index on
/// top), then `overrides` replace pairs; the stack sorts rings by how many of the others they lie
/// over (ties: higher index on top), which is the exact order whenever the relation is transitive.
struct StackDecision {
    std::vector<int> unmatched; ///< indices of overrides that name no existing crossing
    /// Junctions whose relation is a cycle (a over b over c over a): no stack honours every pair,
    /// so the one chosen breaks at least one of them.
    std::vector<int> cyclic;
};
StackDecision decide_stacks(std::vector<Junction>& junctions, const std::vector<Circle>& rings,
                            WeaveRule rule, const std::vector<OverRule>& overrides);

/// The arc of ring `a` (angles in vexil degrees, start < end, start within (-360, 360)) over which its
/// band, widened by `a_extra` either side, overlaps ring `b`'s band near `near`. Widened by a margin
/// so that the arc's ends lie clear of b's band. nullopt when they do not meet there.
struct Arc {
    double start = 0;
    double end = 0;
};
std::optional<Arc> meeting_arc(const Circle& a, double a_half_width, const Circle& b, double b_half_width,
                               Vec2 near);

/// An annular sector: the band of `ring` between radius ± half_width over `arc`, clockwise outline.
Path band_sector(const Circle& ring, double half_width, const Arc& arc);

} // namespace vexil::geom
