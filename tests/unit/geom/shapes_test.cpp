// Ready-made shapes: orientation, accuracy of circles, regular polygons and stars.

#include "vexil/geom.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

using vexil::Path;
using vexil::PathVerb;
using vexil::Vec2;

namespace {

using Verbs = std::vector<PathVerb>;

bool near(Vec2 a, Vec2 b, double margin = 1e-12) {
    return std::abs(a.x - b.x) <= margin && std::abs(a.y - b.y) <= margin;
}

Vec2 bezier(Vec2 p0, Vec2 c1, Vec2 c2, Vec2 p1, double t) {
    const double u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p1;
}

// Every on-curve point plus 63 interior samples per cubic (mid-curve included).
std::vector<Vec2> samples(const Path& p) {
    std::vector<Vec2> out;
    Vec2 cur{};
    std::size_t i = 0;
    const auto& pts = p.points();
    for (PathVerb v : p.verbs()) {
        if (v == PathVerb::Move || v == PathVerb::Line) {
            cur = pts[i++];
            out.push_back(cur);
        } else if (v == PathVerb::Cubic) {
            for (int s = 1; s <= 64; ++s)
                out.push_back(bezier(cur, pts[i], pts[i + 1], pts[i + 2], s / 64.0));
            cur = pts[i + 2];
            i += 3;
        }
    }
    return out;
}

// Distance from p to the infinite line through a and b.
double line_distance(Vec2 p, Vec2 a, Vec2 b) {
    return std::abs(vexil::cross(b - a, p - a)) / vexil::distance(a, b);
}

} // namespace

TEST_CASE("rect_path is a clockwise closed rectangle", "[geom][shapes]") {
    const Path p = vexil::rect_path({2, 3, 10, 4});
    CHECK(p.verbs() ==
          Verbs{PathVerb::Move, PathVerb::Line, PathVerb::Line, PathVerb::Line, PathVerb::Close});
    CHECK(p.points() == std::vector<Vec2>{{2, 3}, {12, 3}, {12, 7}, {2, 7}});
    CHECK(p.signed_area() == Approx(40.0).margin(1e-12));
    // A negative size is normalised rather than turning the outline anticlockwise.
    const Path n = vexil::rect_path({12, 7, -10, -4});
    CHECK(n.points() == p.points());
    CHECK(n.signed_area() == Approx(40.0).margin(1e-12));
}

TEST_CASE("polygon_path keeps the given vertex order", "[geom][shapes]") {
    const std::vector<Vec2> cw{{0, 0}, {4, 0}, {4, 3}};
    const std::vector<Vec2> acw{{0, 0}, {4, 3}, {4, 0}};
    CHECK(vexil::polygon_path(cw).signed_area() == Approx(6.0).margin(1e-12));
    CHECK(vexil::polygon_path(acw).signed_area() == Approx(-6.0).margin(1e-12));
    CHECK(vexil::polygon_path(acw).points() == acw);
    CHECK(vexil::polygon_path(cw).verbs().back() == PathVerb::Close);
    CHECK(vexil::polygon_path({}).empty());
}

TEST_CASE("circle_path is accurate and clockwise", "[geom][shapes][circle]") {
    for (double r : {0.5, 1.0, 37.0, 1000.0}) {
        INFO("r = " << r);
        const Vec2 c{r * 0.3, -2 * r};
        const Path p = vexil::circle_path(c, r);
        CHECK(p.verbs() == Verbs{PathVerb::Move, PathVerb::Cubic, PathVerb::Cubic, PathVerb::Cubic,
                                 PathVerb::Cubic, PathVerb::Close});
        CHECK(p.points().front() == c + r * vexil::heading(0)); // starts at the top
        CHECK(p.points().back() == p.points().front());         // ends exactly where it began
        // Second on-curve point is to the right: clockwise on the page.
        CHECK(near(p.points()[3], c + Vec2{r, 0}, 1e-12 * r));
        const double area = std::numbers::pi * r * r;
        CHECK(p.signed_area() == Approx(area).epsilon(1e-3));
        for (Vec2 s : samples(p))
            CHECK(vexil::distance(s, c) == Approx(r).margin(3e-4 * r));
        const vexil::Box b = p.bounds();
        CHECK(b.x == Approx(c.x - r).margin(1e-9 * r));
        CHECK(b.w == Approx(2 * r).margin(1e-9 * r));
    }
}

TEST_CASE("ellipse_path follows x²/rx² + y²/ry² = 1", "[geom][shapes][circle]") {
    const Vec2 c{10, 20};
    const double rx = 8, ry = 3;
    const Path p = vexil::ellipse_path(c, rx, ry);
    CHECK(p.signed_area() == Approx(std::numbers::pi * rx * ry).epsilon(1e-3));
    CHECK(p.points().front() == Vec2{10, 17});
    for (Vec2 s : samples(p)) {
        const double dx = (s.x - c.x) / rx, dy = (s.y - c.y) / ry;
        CHECK(std::sqrt(dx * dx + dy * dy) == Approx(1.0).margin(3e-4));
    }
    // Negative radii do not flip the orientation.
    CHECK(vexil::ellipse_path(c, -rx, ry).signed_area() == Approx(std::numbers::pi * rx * ry).epsilon(1e-3));
}

