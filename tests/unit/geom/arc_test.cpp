// geom::append_arc, the one arc-to-cubics approximation: its error against the true circle for many
// sweeps, exact end points, the cut rules, ellipses, and what it refuses.

#include "geom/arc.h"
#include "geom/tolerance.h"
#include "vexil/geom.h"

#include "path_helpers.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

using vexil::Affine;
using vexil::Path;
using vexil::PathVerb;
using vexil::Vec2;
using vexil::geom::append_arc;
using vexil::geom::ArcCuts;
using vexil::geom::kArcRadialTolerance;
using vexil::geom::kArcSliverDegrees;
using vexil::geom::kMaxArcSegmentDegrees;

namespace {

using namespace vexil::test;

/// The points of every cubic of `p`, in order, as (start, c1, c2, end).
struct Piece {
    Vec2 p0, c1, c2, p1;
};
std::vector<Piece> pieces_of(const Path& p) {
    std::vector<Piece> out;
    Vec2 cur{};
    std::size_t i = 0;
    for (PathVerb v : p.verbs()) {
        const auto& pts = p.points();
        if (v == M || v == L) {
            cur = pts[i++];
        } else if (v == C) {
            out.push_back({cur, pts[i], pts[i + 1], pts[i + 2]});
            cur = pts[i + 2];
            i += 3;
        }
    }
    return out;
}

/// The largest |  |q| − 1 | over dense samples of every cubic, each point q taken back to the unit
/// circle by `to_unit`: the radial error relative to the radius.
double max_radial_error(const Path& p, const Affine& to_unit) {
    double worst = 0;
    for (const Piece& piece : pieces_of(p))
        for (int s = 0; s <= 2000; ++s) {
            const Vec2 q = to_unit.apply(bezier(piece.p0, piece.c1, piece.c2, piece.p1, s / 2000.0));
            worst = std::max(worst, std::abs(vexil::length(q) - 1.0));
        }
    return worst;
}

/// The swept angle (vexil degrees, positive clockwise) along the samples of the arc on the unit
/// circle: the sum of the small turns between successive samples.
double swept_degrees(const Path& p, const Affine& to_unit) {
    double total = 0;
    Vec2 prev = to_unit.apply(p.points().front());
    for (const Piece& piece : pieces_of(p))
        for (int s = 1; s <= 64; ++s) {
            const Vec2 q = to_unit.apply(bezier(piece.p0, piece.c1, piece.c2, piece.p1, s / 64.0));
            double turn = vexil::heading_of(q) - vexil::heading_of(prev);
            if (turn > 180) turn -= 360;
            if (turn < -180) turn += 360;
            total += turn;
            prev = q;
        }
    return total;
}

Affine inverse_circle_frame(Vec2 centre, double r) {
    return Affine::translate(-centre).then(Affine::scale(1 / r, 1 / r));
}

const double kSweeps[] = {1e-7, 0.5, 30,   45,   89.999, 90,   90 + 1e-10, 90.001, 135,
                          180,  270, 359,  360,  400,    720,  1800,       -1e-7,  -45,
                          -90,  -91, -180, -270, -359.5, -360, -725};

} // namespace

TEST_CASE("arc: the cubics stay within kArcRadialTolerance of the circle", "[geom][arc]") {
    const Vec2 centre{3, -4};
    const double r = 7;
    double worst_overall = 0;
    for (ArcCuts cuts : {ArcCuts::Even, ArcCuts::AtQuadrants})
        for (double start : {0.0, 17.25, -90.0, 200.0})
            for (double sweep : kSweeps) {
                CAPTURE(cuts == ArcCuts::Even, start, sweep);
                const double end = start + sweep;
                Path p;
                p.move_to(centre + r * vexil::heading(start));
                append_arc(p, centre, r, start, end, cuts);
                const double error = max_radial_error(p, inverse_circle_frame(centre, r));
                CHECK(error <= kArcRadialTolerance);
                worst_overall = std::max(worst_overall, error);
                // The end point is the circle's point at `end`, exactly.
                CHECK(p.current_point() == centre + r * vexil::heading(end));
                // It goes the right way round, the whole way.
                CHECK(swept_degrees(p, inverse_circle_frame(centre, r)) == Approx(sweep).margin(1e-6));
                // No piece spans more than the limit (give or take a sliver).
                const double longest = kMaxArcSegmentDegrees + kArcSliverDegrees;
                for (const Piece& piece : pieces_of(p)) {
                    const double chord = vexil::distance(piece.p0, piece.p1) / (2 * r);
                    CHECK(2 * std::asin(std::min(1.0, chord)) * 180 / std::numbers::pi <= longest + 1e-6);
                }
                if (cuts == ArcCuts::Even) {
                    const auto pieces = static_cast<long>(pieces_of(p).size());
                    CHECK(pieces ==
                          std::max(1L, static_cast<long>(std::ceil((std::abs(sweep) - kArcSliverDegrees) /
                                                                   kMaxArcSegmentDegrees))));
                }
            }
    // The bound is tight: a 90° piece is the worst case, 2.7253e-4 of the radius.
    CHECK(worst_overall == Approx(2.7253e-4).epsilon(1e-3));
}

