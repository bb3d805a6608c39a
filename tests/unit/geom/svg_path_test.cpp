// SVG path data parsing: every command, implicit repeats, number packing, arcs (SVG 1.1 F.6) and
// errors with byte offsets. Also a fuzz pass: no input may crash, hang or produce non-finite points.

#include "geom/svg_path.h"

#include "path_helpers.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

using vexil::Path;
using vexil::PathVerb;
using vexil::Vec2;
using vexil::geom::parse_svg_path;

namespace {

using namespace vexil::test;

bool near(Vec2 a, Vec2 b, double margin = 1e-9) {
    return near_point(a, b, margin);
}

Path parse_ok(const std::string& d) {
    const auto r = parse_svg_path(d);
    INFO("d = \"" << d << "\": " << r.error << " at " << r.error_offset);
    REQUIRE(r.ok);
    return r.path;
}

std::vector<Vec2> pts(const Path& p) {
    return p.points();
}

// Samples of every cubic (including its ends and middle), for on-curve checks.
std::vector<Vec2> cubic_samples(const Path& p) {
    std::vector<Vec2> out;
    Vec2 cur{};
    std::size_t i = 0;
    const auto& q = p.points();
    for (PathVerb v : p.verbs()) {
        if (v == M || v == L) {
            cur = q[i++];
        } else if (v == C) {
            for (int s = 0; s <= 32; ++s)
                out.push_back(bezier(cur, q[i], q[i + 1], q[i + 2], s / 32.0));
            cur = q[i + 2];
            i += 3;
        }
    }
    return out;
}

} // namespace

TEST_CASE("svg: lines, moves and close", "[geom][svg]") {
    const Path p = parse_ok("M 10 20 L 30 20 L 30 40 Z");
    CHECK(p.verbs() == Verbs{M, L, L, Z});
    CHECK(pts(p) == std::vector<Vec2>{{10, 20}, {30, 20}, {30, 40}});

    // H/V and their relative forms.
    CHECK(pts(parse_ok("M1 2 H5 V7 h-1 v-2")) == std::vector<Vec2>{{1, 2}, {5, 2}, {5, 7}, {4, 7}, {4, 5}});
    // Relative l and m; a leading m is relative to the origin.
    CHECK(pts(parse_ok("m1 2 l3 4 m10 0 l1 1")) == std::vector<Vec2>{{1, 2}, {4, 6}, {14, 6}, {15, 7}});
    CHECK(parse_ok("m1 2 l3 4 m10 0 l1 1").verbs() == Verbs{M, L, M, L});
}

TEST_CASE("svg: implicit repeats and lines after a move", "[geom][svg]") {
    CHECK(pts(parse_ok("M0 0 L1 1 2 2 3 3")) == std::vector<Vec2>{{0, 0}, {1, 1}, {2, 2}, {3, 3}});
    // After M further pairs are absolute lines; after m relative ones.
    const Path a = parse_ok("M1 1 2 2 3 3");
    CHECK(a.verbs() == Verbs{M, L, L});
    CHECK(pts(a) == std::vector<Vec2>{{1, 1}, {2, 2}, {3, 3}});
    CHECK(pts(parse_ok("m1 1 2 2 3 3")) == std::vector<Vec2>{{1, 1}, {3, 3}, {6, 6}});
    CHECK(pts(parse_ok("M0 0h1 2 3")) == std::vector<Vec2>{{0, 0}, {1, 0}, {3, 0}, {6, 0}});
    // Commas between and within groups.
    CHECK(pts(parse_ok("M1,2,3,4 , 5,6")) == std::vector<Vec2>{{1, 2}, {3, 4}, {5, 6}});
}

