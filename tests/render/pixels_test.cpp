// Rendering checked against analytic shapes: the pixel at a point the geometry says is inside a
// shape has the shape's colour; outside, the colour beneath. Sample points stay ≥ 2 px from edges so
// anti-aliasing cannot reach them.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace vexil;
using vexil::test::near;

namespace {

test::Image render_png(const std::string& toml, int width) {
    const Scene scene = build_scene(load_design_text(toml, "t.toml"));
    RenderOptions options;
    options.width = width;
    return test::decode_png(render_bytes(scene, Format::Png, options));
}

} // namespace

TEST_CASE("a disc is filled exactly inside its radius", "[render][pixels]") {
    // Japan's proportions: 2:3, disc diameter 3/5 of the hoist, centred (Act on National Flag, 1999).
    const auto image = render_png(R"(
[flag]
size = [3, 2]
[[layer]]
kind = "field"
color = "white"
[[layer]]
kind = "circle"
at = [1.5, 1]
radius = 0.6
color = "#bc002d"
)",
                                  300);
    REQUIRE(image.width == 300);
    REQUIRE(image.height == 200);
    const double cx = 150, cy = 100, r = 60; // in pixels
    int checked = 0;
    for (int y = 0; y < image.height; y += 3)
        for (int x = 0; x < image.width; x += 3) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            if (std::abs(d - r) < 2) continue;
            INFO("pixel " << x << "," << y);
            REQUIRE(near(image.at(x, y), d < r ? "#bc002d" : "#ffffff"));
            ++checked;
        }
    CHECK(checked > 6000);
}

TEST_CASE("bands follow their weights", "[render][pixels]") {
    // Colombia: yellow, blue, red at 2:1:1 of the hoist.
    const auto image = render_png(R"(
[flag]
size = [3, 2]
[[layer]]
kind = "bands"
colors = ["#fcd116", "#003893", "#ce1126"]
weights = [2, 1, 1]
)",
                                  300);
    for (int x : {2, 150, 297}) {
        CHECK(near(image.at(x, 10), "#fcd116"));
        CHECK(near(image.at(x, 97), "#fcd116"));
        CHECK(near(image.at(x, 103), "#003893"));
        CHECK(near(image.at(x, 147), "#003893"));
        CHECK(near(image.at(x, 153), "#ce1126"));
        CHECK(near(image.at(x, 197), "#ce1126"));
    }
}

TEST_CASE("abutting bands leave no seam of background at any size", "[render][pixels][seam]") {
    // Seven bands on a transparent canvas, their edges at fractional pixel positions: every pixel
    // must be fully opaque, or the background shows through a seam.
    const std::string toml = R"(
[flag]
size = [3, 2]
[[layer]]
kind = "bands"
direction = "vertical"
colors = ["red", "white", "red", "white", "red", "white", "red"]
)";
    for (int width : {97, 301, 1003}) {
        const auto image = render_png(toml, width);
        int seams = 0;
        for (const auto& pixel : image.pixels)
            seams += pixel.a != 255;
        INFO("width " << width);
        CHECK(seams == 0);
    }
}

TEST_CASE("a star's points and notches land where the {5/2} construction puts them", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size = [2, 2]
[[layer]]
kind = "field"
color = "black"
[[layer]]
kind = "star"
at = [1, 1]
radius = 0.8
color = "white"
)",
                                  400);
    // Outer points at r = 160 px from (200, 200); inner corners at r·0.381966 = 61.1 px.
    const double r = 160, inner = r * 0.381966;
    for (int k = 0; k < 5; ++k) {
        const double a = k * 72 * M_PI / 180;
        const auto at = [&](double radius, double angle) {
            return image.at(static_cast<int>(200 + radius * std::sin(angle)),
                            static_cast<int>(200 - radius * std::cos(angle)));
        };
        CHECK(near(at(r - 12, a), "#ffffff"));               // just inside a point
        CHECK(near(at(r + 6, a), "#000000"));                // just beyond it
        CHECK(near(at(inner - 6, a + M_PI / 5), "#ffffff")); // just inside a notch
        CHECK(near(at(inner + 8, a + M_PI / 5), "#000000")); // just outside it
    }
}

TEST_CASE("opacity composites the layer once, clip confines it", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size = [2, 1]
[[layer]]
kind = "field"
color = "#000000"
[[layer]]
id = "left"
kind = "rect"
at = [0.5, 0.5]
size = [1, 1]
color = "#ffffff"
opacity = 0.5
[[layer]]
kind = "circle"
at = [1, 0.5]
radius = 0.45
color = "#ff0000"
clip = "left"
)",
                                  200);
    CHECK(near(image.at(10, 10), "#808080", 3)); // half-white over black
    CHECK(near(image.at(90, 50), "#ff0000"));    // circle inside the clip
    CHECK(near(image.at(110, 50), "#000000"));   // circle cut off by the clip
    CHECK(near(image.at(190, 50), "#000000"));
}

