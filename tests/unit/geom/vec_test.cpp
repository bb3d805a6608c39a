// Vec2 helpers, headings and affine transforms (y-down page, angles clockwise from up).

#include "vexil/geom.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using vexil::Affine;
using vexil::Vec2;

namespace {

// Component-wise comparison with an absolute margin, for values of order 1..100.
bool near(Vec2 a, Vec2 b, double margin = 1e-12) {
    return std::abs(a.x - b.x) <= margin && std::abs(a.y - b.y) <= margin;
}

} // namespace

TEST_CASE("vector arithmetic helpers", "[geom][vec]") {
    const Vec2 a{3, 4};
    const Vec2 b{-2, 5};
    CHECK(vexil::dot(a, b) == 14.0);
    CHECK(vexil::cross(a, b) == 23.0); // 3·5 − 4·(−2)
    CHECK(vexil::cross(b, a) == -23.0);
    CHECK(vexil::length(a) == 5.0);
    CHECK(vexil::distance(a, Vec2{0, 0}) == 5.0);
    CHECK(vexil::distance(Vec2{1, 1}, Vec2{4, 5}) == 5.0);
    CHECK(a + b == Vec2{1, 9});
    CHECK(a - b == Vec2{5, -1});
    CHECK(-a == Vec2{-3, -4});
    CHECK(a * 2.0 == Vec2{6, 8});
    CHECK(0.5 * a == Vec2{1.5, 2});

    const Vec2 n = vexil::normalized(a);
    CHECK(n.x == Approx(0.6).margin(1e-15));
    CHECK(n.y == Approx(0.8).margin(1e-15));
    // A zero vector has no direction: it comes back unchanged, never NaN.
    CHECK(vexil::normalized(Vec2{0, 0}) == Vec2{0, 0});
    // hypot: no overflow for huge components.
    CHECK(vexil::length(Vec2{3e200, 4e200}) == Approx(5e200).epsilon(1e-15));
}

TEST_CASE("heading: clockwise from up on a y-down page, exact at right angles", "[geom][vec]") {
    CHECK(vexil::heading(0) == Vec2{0, -1});
    CHECK(vexil::heading(90) == Vec2{1, 0});
    CHECK(vexil::heading(180) == Vec2{0, 1});
    CHECK(vexil::heading(270) == Vec2{-1, 0});
    CHECK(vexil::heading(-90) == Vec2{-1, 0});
    CHECK(vexil::heading(360) == Vec2{0, -1});
    CHECK(vexil::heading(450) == Vec2{1, 0});

    const Vec2 h45 = vexil::heading(45);
    CHECK(h45.x == Approx(std::sqrt(0.5)).margin(1e-15));
    CHECK(h45.y == Approx(-std::sqrt(0.5)).margin(1e-15));
    const Vec2 h30 = vexil::heading(30);
    CHECK(h30.x == Approx(0.5).margin(1e-15));
    CHECK(h30.y == Approx(-std::sqrt(3.0) / 2).margin(1e-15));
    CHECK(vexil::length(vexil::heading(123.4)) == Approx(1.0).margin(1e-15));
}

TEST_CASE("heading_of inverts heading, into the range -180 exclusive to 180 inclusive", "[geom][vec]") {
    CHECK(vexil::heading_of(Vec2{0, -1}) == 0.0);
    CHECK(vexil::heading_of(Vec2{1, 0}) == 90.0);
    CHECK(vexil::heading_of(Vec2{0, 1}) == 180.0);
    CHECK(vexil::heading_of(Vec2{-0.0, 1}) == 180.0); // never -180
    CHECK(vexil::heading_of(Vec2{-1, 0}) == -90.0);
    CHECK(vexil::heading_of(Vec2{0, 0}) == 0.0);
    CHECK(vexil::heading_of(Vec2{2, -2}) == Approx(45).margin(1e-12));
    CHECK(vexil::heading_of(Vec2{-5, 5}) == Approx(-135).margin(1e-12));
    for (double deg : {-179.5, -120.0, -33.3, 0.1, 12.0, 89.9, 135.0, 179.9}) {
        INFO("deg = " << deg);
        CHECK(vexil::heading_of(vexil::heading(deg) * 7.5) == Approx(deg).margin(1e-10));
    }
}