TEST_CASE("annulus_path: outer clockwise, inner anticlockwise", "[geom][shapes][circle]") {
    const Path p = vexil::annulus_path({0, 0}, 2, 5);
    CHECK(std::count(p.verbs().begin(), p.verbs().end(), PathVerb::Move) == 2);
    CHECK(p.signed_area() == Approx(std::numbers::pi * (25 - 4)).epsilon(1e-3));
    // The second subpath (the hole) on its own is anticlockwise.
    Path inner;
    bool second = false;
    std::size_t i = 0;
    for (PathVerb v : p.verbs()) {
        if (v == PathVerb::Move && i > 0) second = true;
        if (second) {
            if (v == PathVerb::Move) inner.move_to(p.points()[i]);
            if (v == PathVerb::Cubic) inner.cubic_to(p.points()[i], p.points()[i + 1], p.points()[i + 2]);
            if (v == PathVerb::Close) inner.close();
        }
        i += v == PathVerb::Cubic ? 3 : (v == PathVerb::Close ? 0 : 1);
    }
    CHECK(inner.signed_area() == Approx(-std::numbers::pi * 4).epsilon(1e-3));
    // Radii given the wrong way round still make the same ring.
    CHECK(vexil::annulus_path({0, 0}, 5, 2).signed_area() == Approx(p.signed_area()).epsilon(1e-12));
}

TEST_CASE("regular_polygon: first vertex at the rotation, then clockwise", "[geom][shapes]") {
    const auto sq = vexil::regular_polygon({0, 0}, 2, 4);
    REQUIRE(sq.size() == 4);
    CHECK(sq[0] == Vec2{0, -2}); // top
    CHECK(sq[1] == Vec2{2, 0});  // right: clockwise
    CHECK(sq[2] == Vec2{0, 2});
    CHECK(sq[3] == Vec2{-2, 0});

    const Vec2 c{5, 5};
    const auto hex = vexil::regular_polygon(c, 10, 6, 30);
    REQUIRE(hex.size() == 6);
    CHECK(near(hex[0], c + 10 * vexil::heading(30)));
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(vexil::distance(hex[i], c) == Approx(10).margin(1e-12));
        // A regular hexagon's side equals its circumradius.
        CHECK(vexil::distance(hex[i], hex[(i + 1) % 6]) == Approx(10).margin(1e-12));
    }
    CHECK(vexil::polygon_path(hex).signed_area() == Approx(1.5 * std::sqrt(3.0) * 100).margin(1e-9));
    CHECK_THROWS_AS(vexil::regular_polygon(c, 1, 2), std::invalid_argument);
}

TEST_CASE("star_inner_ratio of {n/k}", "[geom][shapes][star]") {
    CHECK(vexil::star_inner_ratio(5, 2) == Approx((3 - std::sqrt(5.0)) / 2).margin(1e-15)); // 0.381966…
    CHECK(vexil::star_inner_ratio(5, 2) == Approx(0.381966).margin(1e-6));
    CHECK(vexil::star_inner_ratio(6, 2) == Approx(1 / std::sqrt(3.0)).margin(1e-15)); // Star of David
    CHECK(vexil::star_inner_ratio(8, 3) < vexil::star_inner_ratio(8, 2));             // deeper step, thinner
    CHECK_THROWS_AS(vexil::star_inner_ratio(5, 1), std::invalid_argument);
    CHECK_THROWS_AS(vexil::star_inner_ratio(6, 3), std::invalid_argument);
    CHECK_THROWS_AS(vexil::star_inner_ratio(5, 3), std::invalid_argument);
    CHECK_THROWS_AS(vexil::star_inner_ratio(4, 2), std::invalid_argument);
}

TEST_CASE("star_vertices alternate outer and inner, clockwise", "[geom][shapes][star]") {
    const Vec2 c{50, 40};
    const auto v = vexil::star_vertices(c, 10, 4, 5, 18);
    REQUIRE(v.size() == 10);
    for (std::size_t i = 0; i < v.size(); ++i) {
        INFO("vertex " << i);
        const double r = i % 2 == 0 ? 10 : 4;
        CHECK(vexil::distance(v[i], c) == Approx(r).margin(1e-12));
        // Evenly spaced at 36°, starting at the rotation, clockwise.
        CHECK(near(v[i], c + r * vexil::heading(18 + 36.0 * i)));
    }
    CHECK(vexil::polygon_path(v).signed_area() > 0);
    CHECK_THROWS_AS(vexil::star_vertices(c, 1, 0.5, 1), std::invalid_argument);
}

TEST_CASE("inner vertices lie exactly where the star's sides cross", "[geom][shapes][star]") {
    // For {n/k}, the inner vertex between outer vertices i and i+1 lies on the sides
    // outer(i) → outer(i+k) and outer(i+1) → outer(i+1−k).
    for (const auto& star : {std::pair{5, 2}, {6, 2}, {7, 2}, {7, 3}, {8, 3}, {12, 5}}) {
        // Not a structured binding: the lambda below captures n, which clang 14 cannot do with one.
        const int n = star.first, k = star.second;
        INFO("{" << n << "/" << k << "}");
        const double R = 100;
        const Vec2 c{3, 4};
        const auto v = vexil::star_vertices(c, R, R * vexil::star_inner_ratio(n, k), n, 0);
        auto outer = [&](int i) { return v[static_cast<std::size_t>(2 * (((i % n) + n) % n))]; };
        for (int i = 0; i < n; ++i) {
            const Vec2 inner = v[static_cast<std::size_t>(2 * i + 1)];
            CHECK(line_distance(inner, outer(i), outer(i + k)) == Approx(0).margin(1e-12 * R));
            CHECK(line_distance(inner, outer(i + 1), outer(i + 1 - k)) == Approx(0).margin(1e-12 * R));
        }
    }
}
