// Each kind's geometry against its construction: areas, corners, sides.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace vexil;
using Catch::Detail::Approx;

namespace {

/// Lays out a design of one layer on a 3 × 2 flag (or the given size) and returns its group.
Group one_layer(const std::string& layer, const std::string& size = "[3, 2]") {
    const Scene scene =
        build_scene(load_design_text("[flag]\nsize = " + size + "\n[[layer]]\n" + layer, "t.toml"));
    REQUIRE(scene.groups.size() == 1);
    return scene.groups.front();
}

const FillPath& fill(const Group& group, std::size_t i = 0) {
    return std::get<FillPath>(group.items.at(i));
}

double area(const Group& group) {
    double total = 0;
    for (const auto& item : group.items)
        if (const auto* f = std::get_if<FillPath>(&item)) total += f->path.signed_area();
    return total;
}

} // namespace

TEST_CASE("layout: field covers the flag exactly", "[layout]") {
    const Group g = one_layer("kind = \"field\"\ncolor = \"red\"");
    const Box b = fill(g).path.bounds();
    CHECK(b.x == 0);
    CHECK(b.y == 0);
    CHECK(b.w == 3);
    CHECK(b.h == 2);
    CHECK(fill(g).colour == Colour{1, 0, 0, 1});
}

TEST_CASE("layout: bands split the box by weight and each lies under the next", "[layout]") {
    const Group g =
        one_layer("kind = \"bands\"\ncolors = [\"red\", \"white\", \"blue\"]\nweights = [1, 2, 1]");
    REQUIRE(g.items.size() == 3);
    // Band i reaches to the far edge of band i+1 (no seam); the last ends at the flag's edge.
    CHECK(fill(g, 0).path.bounds().y == 0);
    CHECK(fill(g, 0).path.bounds().h == Approx(1.5));
    CHECK(fill(g, 1).path.bounds().y == Approx(0.5));
    CHECK(fill(g, 1).path.bounds().h == Approx(1.5));
    CHECK(fill(g, 2).path.bounds().y == Approx(1.5));
    CHECK(fill(g, 2).path.bounds().h == Approx(0.5));
    const Group v = one_layer(
        "kind = \"bands\"\ndirection = \"vertical\"\ncolors = [\"red\", \"white\"]\nbox = [1, 0, 2, 1]");
    CHECK(fill(v, 1).path.bounds().x == Approx(2));
    CHECK(fill(v, 1).path.bounds().w == Approx(1));
    CHECK(fill(v, 1).path.bounds().h == Approx(1));
}

TEST_CASE("layout: a cross is one 12-sided outline of the two bars' union", "[layout]") {
    const Group g = one_layer("kind = \"cross\"\nat = [1, 1]\nwidth = 0.4\ncolor = \"white\"");
    CHECK(fill(g).path.points().size() == 12);
    // Union area: 3·0.4 + 2·0.4 − 0.4² = 1.84.
    CHECK(area(g) == Approx(1.84));
}

TEST_CASE("layout: saltire area and the counterchanged pinwheel", "[layout]") {
    // A band of width w along a diagonal of a W×H rectangle covers w·√(W²+H²) minus the corner
    // triangles cut off at the edges; for two crossing bands subtract the central rhombus.
    const Group plain = one_layer("kind = \"saltire\"\nwidth = 0.2\ncolor = \"white\"", "[2, 2]");
    const double w = 0.2, d = std::sqrt(8.0);
    // Each band: w·d − 2·(w/√2)²/2·2 (two corner triangles of legs w/√2·√2… = w²/2 each end).
    const double band = w * d - w * w / 2;
    // Overlap of the two bands at the centre (perpendicular, square flag): a w × w square.
    CHECK(area(plain) == Approx(2 * band).epsilon(1e-9)); // nonzero union is counted twice where they overlap
    const Group half =
        one_layer("kind = \"saltire\"\nwidth = 0.4\ncounterchanged = true\ncolor = \"red\"", "[2, 2]");
    // Each arm keeps the half-band (width 0.2) on its anticlockwise side. Upper hoist arm: below the
    // diagonal, in the hoist triangle; upper fly arm: above its diagonal, in the top triangle.
    const auto& p = fill(half).path;
    Box b = p.bounds();
    CHECK(b.x == Approx(0));
    CHECK(b.w == Approx(2));
    CHECK(area(half) == Approx(4 * (0.2 * std::sqrt(2.0) - 0.2 * 0.2 / 2)).epsilon(1e-9));
}

TEST_CASE("layout: triangle and bend", "[layout]") {
    // Outlines are drawn clockwise on the page (vexil/geom.h: positive signed_area), so the areas are
    // compared with their sign: a triangle wound the other way would fail here.
    const Group hoist = one_layer("kind = \"triangle\"\ncolor = \"blue\"");
    CHECK(area(hoist) == Approx(2 * 1.5 / 2)); // base 2, depth W/2 = 1.5
    const Group top = one_layer("kind = \"triangle\"\nfrom = \"top\"\ndepth = 0.5\ncolor = \"blue\"");
    CHECK(area(top) == Approx(3 * 0.5 / 2));
    const Group fly = one_layer("kind = \"triangle\"\nfrom = \"fly\"\ncolor = \"blue\"");
    CHECK(area(fly) == Approx(2 * 1.5 / 2));
    const Group bottom = one_layer("kind = \"triangle\"\nfrom = \"bottom\"\ndepth = 0.5\ncolor = \"blue\"");
    CHECK(area(bottom) == Approx(3 * 0.5 / 2));
    const Group bend = one_layer("kind = \"bend\"\nwidth = 0.2\ncolor = \"blue\"", "[2, 2]");
    CHECK(area(bend) == Approx(0.2 * std::sqrt(8.0) - 0.2 * 0.2 / 2));
}