TEST_CASE("svg: packed numbers", "[geom][svg]") {
    CHECK(pts(parse_ok("M1-2.5.5.25")) == std::vector<Vec2>{{1, -2.5}, {0.5, 0.25}});
    CHECK(pts(parse_ok("M1e-3,2E2L-.5-1.5e+1")) == std::vector<Vec2>{{1e-3, 200}, {-0.5, -15}});
    CHECK(pts(parse_ok("M+1 2.L3.-4")) == std::vector<Vec2>{{1, 2}, {3, -4}});
    CHECK(pts(parse_ok("\t\r\nM0\n0\tL\r1 1  ")) == std::vector<Vec2>{{0, 0}, {1, 1}});
    // Tiny exponents underflow harmlessly to zero.
    CHECK(pts(parse_ok("M1e-400 -1e-400")) == std::vector<Vec2>{{0, 0}});
}

TEST_CASE("svg: cubic curves and smooth reflection", "[geom][svg]") {
    const Path c = parse_ok("M0 0 C 1 2 3 4 5 6 c 1 1 2 2 3 3");
    CHECK(c.verbs() == Verbs{M, C, C});
    CHECK(pts(c) == std::vector<Vec2>{{0, 0}, {1, 2}, {3, 4}, {5, 6}, {6, 7}, {7, 8}, {8, 9}});

    // S reflects the previous second control point through the current point.
    const Path s = parse_ok("M0 0 C 0 -10 10 -10 10 0 S 20 10 20 0");
    CHECK(pts(s)[4] == Vec2{10, 10});
    CHECK(pts(s)[5] == Vec2{20, 10});
    // Relative s, chained after another s.
    const Path ss = parse_ok("M0 0 C 0 -10 10 -10 10 0 s 10 10 10 0 s 10 -10 10 0");
    CHECK(pts(ss)[4] == Vec2{10, 10});
    CHECK(pts(ss)[7] == Vec2{20, -10}); // reflection of (20,10) through (20,0)
    CHECK(pts(ss)[9] == Vec2{30, 0});
    // Without a preceding C/S the first control point is the current point.
    CHECK(pts(parse_ok("M1 1 L 5 5 S 8 8 9 9"))[2] == Vec2{5, 5});
    CHECK(pts(parse_ok("M1 1 Q 3 3 5 5 S 8 8 9 9"))[4] == Vec2{5, 5});
}

TEST_CASE("svg: quadratics become exact cubics, T reflects", "[geom][svg]") {
    const Path q = parse_ok("M0 0 Q 10 20 20 0");
    REQUIRE(q.verbs() == Verbs{M, C});
    const auto& p = q.points();
    CHECK(near(p[1], Vec2{20.0 / 3, 40.0 / 3}, 1e-12));
    CHECK(near(p[2], Vec2{40.0 / 3, 40.0 / 3}, 1e-12));
    // Same curve: compare with the quadratic's formula at several t.
    for (double t : {0.1, 0.5, 0.77}) {
        const Vec2 quad =
            (1 - t) * (1 - t) * Vec2{0, 0} + 2 * t * (1 - t) * Vec2{10, 20} + t * t * Vec2{20, 0};
        CHECK(near(bezier(p[0], p[1], p[2], p[3], t), quad, 1e-12));
    }
    // T: the control point (10,20) reflected through (20,0) is (30,-20).
    const Path t = parse_ok("M0 0 Q 10 20 20 0 T 40 0");
    CHECK(near(t.points()[4], Vec2{20, 0} + (2.0 / 3) * (Vec2{30, -20} - Vec2{20, 0}), 1e-12));
    // Relative q/t, and T after a non-quadratic uses the current point (a straight segment).
    const Path rel = parse_ok("m0 0 q 10 20 20 0 t 20 0");
    CHECK(near(rel.points()[4], t.points()[4], 1e-12));
    const Path flat = parse_ok("M0 0 L 10 0 T 20 0");
    CHECK(near(flat.points()[2], Vec2{10, 0}, 1e-12));
    CHECK(near(flat.points()[3], Vec2{40.0 / 3, 0}, 1e-12));
}

