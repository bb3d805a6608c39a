// Woven rings as pixels: at every crossing exactly the over-ring's colour shows; every ring of the
// Olympic flag alternates; bands show no seam of the field; the flags stay vector.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

using namespace vexil;

namespace {

struct Rendered {
    Design design;
    Scene scene;
    test::Image image;
    double scale = 0; // pixels per design unit
};

Rendered render(const std::filesystem::path& path, int width, std::vector<std::string> sets = {}) {
    Rendered out{load_design(path, LoadOptions{std::move(sets), {}}), {}, {}, 0};
    out.scene = build_scene(out.design);
    RenderOptions options;
    options.width = width;
    out.image = test::decode_png(render_bytes(out.scene, Format::Png, options));
    out.scale = width / out.scene.width;
    return out;
}

const test::Rgba& pixel_at(const Rendered& r, Vec2 p) {
    return r.image.at(static_cast<int>(p.x * r.scale), static_cast<int>(p.y * r.scale));
}

const std::filesystem::path kOlympic = test::source_dir() / "designs/olympic.toml";
const std::filesystem::path kEarth = test::source_dir() / "designs/earth.toml";
const char* kOlympicColours[] = {"#0085c7", "#f4c300", "#000000", "#009f3d", "#df0024"};

} // namespace

TEST_CASE("rings: each Olympic crossing shows exactly the over-ring's colour", "[render][rings]") {
    for (const char* gap : {"0", "0.0167"}) {
        const auto r = render(kOlympic, 900, {std::string("rings.gap=") + gap});
        const auto crossings = ring_crossings(r.design);
        REQUIRE(crossings.size() == 8);
        for (const auto& c : crossings) {
            INFO("gap " << gap << " rings " << c.a << "," << c.b << " crossing " << c.k);
            const auto& p = pixel_at(r, c.at);
            CHECK(test::near(p, kOlympicColours[c.over], 12));
            CHECK_FALSE(test::near(p, kOlympicColours[c.over == c.a ? c.b : c.a], 60));
        }
    }
}

TEST_CASE("rings: every Olympic ring is over at half its crossings", "[render][rings]") {
    // Blue and red cross one ring twice (over once, under once); yellow, black and green cross two
    // rings twice each, over at two of the four. With alternation round each ring this is exact.
    std::map<int, std::pair<int, int>> tally; // ring → (overs, crossings)
    for (const auto& c : ring_crossings(load_design(kOlympic)))
        for (int ring : {c.a, c.b}) {
            tally[ring].first += c.over == ring;
            ++tally[ring].second;
        }
    REQUIRE(tally.size() == 5);
    for (const auto& [ring, counts] : tally) {
        INFO("ring " << ring);
        CHECK(counts.first * 2 == counts.second);
    }
}

TEST_CASE("rings: blue passes over yellow at their upper crossing", "[render][rings]") {
    // Blue (ring 0, top row) and yellow (ring 1, bottom row) cross twice: above and below the line
    // through their centres. Both crossings must exist; at the upper one blue is over and its colour
    // shows, at the lower one yellow.
    const auto r = render(kOlympic, 900);
    std::vector<RingCrossing> blue_yellow;
    for (const auto& c : ring_crossings(r.design))
        if (c.a == 0 && c.b == 1) blue_yellow.push_back(c);
    REQUIRE(blue_yellow.size() == 2);
    std::sort(blue_yellow.begin(), blue_yellow.end(),
              [](const RingCrossing& x, const RingCrossing& y) { return x.at.y < y.at.y; });
    const RingCrossing& upper = blue_yellow[0];
    const RingCrossing& lower = blue_yellow[1];
    REQUIRE(upper.at.y < lower.at.y - 0.05); // two distinct crossings, one above the other
    CHECK(upper.over == 0);
    CHECK(test::near(pixel_at(r, upper.at), kOlympicColours[0], 12)); // blue shows
    CHECK_FALSE(test::near(pixel_at(r, upper.at), kOlympicColours[1], 60));
    CHECK(lower.over == 1);
    CHECK(test::near(pixel_at(r, lower.at), kOlympicColours[1], 12)); // yellow shows
    CHECK_FALSE(test::near(pixel_at(r, lower.at), kOlympicColours[0], 60));
}

