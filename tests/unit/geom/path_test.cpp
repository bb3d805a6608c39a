// vexil::Path: building, arcs, reversal, bounds and signed area.

#include "geom/tolerance.h"
#include "vexil/geom.h"

#include "path_helpers.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

using vexil::Path;
using vexil::PathVerb;
using vexil::Vec2;

namespace {

using namespace vexil::test;

bool near(Vec2 a, Vec2 b, double margin = 1e-12) {
    return near_point(a, b, margin);
}

// The largest deviation of |p − centre| from r over 65 samples of each cubic, and checks that
// every cubic starts where the previous point ended.
double max_radial_error(const Path& p, Vec2 centre, double r) {
    double worst = 0;
    Vec2 cur{};
    std::size_t i = 0;
    for (PathVerb v : p.verbs()) {
        const auto& pts = p.points();
        if (v == M || v == L) {
            cur = pts[i++];
            worst = std::max(worst, std::abs(vexil::distance(cur, centre) - r));
        } else if (v == C) {
            for (int s = 0; s <= 64; ++s) {
                const Vec2 q = bezier(cur, pts[i], pts[i + 1], pts[i + 2], s / 64.0);
                worst = std::max(worst, std::abs(vexil::distance(q, centre) - r));
            }
            cur = pts[i + 2];
            i += 3;
        }
    }
    return worst;
}

Path square(double x, double y, double s) {
    Path p;
    p.move_to({x, y});
    p.line_to({x + s, y});
    p.line_to({x + s, y + s});
    p.line_to({x, y + s});
    p.close();
    return p;
}

} // namespace

TEST_CASE("building a path records verbs and points", "[geom][path]") {
    Path p;
    CHECK(p.empty());
    CHECK(p.current_point() == Vec2{0, 0});
    p.move_to({1, 2});
    p.line_to({3, 4});
    p.cubic_to({5, 6}, {7, 8}, {9, 10});
    CHECK(p.current_point() == Vec2{9, 10});
    p.close();
    CHECK(p.verbs() == Verbs{M, L, C, Z});
    CHECK(p.points() == std::vector<Vec2>{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}});
    // After a close the pen is back at the subpath's start.
    CHECK(p.current_point() == Vec2{1, 2});
}

TEST_CASE("close is a no-op without an open subpath", "[geom][path]") {
    Path p;
    p.close();
    CHECK(p.empty());
    p.move_to({1, 1});
    p.line_to({2, 1});
    p.close();
    p.close();
    CHECK(p.verbs() == Verbs{M, L, Z});
}

TEST_CASE("segments without an open subpath start from the current point", "[geom][path]") {
    SECTION("on an empty path: from the origin") {
        Path p;
        p.line_to({4, 0});
        CHECK(p.verbs() == Verbs{M, L});
        CHECK(p.points() == std::vector<Vec2>{{0, 0}, {4, 0}});
    }
    SECTION("after close: from the closed subpath's start") {
        Path p = square(2, 3, 1);
        p.cubic_to({5, 5}, {6, 6}, {7, 7});
        CHECK(p.verbs() == Verbs{M, L, L, L, Z, M, C});
        CHECK(p.points()[4] == Vec2{2, 3});
        CHECK(p.current_point() == Vec2{7, 7});
    }
    SECTION("move_to on an open subpath just starts another one") {
        Path p;
        p.move_to({0, 0});
        p.line_to({1, 0});
        p.move_to({5, 5});
        p.line_to({6, 5});
        CHECK(p.verbs() == Verbs{M, L, M, L});
        CHECK(p.current_point() == Vec2{6, 5});
    }
}

TEST_CASE("arc_to: quarter arc clockwise", "[geom][path][arc]") {
    const Vec2 c{10, 10};
    const double r = 5;
    Path p;
    p.arc_to(c, r, 0, 90);
    REQUIRE(p.verbs() == Verbs{M, C});
    const auto& pts = p.points();
    CHECK(pts[0] == Vec2{10, 5});  // top: heading(0) is up
    CHECK(pts[3] == Vec2{15, 10}); // right
    // Handles: tangent to the circle, length k·r with k = 4/3·tan(22.5°).
    const double k = 4.0 / 3.0 * std::tan(std::numbers::pi / 8);
    CHECK(near(pts[1], Vec2{10 + k * r, 5}));
    CHECK(near(pts[2], Vec2{15, 10 - k * r}));
    CHECK(max_radial_error(p, c, r) <= 3e-4 * r);
    // The midpoint of the piece lies on the circle (the k formula's defining property).
    CHECK(vexil::distance(bezier(pts[0], pts[1], pts[2], pts[3], 0.5), c) == Approx(r).margin(1e-12));
}

