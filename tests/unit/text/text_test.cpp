// The text kind: glyph order and placement read back from the scene, shaping (kerning, ligatures,
// right-to-left, conjuncts), text on a circle, sizes, fonts and their errors.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

using namespace vexil;
using Catch::Matchers::Contains;

namespace {

/// A 3 × 2 design with one text layer made of `fields` (TOML lines).
std::string design_with(const std::string& fields) {
    return "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"text\"\ncolor = \"black\"\n" + fields + "\n";
}

/// The glyphs of the design's first layer, in the scene's order (reading order).
std::vector<Box> glyph_boxes(const std::string& fields) {
    const Scene scene = build_scene(load_design_text(design_with(fields), "text.toml"));
    std::vector<Box> boxes;
    for (const Item& item : scene.groups.at(0).items)
        boxes.push_back(std::get<FillPath>(item).path.bounds());
    return boxes;
}

std::string error_of(const std::string& fields) {
    try {
        build_scene(load_design_text(design_with(fields), "text.toml"));
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

/// Geometry tolerance for text placement: the outlines are the font's own, scaled and turned, so
/// only floating point separates them from the exact construction.
constexpr double kPlacement = 1e-9;

} // namespace

TEST_CASE("text: a capital H is `size` high, standing on the baseline at `at`", "[text]") {
    const auto boxes = glyph_boxes("text = \"H\"\nsize = 0.4\nat = [1, 1.5]");
    REQUIRE(boxes.size() == 1);
    CHECK(boxes[0].h == Approx(0.4).margin(kPlacement));
    CHECK(boxes[0].y + boxes[0].h == Approx(1.5).margin(kPlacement)); // its foot on the baseline
    CHECK(boxes[0].centre().x == Approx(1).margin(0.01));             // anchor middle
    // baseline = "middle" and "top" move the line to the capitals' middle and top.
    CHECK(glyph_boxes("text = \"H\"\nsize = 0.4\nat = [1, 1.5]\nbaseline = \"middle\"")[0].centre().y ==
          Approx(1.5).margin(kPlacement));
    CHECK(glyph_boxes("text = \"H\"\nsize = 0.4\nat = [1, 1.5]\nbaseline = \"top\"")[0].y ==
          Approx(1.5).margin(kPlacement));
}

TEST_CASE("text: left-to-right text reads left to right, right-to-left text right to left", "[text]") {
    const auto latin = glyph_boxes("text = \"AB\"\nsize = 0.3");
    REQUIRE(latin.size() == 2);
    CHECK(latin[0].x < latin[1].x); // the scene lists glyphs in reading order: A, then B
    const auto hebrew = glyph_boxes("text = \"שלום\"\nfont = \"Noto Sans Hebrew\"\nsize = 0.3");
    REQUIRE(hebrew.size() == 4);
    for (std::size_t i = 1; i < hebrew.size(); ++i)
        CHECK(hebrew[i - 1].x > hebrew[i].x); // ש is rightmost, ם leftmost
    const auto arabic = glyph_boxes("text = \"الله أكبر\"\nfont = \"Noto Sans Arabic\"\nsize = 0.3");
    REQUIRE(arabic.size() >= 2);
    CHECK(arabic.front().x > arabic.back().x); // الله on the right, أكبر's ر at the left end
}

TEST_CASE("text: anchors start, middle and end, in the text's own direction", "[text]") {
    const auto start = glyph_boxes("text = \"HH\"\nsize = 0.3\nat = [1, 1]\nanchor = \"start\"");
    const auto end = glyph_boxes("text = \"HH\"\nsize = 0.3\nat = [1, 1]\nanchor = \"end\"");
    CHECK(start.front().x >= 1);
    CHECK(start.front().x < 1.1);
    CHECK(end.back().x + end.back().w <= 1);
    CHECK(end.back().x + end.back().w > 0.9);
    // A right-to-left text starts at its right end.
    const auto hebrew =
        glyph_boxes("text = \"של\"\nfont = \"Noto Sans Hebrew\"\nsize = 0.3\nat = [1, 1]\nanchor = "
                    "\"start\"");
    CHECK(hebrew.front().x + hebrew.front().w <= 1);
    CHECK(hebrew.front().x + hebrew.front().w > 0.9);
}

TEST_CASE("text: shaping kerns, joins ligatures and forms conjuncts", "[text]") {
    // Kerning: A and V set together stand closer than each alone would.
    const auto av = glyph_boxes("text = \"AV\"\nsize = 0.5\nanchor = \"start\"\nat = [0, 1]");
    const auto a = glyph_boxes("text = \"A\"\nsize = 0.5\nanchor = \"start\"\nat = [0, 1]");
    const auto v = glyph_boxes("text = \"V\"\nsize = 0.5\nanchor = \"start\"\nat = [0, 1]");
    REQUIRE(av.size() == 2);
    CHECK(av[1].x + av[1].w - av[0].x < a[0].w + v[0].w);
    // DejaVu Sans has an fi ligature: two letters, one glyph.
    CHECK(glyph_boxes("text = \"fi\"\nsize = 0.3").size() == 1);
    // Devanagari क्ष (ka, virama, ssa): three characters, one conjunct glyph.
    CHECK(glyph_boxes("text = \"क्ष\"\nfont = \"Noto Sans Devanagari\"\nsize = 0.3").size() == 1);
}

TEST_CASE("text: on a circle each glyph stands on the arc, turned with the tangent", "[text]") {
    // DejaVu Sans's I is a rectangle: its two corners nearest the centre are its foot on the baseline.
    for (const char* side : {"outside", "inside"}) {
        INFO(side);
        const Vec2 centre{1.5, 1};
        constexpr double kRadius = 0.7;
        const std::string fields =
            "text = \"IIIIIII\"\nsize = 0.15\nat = [1.5, 1]\nradius = 0.7\nangle = 30\nside = \"" +
            std::string(side) + "\"";
        const Scene scene = build_scene(load_design_text(design_with(fields), "text.toml"));
        const auto& items = scene.groups.at(0).items;
        REQUIRE(items.size() == 7);
        double previous = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::vector<Vec2> corners = std::get<FillPath>(items[i]).path.points();
            REQUIRE(corners.size() == 4);
            // The foot: for outside, the two corners nearest the centre; for inside, the farthest.
            std::sort(corners.begin(), corners.end(),
                      [&](Vec2 p, Vec2 q) { return distance(p, centre) < distance(q, centre); });
            const bool outside = std::string(side) == "outside";
            const Vec2 foot = outside ? (corners[0] + corners[1]) * 0.5 : (corners[2] + corners[3]) * 0.5;
            const Vec2 head = outside ? (corners[2] + corners[3]) * 0.5 : (corners[0] + corners[1]) * 0.5;
            CHECK(distance(foot, centre) == Approx(kRadius).margin(kPlacement)); // the baseline is the circle
            // The stem runs along the radius: the glyph's up is the normal to the tangent.
            const Vec2 radial = foot - centre, stem = head - foot;
            CHECK(std::abs(cross(radial, stem)) / (length(radial) * length(stem)) < 1e-9);
            CHECK(dot(radial, stem) * (outside ? 1 : -1) > 0);
            // Clockwise from the top for outside, anticlockwise for inside.
            const double angle = std::atan2(foot.x - centre.x, centre.y - foot.y) * 180 / M_PI;
            if (i > 0) CHECK((outside ? angle - previous : previous - angle) > 0);
            previous = angle;
        }
    }
}

TEST_CASE("text: bad text, sizes, radii and fonts are errors at their place", "[text]") {
    CHECK_THAT(error_of("text = \"\"\nsize = 0.3"), Contains("text.toml:6:8") && Contains("no words"));
    CHECK_THAT(error_of("text = \"A\"\nsize = 0"), Contains("text.toml:7:8") && Contains("more than 0"));
    CHECK_THAT(error_of("text = \"A\"\nsize = 0.2\nradius = 0"),
               Contains("text.toml:8:10") && Contains("radius"));
    CHECK_THAT(error_of("text = \"A LONG INSCRIPTION THAT GOES ROUND\"\nsize = 0.2\nradius = 0.3"),
               Contains("text.toml:6:8") && Contains("more than once round"));
    const std::string missing = error_of("text = \"A\"\nsize = 0.2\nfont = \"DejaVu Sanz\"");
    CHECK_THAT(missing, Contains("text.toml:8:8: error: font: no family 'DejaVu Sanz' is installed") &&
                            Contains("'DejaVu Sans'") && Contains("fallback = true"));
    CHECK(error_of("text = \"A\"\nsize = 0.2\nfont = \"No Such Family\"\nfallback = true") == "no error");
    CHECK_THAT(error_of("text = \"A\"\nsize = 0.2\nweight = \"fat\""), Contains("text.toml:8:10"));
}

TEST_CASE("text: a font file beside the design sets its family", "[text]") {
    test::TempDir dir;
    std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", dir / "serif.ttf");
    const auto design =
        dir.write("serif.toml", design_with("text = \"H\"\nsize = 0.3\nfont_file = \"serif.ttf\""));
    const Scene scene = build_scene(load_design(design));
    CHECK(std::get<FillPath>(scene.groups.at(0).items.at(0)).path.bounds().h ==
          Approx(0.3).margin(kPlacement));
    const auto wrong =
        dir.write("wrong.toml", design_with("text = \"H\"\nsize = 0.3\nfont_file = \"serif.ttf\"\nfont = "
                                            "\"DejaVu Sans\""));
    CHECK_THROWS_WITH(build_scene(load_design(wrong)), Contains("holds the family 'DejaVu Serif'"));
    const auto bad = dir.write("bad.toml", design_with("text = \"H\"\nsize = 0.3\nfont_file = \"bad.toml\""));
    CHECK_THROWS_WITH(build_scene(load_design(bad)), Contains("not a font file"));
}

TEST_CASE("text: lettering is outlines, so no PDF of a design with words holds a font", "[text][cli]") {
    test::TempDir dir;
    for (const char* name : {"brazil", "iraq", "internationale-after-hours-seal"}) {
        INFO(name);
        const std::string pdf = (dir / (std::string(name) + ".pdf")).string();
        REQUIRE(test::run_vexil({"render",
                                 (test::source_dir() / "designs" / (std::string(name) + ".toml")).string(),
                                 "-o", pdf})
                    .status == 0);
        const auto fonts = test::run_tool({"pdffonts", pdf});
        REQUIRE(fonts.status == 0);
        CHECK(std::count(fonts.out.begin(), fonts.out.end(), '\n') == 2); // the header and its rule
    }
}

TEST_CASE("text: captions are set with Pango as real text a reader can search", "[text][cli]") {
    test::TempDir dir;
    const auto result = test::run_vexil({"variants", (test::source_dir() / "designs" / "japan.toml").string(),
                                         "--vary", "disc.radius=0.5,0.6", "-o", dir.path().string()});
    INFO(result.err);
    REQUIRE(result.status == 0);
    const auto text = test::run_tool({"pdftotext", (dir / "japan-variants.pdf").string(), "-"});
    CHECK_THAT(text.out, Contains("disc.radius = 0.5") && Contains("disc.radius = 0.6"));
}