TEST_CASE("affine basics: translate, scale, apply, determinant", "[geom][affine]") {
    const Affine id;
    CHECK(id.apply(Vec2{3, -7}) == Vec2{3, -7});
    CHECK(id.determinant() == 1.0);

    CHECK(Affine::translate({10, -2}).apply(Vec2{1, 1}) == Vec2{11, -1});
    CHECK(Affine::scale(2, 3).apply(Vec2{1, 1}) == Vec2{2, 3});
    CHECK(Affine::scale(2, 3).determinant() == 6.0);
    CHECK(Affine::scale(-1, 1).determinant() == -1.0); // a mirror flips orientation

    // The six numbers mean x' = a x + c y + e, y' = b x + d y + f.
    const Affine m{1, 2, 3, 4, 5, 6};
    CHECK(m.apply(Vec2{10, 100}) == Vec2{1 * 10 + 3 * 100 + 5, 2 * 10 + 4 * 100 + 6});
    CHECK(m.determinant() == -2.0);
}

TEST_CASE("Affine::rotate is clockwise on the page", "[geom][affine]") {
    // Up, turned a quarter clockwise, points right — exactly.
    CHECK(Affine::rotate(90).apply(Vec2{0, -1}) == Vec2{1, 0});
    CHECK(Affine::rotate(90).apply(Vec2{1, 0}) == Vec2{0, 1});
    CHECK(Affine::rotate(180).apply(Vec2{2, 3}) == Vec2{-2, -3});
    CHECK(Affine::rotate(-90).apply(Vec2{0, -1}) == Vec2{-1, 0});

    // Rotating heading(a) by b gives heading(a + b).
    for (double a : {0.0, 17.0, 200.0}) {
        for (double b : {-75.0, 30.0, 123.0}) {
            INFO("a = " << a << ", b = " << b);
            CHECK(near(Affine::rotate(b).apply(vexil::heading(a)), vexil::heading(a + b), 1e-14));
        }
    }

    // About a centre: the centre is fixed and other points turn around it.
    const Vec2 c{10, 20};
    CHECK(Affine::rotate(90, c).apply(c) == c);
    CHECK(near(Affine::rotate(90, c).apply(Vec2{10, 15}), Vec2{15, 20}));
    CHECK(near(Affine::rotate(30, c).apply(c + vexil::heading(0) * 4), c + vexil::heading(30) * 4, 1e-12));
    CHECK(Affine::rotate(37, c).determinant() == Approx(1.0).margin(1e-15));
}

TEST_CASE("then() applies the receiver first", "[geom][affine]") {
    const Affine t = Affine::translate({10, 0});
    const Affine s = Affine::scale(2, 2);
    // Translate then scale: (1,1) → (11,1) → (22,2).
    CHECK(t.then(s).apply(Vec2{1, 1}) == Vec2{22, 2});
    // Scale then translate: (1,1) → (2,2) → (12,2).
    CHECK(s.then(t).apply(Vec2{1, 1}) == Vec2{12, 2});

    // Rotate then translate vs translate then rotate.
    const Affine r = Affine::rotate(90);
    CHECK(r.then(t).apply(Vec2{0, -1}) == Vec2{11, 0});
    CHECK(near(t.then(r).apply(Vec2{0, -1}), Vec2{1, 10}));

    // Composition agrees with applying one after the other for a general pair.
    const Affine m{1.5, -0.25, 0.75, 2, 3, -4};
    const Affine n{0.5, 1, -2, 0.125, -1, 7};
    for (Vec2 p : {Vec2{0, 0}, Vec2{1, 2}, Vec2{-3.5, 8}}) {
        CHECK(near(m.then(n).apply(p), n.apply(m.apply(p))));
        CHECK(near(n.then(m).apply(p), m.apply(n.apply(p))));
    }
    CHECK(m.then(n).determinant() == Approx(m.determinant() * n.determinant()).epsilon(1e-14));

    // Rotations add up, and a rotation undoes its opposite.
    CHECK(near(Affine::rotate(20).then(Affine::rotate(25)).apply(Vec2{0, -1}), vexil::heading(45), 1e-15));
    const Affine back = Affine::rotate(33, {4, 5}).then(Affine::rotate(-33, {4, 5}));
    CHECK(near(back.apply(Vec2{7, -2}), Vec2{7, -2}, 1e-13));
}

TEST_CASE("non-finite inputs stay contained in their own results", "[geom][vec]") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(std::isinf(vexil::length(Vec2{inf, 0})));
    CHECK(Affine::translate({1, 1}).apply(Vec2{0, 0}) == Vec2{1, 1});
}
