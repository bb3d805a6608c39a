// repeat: where the copies stand and which way they face.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace vexil;
using Catch::Detail::Approx;

namespace {

/// The first vertex (the first point, for a star) of every copy.
std::vector<Vec2> tips(const std::string& repeat, const std::string& at = "[1.5, 1]") {
    const Scene scene =
        build_scene(load_design_text("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"star\"\nat = " + at +
                                         "\nradius = 0.1\ncolor = \"gold\"\nrepeat = " + repeat + "\n",
                                     "t.toml"));
    std::vector<Vec2> out;
    for (const auto& item : scene.groups.at(0).items)
        out.push_back(std::get<FillPath>(item).path.points().front());
    return out;
}

/// The centre of each copy: the mean of its ten vertices.
std::vector<Vec2> centres(const std::string& repeat, const std::string& at = "[1.5, 1]") {
    const Scene scene =
        build_scene(load_design_text("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"star\"\nat = " + at +
                                         "\nradius = 0.1\ncolor = \"gold\"\nrepeat = " + repeat + "\n",
                                     "t.toml"));
    std::vector<Vec2> out;
    for (const auto& item : scene.groups.at(0).items) {
        Vec2 sum;
        for (Vec2 p : std::get<FillPath>(item).path.points())
            sum = sum + p / 10.0;
        out.push_back(sum);
    }
    return out;
}

void require_error(const std::string& repeat, std::uint32_t column, const std::string& code,
                   const std::string& words) {
    try {
        tips(repeat);
        FAIL("expected an error for " << repeat);
    } catch (const InputError& error) {
        const auto& d = error.diagnostics().front();
        INFO(d.message);
        CHECK(d.region.begin.line == 8);
        CHECK(d.region.begin.column == column);
        CHECK(d.code == code);
        CHECK(d.message.find(words) != std::string::npos);
    }
}

} // namespace

TEST_CASE("repeat: a circle starts at 12 o'clock and goes clockwise; upright copies point up",
          "[layout][repeat]") {
    const auto c = centres(R"({ pattern = "circle", count = 12, radius = 0.5 })");
    REQUIRE(c.size() == 12);
    for (int k = 0; k < 12; ++k) {
        const Vec2 expected = Vec2{1.5, 1} + heading(30.0 * k) * 0.5;
        CHECK(c[k].x == Approx(expected.x).margin(1e-9));
        CHECK(c[k].y == Approx(expected.y).margin(1e-9));
    }
    const auto t = tips(R"({ pattern = "circle", count = 12, radius = 0.5 })");
    for (int k = 0; k < 12; ++k)
        CHECK(t[k].x == Approx(c[k].x).margin(1e-9)); // straight up from each centre
}

TEST_CASE("repeat: radial copies point away from the centre", "[layout][repeat]") {
    const auto c = centres(R"({ pattern = "circle", count = 5, radius = 0.5, orient = "radial" })");
    const auto t = tips(R"({ pattern = "circle", count = 5, radius = 0.5, orient = "radial" })");
    for (int k = 0; k < 5; ++k)
        CHECK(heading_of(t[k] - c[k]) == Approx(heading_of(c[k] - Vec2{1.5, 1})).margin(1e-6));
}

TEST_CASE("repeat: an arc spreads copies from `from` to `to`", "[layout][repeat]") {
    const auto c = centres(R"({ pattern = "arc", count = 3, radius = 0.5, from = -90, to = 90 })");
    REQUIRE(c.size() == 3);
    CHECK(c[0].x == Approx(1.0));
    CHECK(c[1].y == Approx(0.5));
    CHECK(c[2].x == Approx(2.0));
}

TEST_CASE("repeat: a grid of alternating rows centres the shorter rows (the US union)", "[layout][repeat]") {
    const auto c =
        centres(R"({ pattern = "grid", rows = 9, cols = [6, 5], step = [0.126, 0.054] })", "[0.063, 0.054]");
    REQUIRE(c.size() == 50);
    CHECK(c[0].x == Approx(0.063));
    CHECK(c[0].y == Approx(0.054));
    CHECK(c[5].x == Approx(0.063 + 5 * 0.126));
    CHECK(c[6].x == Approx(0.126)); // second row: 5 stars, shifted by half a step
    CHECK(c[6].y == Approx(0.108));
    CHECK(c[49].y == Approx(0.054 * 9));
}

TEST_CASE("repeat: row, column and points; face turns each copy toward a point", "[layout][repeat]") {
    const auto row = centres(R"({ pattern = "row", count = 3, step = 0.25 })", "[0.5, 1]");
    CHECK(row[2].x == Approx(1.0));
    const auto column = centres(R"({ pattern = "column", count = 2, step = 0.5 })", "[0.5, 0.5]");
    CHECK(column[1].y == Approx(1.0));
    const auto diagonal = centres(R"({ pattern = "row", count = 3, step = [0.25, 0.25] })", "[0.5, 0.5]");
    CHECK(diagonal[2].x == Approx(1.0));
    CHECK(diagonal[2].y == Approx(1.0));
    // China: each small star has one point toward the large star's centre.
    const std::string china =
        R"({ pattern = "points", at = [[1, 0.2], [1.2, 0.4], [1.2, 0.7], [1, 0.9]], face = [0.5, 0.5] })";
    const auto c = centres(china);
    const auto t = tips(china);
    REQUIRE(c.size() == 4);
    for (int k = 0; k < 4; ++k) {
        CHECK(heading_of(t[k] - c[k]) == Approx(heading_of(Vec2{0.5, 0.5} - c[k])).margin(1e-6));
        CHECK(distance(t[k], c[k]) == Approx(0.1));
    }
}

TEST_CASE("repeat: mistakes point at the key that is wrong", "[layout][repeat][errors]") {
    require_error(R"({ pattern = "cirle", count = 3, radius = 1 })", 22, "bad-choice",
                  "did you mean 'circle'?");
    require_error(R"({ pattern = "circle", count = 3, raduis = 1 })", 43, "unknown-key",
                  "did you mean 'radius'?");
    require_error(R"({ pattern = "circle", count = 3, radius = 1, step = 2 })", 55, "unknown-key",
                  "pattern 'circle'");
    require_error(R"({ pattern = "circle", count = 3 })", 10, "missing-key", "needs 'radius'");
    require_error(R"({ pattern = "circle", count = 0, radius = 1 })", 40, "out-of-range", "count");
    require_error(R"({ pattern = "row", count = 20000, step = 1 })", 37, "out-of-range", "10000");
    require_error(R"({ pattern = "grid", rows = 200, cols = 200, step = [1, 1] })", 10, "limit", "copies");
    require_error(R"({ pattern = "circle", count = 3, radius = 1, orient = "sideways" })", 64, "bad-choice",
                  "upright");
}