TEST_CASE("arc: tiny and full circles", "[geom][arc]") {
    SECTION("a full turn from any angle ends exactly where it began, in four pieces") {
        for (double start : {0.0, 17.25, -123.5}) {
            const Vec2 first = Vec2{1, 2} + 3 * vexil::heading(start);
            Path p;
            p.move_to(first);
            append_arc(p, {1, 2}, 3, start, start + 360);
            CHECK(p.current_point() == first);
            CHECK(pieces_of(p).size() == 4);
        }
    }
    SECTION("a tiny arc is one cubic hugging its chord") {
        Path p;
        p.move_to(vexil::heading(10));
        append_arc(p, {0, 0}, 1, 10, 10 + 1e-9);
        REQUIRE(pieces_of(p).size() == 1);
        CHECK(max_radial_error(p, Affine{}) <= 1e-15);
    }
    SECTION("a zero sweep appends nothing") {
        Path p;
        p.move_to({0, -1});
        append_arc(p, {0, 0}, 1, 0, 0);
        append_arc(p, {0, 0}, 1, 0, 0, ArcCuts::AtQuadrants);
        CHECK(p.verbs() == Verbs{M});
    }
}

TEST_CASE("arc: cuts at quadrants keep the control points inside the end points' box", "[geom][arc]") {
    for (double sweep : {170.0, -250.0, 400.0}) {
        Path p;
        p.move_to(vexil::heading(30));
        append_arc(p, {0, 0}, 1, 30, 30 + sweep, ArcCuts::AtQuadrants);
        for (const Piece& piece : pieces_of(p))
            for (Vec2 c : {piece.c1, piece.c2}) {
                CHECK(c.x >= std::min(piece.p0.x, piece.p1.x) - 1e-15);
                CHECK(c.x <= std::max(piece.p0.x, piece.p1.x) + 1e-15);
                CHECK(c.y >= std::min(piece.p0.y, piece.p1.y) - 1e-15);
                CHECK(c.y <= std::max(piece.p0.y, piece.p1.y) + 1e-15);
            }
    }
    // So the bounds of an arc through the right-hand side are the circle's true extent there.
    Path p;
    p.move_to(vexil::heading(30));
    append_arc(p, {0, 0}, 1, 30, 170, ArcCuts::AtQuadrants);
    CHECK(p.bounds().x + p.bounds().w == 1.0);
    // Evenly cut, the same arc is two pieces that straddle 90°, and its control points overshoot.
    Path even;
    even.move_to(vexil::heading(30));
    append_arc(even, {0, 0}, 1, 30, 170);
    CHECK(pieces_of(even).size() == 2);
    CHECK(even.bounds().x + even.bounds().w > 1.0);
}

TEST_CASE("arc: an ellipse frame, and an exact end point", "[geom][arc]") {
    // rx = 20, ry = 10, turned 30°, centred (50, 50); errors measured back on the unit circle.
    const Affine frame = Affine::scale(20, 10).then(Affine::rotate(30)).then(Affine::translate({50, 50}));
    const Affine back =
        Affine::translate({-50, -50}).then(Affine::rotate(-30)).then(Affine::scale(1.0 / 20, 1.0 / 10));
    for (double sweep : {45.0, 200.0, -300.0, 360.0}) {
        Path p;
        p.move_to(frame.apply(vexil::heading(-20)));
        const Vec2 end = frame.apply(vexil::heading(-20 + sweep));
        const Vec2 given{end.x + 1e-13, end.y};
        append_arc(p, frame, -20, -20 + sweep, ArcCuts::Even, given);
        CHECK(max_radial_error(p, back) <= kArcRadialTolerance * (1 + 1e-9));
        CHECK(p.current_point() == given);
    }
}

TEST_CASE("arc: non-finite angles and runaway sweeps are refused, appending nothing", "[geom][arc]") {
    Path p;
    p.move_to({0, -1});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(append_arc(p, {0, 0}, 1, 0, nan), std::invalid_argument);
    CHECK_THROWS_AS(append_arc(p, {0, 0}, 1, -inf, 0), std::invalid_argument);
    CHECK_THROWS_AS(append_arc(p, {0, 0}, 1, 0, 1e12), std::invalid_argument);
    CHECK_THROWS_AS(append_arc(p, {0, 0}, 1, 0, -1e12, ArcCuts::AtQuadrants), std::invalid_argument);
    CHECK(p.verbs() == Verbs{M});
    // One hundred turns is still an arc.
    append_arc(p, {0, 0}, 1, 0, vexil::geom::kMaxArcSweepDegrees);
    CHECK(pieces_of(p).size() == 400);
}
