// Woven rings as pixels: at every crossing exactly the over-ring's colour shows; every ring of the
// Olympic flag alternates; bands show no seam of the field; the flags stay vector.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

using namespace vexil;
using Catch::Detail::Approx;

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
        const double radius = layer.get(fields::radius), half = layer.get(fields::width) / 2;
        const double inset = 1.5 / r.scale; // keep 1.5 px from the band's edges
        std::vector<Vec2> centres;
        const Vec2 at = layer.get(fields::at);
        const double s = layer.get(fields::spacing), drop = layer.get(fields::drop);
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
    const double radius = layer.get(fields::radius), half = layer.get(fields::width) / 2,
                 gap = layer.get(fields::gap);
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

namespace {

/// A 3 × 2 white flag with one rings layer (`id` and `kind` on lines 8 and 9) whose other lines are
/// `rings`, from line 10 on.
std::string rings_design(const std::string& rings) {
    return "[flag]\nsize = [3, 2]\n\n[[layer]]\nkind = \"field\"\ncolor = \"white\"\n[[layer]]\nid = "
           "\"rings\"\nkind = \"rings\"\n" +
           rings;
}

/// Where two circles of radius r centred on a and b cross, the one on the left of a → b first.
std::pair<Vec2, Vec2> circle_crossings(Vec2 a, Vec2 b, double r) {
    const Vec2 m = (a + b) / 2.0, d = b - a;
    const double len = std::hypot(d.x, d.y), h = std::sqrt(r * r - len * len / 4);
    const Vec2 across{-d.y / len * h, d.x / len * h};
    return {m - across, m + across};
}

} // namespace

TEST_CASE("rings: `over` naming a crossing that does not exist is refused at that triple", "[rings][cli]") {
    test::TempDir dir;
    const std::string row = "pattern = \"row\"\ncount = 3\nradius = 0.3\nwidth = 0.05\ncolors = [\"blue\"]\n";
    SECTION("rings that never meet") { // a row of 3, 0.48 apart: rings 0 and 2 are 0.96 apart, > 2r
        const auto file = dir.write("far.toml", rings_design(row + "over = [[0, 1, 0], [0, 2, 1]]\n"));
        const auto result = test::run_vexil({"check", file.string()});
        CHECK(result.status == 2);
        // line 15: `over`, the second triple at column 20
        CHECK(result.err.rfind(file.string() + ":15:20: error: over: rings 0 and 2 have no crossing 1", 0) ==
              0);
        // The library's message names no command; the command line adds where to look.
        CHECK(
            result.err.find(file.string() + ":15:20: note: `vexil crossings DESIGN` lists every crossing") !=
            std::string::npos);
        try {
            (void)build_scene(load_design(file));
            FAIL("laid out");
        } catch (const InputError& error) {
            REQUIRE(error.diagnostics().size() == 1);
            const Diagnostic& d = error.diagnostics().front();
            CHECK(d.code == "no-such-crossing");
            CHECK(d.region.begin.line == 15);
            CHECK(d.region.begin.column == 20);
        }
    }
    SECTION("rings that meet twice, asked for a third crossing") {
        const auto file = dir.write("third.toml", rings_design(row + "over = [[1, 0, 2]]\n"));
        const auto result = test::run_vexil({"check", file.string()});
        CHECK(result.status == 2);
        CHECK(result.err.rfind(file.string() + ":15:9: error: over: rings 1 and 0 have no crossing 2", 0) ==
              0);
        try {
            (void)build_scene(load_design(file));
            FAIL("laid out");
        } catch (const InputError& error) {
            REQUIRE(error.diagnostics().size() == 1);
            CHECK(error.diagnostics().front().code == "no-such-crossing");
        }
    }
    SECTION("the crossings that do exist are accepted") {
        const auto file = dir.write("ok.toml", rings_design(row + "over = [[1, 0, 1], [2, 1, 0]]\n"));
        const auto result = test::run_vexil({"check", file.string()});
        INFO(result.err);
        CHECK(result.status == 0);
    }
}

TEST_CASE("rings: two rings on one centre are refused where the centres are given", "[rings][cli]") {
    test::TempDir dir;
    const std::string common = "radius = 0.3\nwidth = 0.05\ncolors = [\"blue\"]\n";
    const auto check = [&](const std::string& name, const std::string& lines, unsigned line, unsigned column,
                           const std::string& words) {
        const auto file = dir.write(name, rings_design(common + lines));
        const auto result = test::run_vexil({"check", file.string()});
        INFO(result.err);
        CHECK(result.status == 2);
        CHECK(result.err.rfind(file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                   ": error: " + words,
                               0) == 0);
        try {
            (void)build_scene(load_design(file));
            FAIL("laid out");
        } catch (const InputError& error) {
            REQUIRE(error.diagnostics().size() == 1);
            const Diagnostic& d = error.diagnostics().front();
            CHECK(d.code == "duplicate-ring");
            CHECK(d.region.begin.line == line);
            CHECK(d.region.begin.column == column);
        }
    };
    // `centers` on line 13, its list at column 11: rings 0 and 2 coincide.
    check("centers.toml", "centers = [[1, 1], [1.4, 1], [1, 1]]\n", 13, 11,
          "rings 0 and 2 lie on top of each other");
    // A pattern whose spacing puts every ring on one point: reported at `spacing` (line 15, column 11).
    check("spacing.toml", "pattern = \"row\"\ncount = 3\nspacing = 0\n", 15, 11,
          "rings 0 and 1 lie on top of each other");
}