TEST_CASE("layout: canton, border and rect", "[layout]") {
    CHECK(area(one_layer("kind = \"canton\"\nsize = [1.2, 1]\ncolor = \"blue\"")) == Approx(1.2));
    CHECK(area(one_layer("kind = \"border\"\nwidth = 0.25\ncolor = \"blue\"")) == Approx(6 - 2.5 * 1.5));
    const Group rect = one_layer("kind = \"rect\"\nat = [1, 1]\nsize = [1, 0.5]\ncolor = \"blue\"");
    CHECK(fill(rect).path.bounds().x == Approx(0.5));
    CHECK(fill(rect).path.bounds().y == Approx(0.75));
}

TEST_CASE("layout: circle, ellipse and ring areas", "[layout]") {
    CHECK(area(one_layer("kind = \"circle\"\nradius = 0.6\ncolor = \"red\"")) ==
          Approx(M_PI * 0.36).epsilon(1e-3));
    CHECK(area(one_layer("kind = \"ellipse\"\nradii = [0.8, 0.4]\ncolor = \"red\"")) ==
          Approx(M_PI * 0.32).epsilon(1e-3));
    // Annulus of centre-line radius 0.5 and width 0.2: π(0.6² − 0.4²).
    CHECK(area(one_layer("kind = \"ring\"\nradius = 0.5\nwidth = 0.2\ncolor = \"red\"")) ==
          Approx(M_PI * 0.2).epsilon(1e-3));
}

TEST_CASE("layout: stars and polygons", "[layout]") {
    const Group star = one_layer("kind = \"star\"\nat = [1, 1]\nradius = 1\ncolor = \"gold\"");
    const auto& pts = fill(star).path.points();
    REQUIRE(pts.size() == 10);
    CHECK(pts[0].x == Approx(1));
    CHECK(pts[0].y == Approx(0)); // first point straight up
    // Area of the regular {5/2} star of outer radius 1: 5·R·r·sin(36°), r = 0.381966.
    CHECK(area(star) == Approx(5 * 0.381966 * std::sin(M_PI / 5)).epsilon(1e-5));
    const Group hexagon = one_layer("kind = \"polygon\"\nsides = 6\nradius = 1\ncolor = \"gold\"");
    CHECK(area(hexagon) == Approx(3 * std::sqrt(3.0) / 2));
    // `points` keep the order given (geom/shapes.cpp: an anticlockwise polygon is a hole on purpose):
    // these three run clockwise on the y-down page, so the area is positive.
    const Group free = one_layer("kind = \"polygon\"\npoints = [[0, 0], [1, 0], [0, 1]]\ncolor = \"gold\"");
    CHECK(area(free) == Approx(0.5));
}

TEST_CASE("layout: rotate turns about `at`, path is placed and scaled", "[layout]") {
    const Group rect =
        one_layer("kind = \"rect\"\nat = [1, 1]\nsize = [1, 0.2]\nrotate = 90\ncolor = \"red\"");
    const Box b = fill(rect).path.bounds();
    CHECK(b.w == Approx(0.2));
    CHECK(b.h == Approx(1));
    CHECK(b.centre().x == Approx(1));
    const Group path = one_layer(
        "kind = \"path\"\nat = [1, 1]\nscale = 2\nd = \"M 0 0 H 0.5 V 0.25 H 0 Z\"\ncolor = \"red\"");
    CHECK(fill(path).path.bounds().x == Approx(1));
    CHECK(fill(path).path.bounds().w == Approx(1));
    CHECK(fill(path).path.bounds().h == Approx(0.5));
}

TEST_CASE("layout: outline is a stroke of twice its width beneath the fill", "[layout]") {
    const Group g = one_layer(
        "kind = \"circle\"\nradius = 0.5\ncolor = \"red\"\noutline = { color = \"white\", width = 0.1 }");
    REQUIRE(g.items.size() == 2);
    const auto& stroke = std::get<StrokePath>(g.items[0]);
    CHECK(stroke.width == Approx(0.2));
    CHECK(std::holds_alternative<FillPath>(g.items[1]));
}

TEST_CASE("layout: clip by id uses the earlier layer's outline; a later id is an error", "[layout]") {
    const Scene scene = build_scene(load_design_text(R"([flag]
size = [3, 2]
[[layer]]
id = "left"
kind = "rect"
at = [0.5, 1]
size = [1, 2]
color = "red"
[[layer]]
kind = "circle"
radius = 0.8
color = "blue"
clip = "left"
)",
                                                     "t.toml"));
    REQUIRE(scene.groups[1].clip);
    CHECK(scene.groups[1].clip->bounds().w == Approx(1));
    try {
        build_scene(load_design_text(
            "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"circle\"\nradius = 1\n"
            "color = \"red\"\nclip = \"later\"\n[[layer]]\nid = \"later\"\nkind = \"field\"\n"
            "color = \"red\"\n",
            "t.toml"));
        FAIL("expected an error");
    } catch (const InputError& error) {
        const auto& d = error.diagnostics().front();
        CHECK(d.code == "clip-order");
        CHECK(d.region.begin.line == 7);
        CHECK(d.region.begin.column == 8);
    }
}
