// The three backends draw the same scene: PNG from vexil, vexil's SVG rasterised by librsvg and its
// PDF rasterised by poppler must agree on ≥ 99.5 % of pixels (practice 10: implementations tested
// against each other). Runs over every design in designs/.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vexil;

namespace {

constexpr int kWidth = 300;

/// pdftoppm has no alpha: compare everything as if over white paper.
test::Image over_white(test::Image image) {
    for (auto& p : image.pixels) {
        const auto blend = [&](int c) { return (c * p.a + 255 * (255 - p.a) + 127) / 255; };
        p = {blend(p.r), blend(p.g), blend(p.b), 255};
    }
    return image;
}

} // namespace

TEST_CASE("PNG, SVG and PDF of every design agree", "[render][cross-format]") {
    const auto designs = test::design_files();
    REQUIRE(!designs.empty());
    for (const auto& path : designs) {
        DYNAMIC_SECTION(path.filename().string()) {
            const Scene scene = build_scene(load_design(path));
            RenderOptions options;
            options.width = kWidth;
            const OutputSize size = output_size(scene, options);
            const auto png = over_white(test::decode_png(render_bytes(scene, Format::Png, options)));
            const std::string svg = render_bytes(scene, Format::Svg, options);
            CHECK(svg.find("<image") == std::string::npos); // vector, not an embedded raster
            const auto from_svg = over_white(test::rasterise_svg(svg, size.width, size.height));
            test::TempDir dir;
            const auto pdf_path = dir.write("flag.pdf", render_bytes(scene, Format::Pdf, options));
            const auto from_pdf = test::rasterise_pdf(pdf_path, size.width, size.height);
            const std::string stem = path.stem().string();
            CHECK(test::agreement(png, from_svg, stem + "-svg") >= test::kMinAgreement);
            CHECK(test::agreement(png, from_pdf, stem + "-pdf") >= test::kMinAgreement);
        }
    }
}

TEST_CASE("an SVG is sized in user units and a PDF in points", "[render]") {
    const Scene scene = build_scene(load_design_text("[flag]\nsize = [3, 2]\n", "t.toml"));
    RenderOptions options;
    options.width = 600;
    const std::string svg = render_bytes(scene, Format::Svg, options);
    CHECK(svg.find("width=\"600\"") != std::string::npos);
    CHECK(svg.find("height=\"400\"") != std::string::npos);
    const std::string pdf = render_bytes(scene, Format::Pdf, options);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("/MediaBox [ 0 0 600 400 ]") != std::string::npos);
}

TEST_CASE("the agreement measure catches a shape moved by 3 pixels or a wrong colour",
          "[render][cross-format]") {
    const auto disc = [](const char* at, const char* colour) {
        const std::string toml =
            std::string("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"white\"\n"
                        "[[layer]]\nkind = \"circle\"\nradius = 0.6\nat = ") +
            at + "\ncolor = \"" + colour + "\"\n";
        RenderOptions options;
        options.width = kWidth;
        return test::decode_png(
            render_bytes(build_scene(load_design_text(toml, "t.toml")), Format::Png, options));
    };
    const auto reference = disc("[1.5, 1]", "#bc002d");
    CHECK(test::agreement(reference, disc("[1.5, 1]", "#bc002d")) == 1.0);
    CHECK(test::agreement(reference, disc("[1.53, 1]", "#bc002d")) < test::kMinAgreement); // 3 px to the fly
    CHECK(test::agreement(reference, disc("[1.5, 1]", "#bc402d")) < test::kMinAgreement); // green channel +64
}
