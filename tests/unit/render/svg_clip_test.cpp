// Cairo 1.16 writes even-odd clips where SVG ignores the rule; vexil moves it where SVG reads it.
#include "render/surfaces.h"
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

TEST_CASE("svg: an even-odd clip's rule is put on the clip path's shape", "[render][svg]") {
    const std::string cairo = "<defs>\n<clipPath id=\"clip1\">\n  <path d=\"M 0 0 Z\"/>\n</clipPath>\n"
                              "<clipPath id=\"clip2\">\n  <path d=\"M 1 1 Z\"/>\n</clipPath>\n</defs>\n"
                              "<g clip-path=\"url(#clip1)\" clip-rule=\"nonzero\">\n</g>\n"
                              "<g clip-path=\"url(#clip2)\" clip-rule=\"evenodd\">\n</g>\n";
    const std::string fixed = vexil::render::move_clip_rules(cairo);
    CHECK(fixed.find("<clipPath id=\"clip2\">\n  <path clip-rule=\"evenodd\" d=\"M 1 1 Z\"/>") !=
          std::string::npos);
    CHECK(fixed.find("<path d=\"M 0 0 Z\"/>") != std::string::npos); // the nonzero one is left alone
    CHECK(vexil::render::move_clip_rules(fixed) == fixed);           // and doing it twice changes nothing
}

TEST_CASE("svg: a layer clipped to an even-odd path keeps its hole in librsvg", "[render][svg]") {
    const vexil::Scene scene = vexil::build_scene(vexil::load_design_text(R"([flag]
size = [3, 2]
[[layer]]
kind = "field"
color = "white"
[[layer]]
id = "donut"
kind = "path"
at = [1.5, 1]
d = "M -0.8 0 A 0.8 0.8 0 1 1 0.8 0 A 0.8 0.8 0 1 1 -0.8 0 Z M -0.4 0 A 0.4 0.4 0 1 1 0.4 0 A 0.4 0.4 0 1 1 -0.4 0 Z"
fill_rule = "evenodd"
color = "#dddddd"
[[layer]]
kind = "field"
color = "red"
clip = "donut"
)",
                                                                          "t.toml"));
    vexil::RenderOptions options;
    options.width = 300;
    const auto image =
        vexil::test::rasterise_svg(vexil::render_bytes(scene, vexil::Format::Svg, options), 300, 200);
    CHECK(vexil::test::near(image.at(150, 100), "#ffffff")); // the hole
    CHECK(vexil::test::near(image.at(150, 40), "#ff0000"));  // the ring
}