TEST_CASE("rings: no seam of the field inside any band, at any size", "[render][rings][seam]") {
    // Without a gap, every pixel well inside a band must be a ring colour, never the white field
    // showing through where a repainted sector meets the ring beneath it.
    for (int width : {300, 1111, 3000}) {
        const auto r = render(kOlympic, width);
        const auto& layer = r.design.layers[1];
        const double radius = layer.number("radius"), half = layer.number("width") / 2;
        const double inset = 1.5 / r.scale; // keep 1.5 px from the band's edges
        std::vector<Vec2> centres;
        const Vec2 at = layer.pair("at");
        const double s = layer.number("spacing"), drop = layer.number("drop");
        for (int k = 0; k < 5; ++k)
            centres.push_back(at + Vec2{(k - 2) * s / 2, k % 2 ? drop : 0});
        int seams = 0, checked = 0;
        for (int y = 0; y < r.image.height; y += 2)
            for (int x = 0; x < r.image.width; x += 2) {
                const Vec2 p{(x + 0.5) / r.scale, (y + 0.5) / r.scale};
                // Inside some band, and clear of every band's edges (where colours blend by design).
                const bool inside = std::any_of(centres.begin(), centres.end(), [&](Vec2 c) {
                    return std::abs(distance(p, c) - radius) < half - inset;
                });
                const bool near_edge = std::any_of(centres.begin(), centres.end(), [&](Vec2 c) {
                    return std::abs(std::abs(distance(p, c) - radius) - half) < inset;
                });
                if (!inside || near_edge) continue;
                ++checked;
                const auto& px = r.image.at(x, y);
                seams += std::none_of(std::begin(kOlympicColours), std::end(kOlympicColours),
                                      [&](const char* hex) { return test::near(px, hex, 24); });
            }
        INFO("width " << width);
        CHECK(checked > 100);
        CHECK(seams == 0);
    }
}

TEST_CASE("rings: the Earth flag's rim crossings show the over-strand and its gap", "[render][rings]") {
    auto r = render(kEarth, 1500);
    // The same pixels in vexil's PNG, its SVG drawn by librsvg, and its PDF drawn by poppler: the gaps
    // are clips, and an SVG reader that misread them would show the weave as plain rings.
    RenderOptions options;
    options.width = 1500;
    const auto size = output_size(r.scene, options);
    test::TempDir dir;
    const auto pdf = dir.write("earth.pdf", render_bytes(r.scene, Format::Pdf, options));
    const std::vector<std::pair<const char*, test::Image>> images{
        {"png", r.image},
        {"svg", test::rasterise_svg(render_bytes(r.scene, Format::Svg, options), size.width, size.height)},
        {"pdf", test::rasterise_pdf(pdf, size.width, size.height)}};
    const auto& layer = r.design.layers[1];
    const double radius = layer.number("radius"), half = layer.number("width") / 2, gap = layer.number("gap");
    const Vec2 middle{r.scene.width / 2, r.scene.height / 2};
    const auto centre_of = [&](int ring) {
        return ring == 0 ? middle : middle + heading(90 + 60.0 * (ring - 1)) * radius;
    };
    int rim = 0;
    for (const auto& [format, image] : images)
        for (const auto& c : ring_crossings(r.design)) {
            if (c.stack.size() != 2) continue;
            ++rim;
            r.image = image;
            INFO(format << ": rings " << c.a << "," << c.b);
            CHECK(test::near(pixel_at(r, c.at), "#ffffff"));
            // Walk along the under-ring's centre line until we are half-way across the over-ring's gap:
            // the ocean must show there, on both sides.
            const int under = c.over == c.a ? c.b : c.a;
            const Vec2 cu = centre_of(under), co = centre_of(c.over);
            for (double direction : {-1.0, 1.0}) {
                double angle = heading_of(c.at - cu);
                Vec2 p = c.at;
                while (std::abs(distance(p, co) - radius) < half + gap / 2) {
                    angle += direction * 0.01;
                    p = cu + heading(angle) * radius;
                }
                CHECK(test::near(pixel_at(r, p), "#013ba6", 12));
            }
        }
    CHECK(rim == 18); // six rim crossings, in each of the three formats
}

TEST_CASE("rings: SVG and PDF of the woven flags hold no raster image", "[render][rings]") {
    for (const auto& path : {kEarth, kOlympic}) {
        const Scene scene = build_scene(load_design(path));
        const std::string svg = render_bytes(scene, Format::Svg, {});
        CHECK(svg.find("<image") == std::string::npos);
        CHECK(svg.find("<path") != std::string::npos);
        const std::string pdf = render_bytes(scene, Format::Pdf, {});
        CHECK(pdf.find("/Subtype /Image") == std::string::npos);
    }
}