TEST_CASE("arc_to: direction, splitting and joining", "[geom][path][arc]") {
    SECTION("end < start goes anticlockwise") {
        Path p;
        p.arc_to({0, 0}, 1, 90, 0); // right → top through the upper-right quadrant
        const auto& pts = p.points();
        CHECK(pts[0] == Vec2{1, 0});
        CHECK(pts[3] == Vec2{0, -1});
        const Vec2 mid = bezier(pts[0], pts[1], pts[2], pts[3], 0.5);
        CHECK(near(mid, vexil::heading(45), 1e-12));
    }
    SECTION("pieces of at most 90 degrees") {
        auto cubics = [](double a, double b) {
            Path p;
            p.arc_to({0, 0}, 1, a, b);
            return std::count(p.verbs().begin(), p.verbs().end(), C);
        };
        CHECK(cubics(0, 45) == 1);
        CHECK(cubics(0, 90) == 1);
        CHECK(cubics(0, 100) == 2);
        CHECK(cubics(0, 360) == 4);
        CHECK(cubics(10, -350) == 4);
        CHECK(cubics(0, 0) == 0);
    }
    SECTION("a long arc stays on the circle and ends exactly") {
        Path p;
        p.arc_to({3, -4}, 7, -30, 250);
        CHECK(max_radial_error(p, {3, -4}, 7) <= 3e-4 * 7);
        CHECK(near(p.current_point(), Vec2{3, -4} + 7 * vexil::heading(250), 1e-12));
    }
    SECTION("continuing an open subpath starts with a line") {
        Path p;
        p.move_to({0, 0});
        p.arc_to({10, 10}, 5, 0, 90);
        CHECK(p.verbs() == Verbs{M, L, C});
        CHECK(p.points()[1] == Vec2{10, 5});
    }
    SECTION("after a close it starts with a move") {
        Path p = square(0, 0, 1);
        p.arc_to({10, 10}, 5, 180, 270);
        CHECK(p.verbs() == Verbs{M, L, L, L, Z, M, C});
        CHECK(p.points()[4] == Vec2{10, 15});
    }
    SECTION("non-finite arguments are refused") {
        Path p;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        CHECK_THROWS_AS(p.arc_to({0, 0}, nan, 0, 90), std::invalid_argument);
        CHECK_THROWS_AS(p.arc_to({0, 0}, 1, 0, std::numeric_limits<double>::infinity()),
                        std::invalid_argument);
        CHECK_THROWS_AS(p.arc_to({0, 0}, 1, 0, 1e12), std::invalid_argument);
        CHECK(p.empty());
    }
}

TEST_CASE("signed_area: positive clockwise on a y-down page", "[geom][path][area]") {
    // (0,0) → (1,0) → (1,1) → (0,1) runs right along the top then down: clockwise on screen.
    CHECK(square(0, 0, 1).signed_area() == Approx(1.0).margin(1e-15));
    CHECK(square(0, 0, 1).reversed().signed_area() == Approx(-1.0).margin(1e-15));
    // Far from the origin the relative shoelace keeps full precision.
    CHECK(square(1e6, -3e6, 2).signed_area() == Approx(4.0).margin(1e-9));

    Path tri;
    tri.move_to({0, 0});
    tri.line_to({4, 0});
    tri.line_to({0, 3}); // open: counted as closed
    CHECK(tri.signed_area() == Approx(6.0).margin(1e-15));

    // Subpaths add: a square with a reversed inner square is a frame.
    Path frame = square(0, 0, 10);
    frame.append(square(2, 2, 6).reversed());
    CHECK(frame.signed_area() == Approx(100.0 - 36.0).margin(1e-12));

    // Cubics are flattened: a full circle of four cubics.
    Path circle;
    circle.arc_to({5, 5}, 2, 0, 360);
    circle.close();
    const double exact = std::numbers::pi * 4;
    CHECK(circle.signed_area() == Approx(exact).epsilon(1e-3));
    CHECK(Path().signed_area() == 0.0);
}

TEST_CASE("reversed: each subpath backwards, closedness kept", "[geom][path]") {
    Path p;
    p.move_to({0, 0});
    p.line_to({1, 0});
    p.cubic_to({2, 0}, {3, 1}, {3, 2});
    p.close();
    p.move_to({10, 10});
    p.line_to({11, 12}); // open
    const Path r = p.reversed();
    CHECK(r.verbs() == Verbs{M, C, L, Z, M, L});
    CHECK(r.points() == std::vector<Vec2>{{3, 2}, {3, 1}, {2, 0}, {1, 0}, {0, 0}, {11, 12}, {10, 10}});
    // Reversing twice gives back the original exactly.
    const Path rr = r.reversed();
    CHECK(rr.verbs() == p.verbs());
    CHECK(rr.points() == p.points());
    CHECK(r.signed_area() == Approx(-p.signed_area()).margin(1e-12));
    CHECK(Path().reversed().empty());
}

TEST_CASE("bounds cover every point, control points included", "[geom][path]") {
    CHECK(Path().bounds().w == 0.0);
    Path p;
    p.move_to({1, 2});
    p.cubic_to({-3, 8}, {6, -1}, {4, 4});
    const vexil::Box b = p.bounds();
    CHECK(b.x == -3.0);
    CHECK(b.y == -1.0);
    CHECK(b.w == 9.0);
    CHECK(b.h == 9.0);
    CHECK(b.centre() == Vec2{1.5, 3.5});
}

TEST_CASE("transformed and append", "[geom][path]") {
    const Path s = square(0, 0, 2);
    const Path t = s.transformed(vexil::Affine::translate({5, 0}).then(vexil::Affine::scale(2, 1)));
    CHECK(t.verbs() == s.verbs());
    CHECK(t.points() == std::vector<Vec2>{{10, 0}, {14, 0}, {14, 2}, {10, 2}});
    CHECK(t.signed_area() == Approx(8.0).margin(1e-12));
    // A mirror turns clockwise into anticlockwise.
    CHECK(s.transformed(vexil::Affine::scale(-1, 1)).signed_area() == Approx(-4.0).margin(1e-12));

    Path a = square(0, 0, 1);
    a.append(a); // self-append is safe
    CHECK(a.verbs() == Verbs{M, L, L, L, Z, M, L, L, L, Z});
    CHECK(a.signed_area() == Approx(2.0).margin(1e-12));

    // Appending an open path leaves its subpath open for further segments.
    Path open;
    open.move_to({7, 7});
    Path b = square(0, 0, 1);
    b.append(open);
    b.line_to({8, 7});
    CHECK(b.verbs() == Verbs{M, L, L, L, Z, M, L});
}