TEST_CASE("svg: circular arcs match the circle", "[geom][svg][arc]") {
    // A quarter of the circle centred (10,10), r = 10: from the top (10,0) clockwise to (20,10).
    const Path a = parse_ok("M 10 0 A 10 10 0 0 1 20 10");
    REQUIRE(a.verbs() == Verbs{M, C});
    const Path reference = [] {
        Path p;
        p.arc_to({10, 10}, 10, 0, 90);
        return p;
    }();
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(near(a.points()[i], reference.points()[i], 1e-9));
    for (Vec2 s : cubic_samples(a))
        CHECK(vexil::distance(s, {10, 10}) == Approx(10).margin(3e-3));

    // Sweep 0 goes the other way round the other centre: through the upper-left region.
    const Path b = parse_ok("M 10 0 A 10 10 0 0 0 20 10");
    const Vec2 mid_b = bezier(b.points()[0], b.points()[1], b.points()[2], b.points()[3], 0.5);
    CHECK(vexil::distance(mid_b, {20, 0}) == Approx(10).margin(3e-3));

    // Large-arc picks the 270° way round: three cubics, all samples on the circle about (10,10)
    // for (large, sweep) = (1, 0).
    const Path big = parse_ok("M 10 0 A 10 10 0 1 0 20 10");
    CHECK(std::count(big.verbs().begin(), big.verbs().end(), C) == 3);
    for (Vec2 s : cubic_samples(big))
        CHECK(vexil::distance(s, {10, 10}) == Approx(10).margin(3e-3));

    // Two half arcs make a circle with the area and orientation of circle_path.
    const Path full = parse_ok("M 0 -5 A 5 5 0 0 1 0 5 A 5 5 0 0 1 0 -5 Z");
    CHECK(full.signed_area() == Approx(std::numbers::pi * 25).epsilon(1e-3));
    CHECK(full.signed_area() == Approx(vexil::circle_path({0, 0}, 5).signed_area()).epsilon(1e-6));
}