TEST_CASE("fimbriation shows `width` outside the shape, beneath it", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size = [2, 2]
[[layer]]
kind = "field"
color = "#0000ff"
[[layer]]
kind = "rect"
at = [1, 1]
size = [1, 1]
color = "#ff0000"
outline = { color = "#ffffff", width = 0.1 }
)",
                                  200);
    // The rect spans 50..150 px; the outline 40..50 and 150..160.
    CHECK(near(image.at(100, 100), "#ff0000"));
    CHECK(near(image.at(53, 100), "#ff0000"));
    CHECK(near(image.at(45, 100), "#ffffff"));
    CHECK(near(image.at(155, 100), "#ffffff"));
    CHECK(near(image.at(36, 100), "#0000ff"));
    CHECK(near(image.at(164, 100), "#0000ff"));
}

TEST_CASE("rotate turns a shape clockwise about its centre", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size = [2, 2]
[[layer]]
kind = "field"
color = "black"
[[layer]]
kind = "rect"
at = [1, 1]
size = [1.6, 0.2]
rotate = 90
color = "white"
)",
                                  200);
    CHECK(near(image.at(100, 30), "#ffffff")); // now vertical
    CHECK(near(image.at(30, 100), "#000000"));
}

TEST_CASE("output size follows the documented rounding rule", "[render]") {
    const Scene scene = build_scene(load_design_text("[flag]\nsize = [3, 2]\n", "t.toml"));
    CHECK(output_size(scene, {}).width == 1200);
    CHECK(output_size(scene, {}).height == 800);
    RenderOptions odd;
    odd.width = 301; // 301 × 2/3 = 200.67 → 201
    CHECK(output_size(scene, odd).height == 201);
    RenderOptions by_height;
    by_height.height = 101; // 101 × 3/2 = 151.5 → 152 (half away from zero)
    CHECK(output_size(scene, by_height).width == 152);
    RenderOptions huge;
    huge.width = 100001; // past 100,000 a side
    CHECK_THROWS_AS(output_size(scene, huge), InputError);
    RenderOptions zero;
    zero.width = 0;
    CHECK_THROWS_AS(output_size(scene, zero), InputError);
}

TEST_CASE("size errors from the library name no command-line options", "[render]") {
    // The library serves more than the command line; the CLI adds its own option names.
    using Catch::Contains;
    const Scene scene = build_scene(load_design_text("[flag]\nsize = [1, 1]\n", "t.toml"));
    RenderOptions huge;
    huge.width = 40000; // 40000 × 40000 is over the pixel limit
    CHECK_THROWS_WITH(output_size(scene, huge),
                      Contains("give a smaller output size or resolution") && !Contains("--"));
    RenderOptions both;
    both.width = 10;
    both.height = 10;
    CHECK_THROWS_WITH(output_size(scene, both), Contains("width or height, not both") && !Contains("--"));
    const std::vector<SheetCell> cells(400, SheetCell{&scene, "a flag"});
    CHECK_THROWS_WITH(render_contact_sheet(cells, Format::Png, 20, 2000),
                      Contains("over vexil's raster limit") && !Contains("--"));
}

TEST_CASE("a flag outline cuts everything to it and leaves the rest transparent", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size    = [3, 2]
outline = [[0, 0], ["W", 0], ["2*W/3", "H/2"], ["W", "H"], [0, "H"]]
[[layer]]
kind  = "field"
color = "#ff0000"
)",
                                  300);
    CHECK(near(image.at(10, 100), "#ff0000"));
    CHECK(near(image.at(190, 100), "#ff0000")); // just short of the notch's point at x = 200
    CHECK(image.at(290, 100).a == 0);           // inside the notch: nothing drawn
    CHECK(near(image.at(290, 5), "#ff0000"));   // the upper tail
    CHECK(image.at(290, 60).a == 0);
}

TEST_CASE("translucent bands abut instead of overlapping", "[render][pixels]") {
    const auto image = render_png(R"(
[flag]
size = [3, 2]
[[layer]]
kind = "field"
color = "#ffffff"
[[layer]]
kind = "bands"
colors = ["#ff000080", "#0000ff80"]
)",
                                  300);
    // Each band is its own colour at half strength over white; no purple where they meet.
    CHECK(near(image.at(150, 50), "#ff7f7f", 3));
    CHECK(near(image.at(150, 150), "#7f7fff", 3));
}