TEST_CASE("rings: `centers` puts each ring where it says, offset by `at` when given", "[rings]") {
    // Two rings far apart (no crossing), red and blue, radius 0.3, band 0.1: at 300 px wide
    // (100 px a unit) each ring's band shows at its centre ± r in the four directions, and the field
    // shows at its centre and just outside the band.
    for (const char* at : {"", "at = [0.2, -0.1]\n"}) {
        const Vec2 offset = *at ? Vec2{0.2, -0.1} : Vec2{0, 0};
        const Design design = load_design_text(
            rings_design(std::string("centers = [[0.6, 0.7], [2.1, 1.3]]\nradius = 0.3\nwidth = 0.1\n") + at +
                         "colors = [\"#ff0000\", \"#0000ff\"]\n"),
            "t.toml");
        const Scene scene = build_scene(design);
        RenderOptions options;
        options.width = 300;
        const auto image = test::decode_png(render_bytes(scene, Format::Png, options));
        const auto px = [&](Vec2 p) {
            return image.at(static_cast<int>(p.x * 100), static_cast<int>(p.y * 100));
        };
        const std::pair<Vec2, const char*> rings[] = {{Vec2{0.6, 0.7} + offset, "#ff0000"},
                                                      {Vec2{2.1, 1.3} + offset, "#0000ff"}};
        for (const auto& [centre, colour] : rings) {
            INFO("offset " << at << " ring at " << centre.x << ", " << centre.y);
            CHECK(test::near(px(centre), "#ffffff"));
            for (Vec2 u : {Vec2{1, 0}, Vec2{-1, 0}, Vec2{0, 1}, Vec2{0, -1}}) {
                CHECK(test::near(px(centre + u * 0.3), colour, 12));
                CHECK(test::near(px(centre + u * 0.2), "#ffffff")); // inside the band
                CHECK(test::near(px(centre + u * 0.4), "#ffffff")); // outside it
            }
        }
        // And nothing is drawn where the pattern (a flower at the flag's centre) would have put rings.
        CHECK(test::near(px(Vec2{1.5, 1} + Vec2{0.3, 0}), "#ffffff"));
        // The scene's ring layer spans exactly the two rings' outer edges (radius + half the band).
        REQUIRE(scene.groups.size() == 2);
        Box bounds;
        bool first = true;
        for (const auto& item : scene.groups[1].items)
            if (const auto* f = std::get_if<FillPath>(&item)) {
                const Box b = f->path.bounds();
                if (first) bounds = b;
                const double x0 = std::min(bounds.x, b.x), y0 = std::min(bounds.y, b.y);
                const double x1 = std::max(bounds.x + bounds.w, b.x + b.w),
                             y1 = std::max(bounds.y + bounds.h, b.y + b.h);
                bounds = {x0, y0, x1 - x0, y1 - y0};
                first = false;
            }
        REQUIRE_FALSE(first);
        CHECK(bounds.x == Approx(0.6 + offset.x - 0.35).margin(1e-6));
        CHECK(bounds.y == Approx(0.7 + offset.y - 0.35).margin(1e-6));
        CHECK(bounds.x + bounds.w == Approx(2.1 + offset.x + 0.35).margin(1e-6));
        CHECK(bounds.y + bounds.h == Approx(1.3 + offset.y + 0.35).margin(1e-6));
    }
}

TEST_CASE("rings: `vexil crossings` lists the Olympic flag's eight crossings exactly", "[rings][cli]") {
    const auto result = test::run_vexil({"crossings", kOlympic.string()});
    INFO(result.err);
    REQUIRE(result.status == 0);
    // layer: [a, b, k] at (x, y): over over under. Neighbours cross twice: k = 0 is the first
    // clockwise from 12 o'clock round ring a, i.e. the upper crossing (a is on the top row for even a,
    // the bottom row for odd a); the rings alternate over, under round every ring.
    CHECK(result.out == "rings: [0, 1, 0] at (1.0666, 0.8409): 0 over 1\n"
                        "rings: [0, 1, 1] at (0.8334, 1.1258): 1 over 0\n"
                        "rings: [1, 2, 0] at (1.2001, 0.8409): 1 over 2\n"
                        "rings: [1, 2, 1] at (1.4332, 1.1258): 2 over 1\n"
                        "rings: [2, 3, 0] at (1.7999, 0.8409): 2 over 3\n"
                        "rings: [2, 3, 1] at (1.5668, 1.1258): 3 over 2\n"
                        "rings: [3, 4, 0] at (1.9334, 0.8409): 3 over 4\n"
                        "rings: [3, 4, 1] at (2.1666, 1.1258): 4 over 3\n");
    // The positions, worked out independently from the design's numbers (H = 2): centres at
    // x = W/2 + (k − 2)·spacing/2, y = H/2 − H/12 (+ drop for odd k); radius 0.15·H.
    const double spacing = 0.36667 * 2, drop = 0.3, r = 0.3, top = 1 - 2.0 / 12;
    const auto centre = [&](int k) { return Vec2{1.5 + (k - 2) * spacing / 2, top + (k % 2 ? drop : 0)}; };
    const std::regex line(R"(rings: \[(\d), (\d), (\d)\] at \(([0-9.]+), ([0-9.]+)\): (\d) over (\d))");
    std::istringstream lines(result.out);
    std::string text;
    int seen = 0;
    while (std::getline(lines, text)) {
        std::smatch m;
        REQUIRE(std::regex_match(text, m, line));
        const int a = std::stoi(m[1]), b = std::stoi(m[2]);
        const Vec2 at{std::stod(m[4]), std::stod(m[5])};
        const auto [p, q] = circle_crossings(centre(a), centre(b), r);
        INFO(text);
        CHECK(b == a + 1);
        CHECK(std::min(distance(at, p), distance(at, q)) < 2e-4);
        ++seen;
    }
    CHECK(seen == 8);
}