TEST_CASE("svg: arc edge cases from SVG 1.1 F.6", "[geom][svg][arc]") {
    SECTION("radii too small are scaled up to a half ellipse") {
        const Path p = parse_ok("M 0 0 A 1 1 0 0 1 10 0");
        for (Vec2 s : cubic_samples(p))
            CHECK(vexil::distance(s, {5, 0}) == Approx(5).margin(5e-3));
        // sweep = 1 is clockwise on the page: from the left end over the top.
        const Vec2 mid = p.points()[3];
        CHECK(near(mid, Vec2{5, -5}, 1e-9));
        CHECK(p.points().back() == Vec2{10, 0});
    }
    SECTION("zero radius is a straight line") {
        CHECK(parse_ok("M0 0 A 0 5 0 0 1 10 10").verbs() == Verbs{M, L});
        CHECK(pts(parse_ok("M0 0 a 5 0 0 0 1 10 10")) == std::vector<Vec2>{{0, 0}, {10, 10}});
    }
    SECTION("identical endpoints omit the arc") {
        CHECK(parse_ok("M3 4 A 5 5 0 1 1 3 4").verbs() == Verbs{M});
    }
    SECTION("negative radii count as positive") {
        CHECK(pts(parse_ok("M 10 0 A -10 -10 0 0 1 20 10")) == pts(parse_ok("M 10 0 A 10 10 0 0 1 20 10")));
    }
    SECTION("packed flags and relative endpoint") {
        const Path p = parse_ok("M0 0a1 1 0 00 1 1");
        CHECK(p.points().back() == Vec2{1, 1});
        // Flags 0,0: anticlockwise about (1,0), leaving (0,0) downwards.
        for (Vec2 s : cubic_samples(p))
            CHECK(vexil::distance(s, {1, 0}) == Approx(1).margin(3e-4));
        CHECK(pts(parse_ok("M0 0a1,1,0,0,0,1,1")) == pts(p));
        CHECK(pts(parse_ok("M0 0a1 1 0 001,1")) == pts(p));
        // "0011" is two flags then the single number 11: the y coordinate is missing.
        CHECK_FALSE(parse_svg_path("M0 0a1 1 0 0011").ok);
    }
    SECTION("extreme radii and distances stay finite") {
        // Radii far larger than the chord: the small arc is indistinguishable from a line.
        CHECK(parse_ok("M0 0 A 1e300 1e300 0 0 1 1 0").verbs() == Verbs{M, L});
        // The large arc on such radii is a huge circle, still finite.
        const Path huge = parse_ok("M0 0 A 1e300 1e300 0 1 1 1 0");
        for (Vec2 q : huge.points())
            CHECK((std::isfinite(q.x) && std::isfinite(q.y)));
        // Endpoints at opposite ends of the double range: scaled up without overflowing Λ.
        const Path far = parse_ok("M -1e308 0 A 1 1 0 0 1 1e308 0");
        CHECK(far.points().back() == Vec2{1e308, 0});
        CHECK(far.points()[3].y == Approx(-1e308).epsilon(1e-12)); // over the top: sweep = 1
        // Denormal radii cannot be scaled into range: an error, not a NaN.
        CHECK_FALSE(parse_svg_path("M0 0 A 1e-320 1 0 0 1 1e308 0").ok);
    }
    SECTION("a rotated ellipse stays on its ellipse") {
        // Ellipse rx = 20, ry = 10 with its x axis at 30°, centred (50,50); arc between two of its
        // points (parametric angles 20° and 160°).
        const double phi = 30 * std::numbers::pi / 180;
        auto on_ellipse = [&](double t) {
            const double x = 20 * std::cos(t), y = 10 * std::sin(t);
            return Vec2{50 + x * std::cos(phi) - y * std::sin(phi),
                        50 + x * std::sin(phi) + y * std::cos(phi)};
        };
        const Vec2 a = on_ellipse(20 * std::numbers::pi / 180);
        const Vec2 b = on_ellipse(160 * std::numbers::pi / 180);
        std::string d = "M"; // appended piece by piece: `"M" + std::string` trips GCC 12 -Wrestrict
        d.append(std::to_string(a.x)).append(" ").append(std::to_string(a.y)).append(" A20 10 30 0 1 ");
        d.append(std::to_string(b.x)).append(" ").append(std::to_string(b.y));
        const Path p = parse_ok(d);
        for (Vec2 s : cubic_samples(p)) {
            const Vec2 rel = vexil::Affine::rotate(-30).apply(s - Vec2{50, 50});
            const double e = std::hypot(rel.x / 20, rel.y / 10);
            CHECK(e == Approx(1).margin(1e-3));
        }
    }
}

TEST_CASE("svg: close returns to the subpath start", "[geom][svg]") {
    const Path p = parse_ok("M 10 10 l 5 0 z l 0 5 m 1 1 l 1 0");
    CHECK(p.verbs() == Verbs{M, L, Z, M, L, M, L});
    // After z, relative coordinates are from the subpath start (10,10).
    CHECK(pts(p) == std::vector<Vec2>{{10, 10}, {15, 10}, {10, 10}, {10, 15}, {11, 16}, {12, 16}});
    CHECK(parse_ok("M0 0 L1 0 L1 1 Z z").verbs() == Verbs{M, L, L, Z});
}

TEST_CASE("svg: errors carry a byte offset and a message", "[geom][svg][errors]") {
    struct Bad {
        const char* d;
        std::size_t offset;
        const char* message; // a substring of the expected message
    };
    const std::vector<Bad> cases{
        {"", 0, "empty path data"},
        {"   \n\t", 0, "empty path data"},
        {"L 1 2", 0, "must start with a move command"},
        {"  5 5", 2, "must start with a move command"},
        {"M 0 0 X 1 2", 6, "unknown path command 'X'"},
        {"M 0 0 L", 7, "expected a number after 'L'"},
        {"M 0 0 L 1", 9, "expected a number after 'L'"},
        {"M 0 0 L 1 x", 10, "expected a number after 'L', found 'x'"},
        {"M 0 0 L 1 2 x", 12, "unknown path command 'x'"},
        {"M 0 0 L 1 2 3", 13, "expected a number after 'L'"},
        {"M 0 0 L 1,,2", 10, "expected a number after 'L'"},
        {"M 0 0 L 1 2,", 12, "expected a number after ','"},
        {"M,0 0", 1, "expected a number after 'M'"},
        {"M 0 0 Z 3", 8, "unexpected number after 'Z'"},
        {"M 0 0 1e", 7, "exponent"},
        {"M 0 0 L - 1", 8, "malformed number"},
        {"M 0 0 L . 1", 8, "malformed number"},
        {"M 0 0 A 1 1 0 2 1 5 5", 14, "expected an arc flag (0 or 1) after 'A'"},
        {"M 0 0 a 1 1 0 0", 15, "expected an arc flag (0 or 1) after 'a'"},
        {"M 1e999 0", 2, "number out of range"},
        {"M 0 0 L nan 0", 8, "expected a number after 'L'"},
        {"M 0 0 L inf 0", 8, "expected a number after 'L'"},
        {"M 1e308 0 l 1e308 0", 12, "out of range"},
        {"M 0 0 \x01", 6, "byte 0x01"},
    };
    for (const Bad& bad : cases) {
        INFO("d = \"" << bad.d << "\"");
        const auto r = parse_svg_path(bad.d);
        CHECK_FALSE(r.ok);
        CHECK(r.error_offset == bad.offset);
        CHECK_THAT(r.error, Catch::Contains(bad.message));
    }
    // The commands before the error are kept, as SVG renders up to the first error.
    const auto r = parse_svg_path("M 0 0 L 5 5 L 1");
    CHECK(r.path.verbs() == Verbs{M, L});
}

TEST_CASE("svg: command count is capped", "[geom][svg][errors]") {
    std::string ok = "M0 0";
    ok.reserve(4 * vexil::geom::kMaxPathCommands);
    for (std::size_t i = 1; i < vexil::geom::kMaxPathCommands; ++i)
        ok += "h1";
    const auto fine = parse_svg_path(ok);
    CHECK(fine.ok);
    CHECK(fine.path.current_point() == Vec2{double(vexil::geom::kMaxPathCommands - 1), 0});

    // One more: refused, at the offending command; implicit repeats count too.
    const auto over = parse_svg_path(ok + "h1");
    CHECK_FALSE(over.ok);
    CHECK(over.error_offset == ok.size() + 1);
    CHECK_THAT(over.error, Catch::Contains("too many path commands"));
    CHECK_FALSE(parse_svg_path(ok + " 1 2").ok);
}

TEST_CASE("svg: random input never crashes and yields finite points", "[geom][svg][fuzz]") {
    // Fixed seed: deterministic. Alphabet biased towards path syntax so deep paths are reached.
    std::mt19937 rng(12345);
    const std::string alphabet = "MmLlHhVvCcSsQqTtAaZz0123456789012345678901..--++eE,,    \t\nx\x00\xff";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> len(0, 60);
    int parsed = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string d = "M0 0";
        if (n % 3 == 0) d.clear();
        const int l = len(rng);
        for (int i = 0; i < l; ++i)
            d += alphabet[pick(rng)];
        const auto r = parse_svg_path(d);
        if (r.ok) ++parsed;
        if (!r.ok) CHECK(r.error_offset <= d.size());
        for (Vec2 p : r.path.points()) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) FAIL("non-finite point from \"" << d << "\"");
        }
    }
    CHECK(parsed > 0);
}
