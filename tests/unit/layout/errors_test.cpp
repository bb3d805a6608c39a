// Layout reports every layer's error at once, weave overrides are checked, warnings are issued,
// and layout reads nothing: resources are loaded before it, once per content.
#include "support.h"
#include "vexil/layout.h"
#include "vexil/load.h"
#include "vexil/resources.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace vexil;
using vexil::test::TempDir;

namespace {

std::vector<Diagnostic> layout_errors(const std::string& toml) {
    const Design design = load_design_text(toml, "t.toml");
    try {
        (void)build_scene(design, Resources{});
    } catch (const InputError& error) {
        return error.diagnostics();
    }
    return {};
}

std::string where(const Diagnostic& d) {
    return std::to_string(d.region.begin.line) + ":" + std::to_string(d.region.begin.column) + " " + d.code;
}

constexpr const char* kThreeMistakes = R"([flag]
size = [3, 2]
[[layer]]
kind = "star"
color = "red"
points = 5
step = 3
radius = 0.5
[[layer]]
kind = "polygon"
color = "red"
sides = 5
radius = 0.3
points = [[0, 0], [1, 0], [1, 1]]
[[layer]]
kind = "circle"
color = "red"
radius = 0.2
clip = "later"
[[layer]]
id = "later"
kind = "field"
color = "red"
)";

} // namespace

TEST_CASE("layout: three layers with mistakes give three diagnostics, each at its value",
          "[layout][errors]") {
    const auto errors = layout_errors(kThreeMistakes);
    REQUIRE(errors.size() == 3);
    CHECK(where(errors[0]) == "7:8 impossible-star");
    CHECK(where(errors[1]) == "14:10 polygon-form");
    CHECK(where(errors[2]) == "19:8 clip-order");
}

TEST_CASE("layout: vexil check prints every layout mistake and exits 2", "[layout][errors][cli]") {
    TempDir dir;
    dir.write("three.toml", kThreeMistakes);
    const auto result = test::run_vexil({"check", (dir / "three.toml").string()});
    CHECK(result.status == 2);
    CHECK(result.err.find("three.toml:7:8: error: there is no regular star {5/3}") != std::string::npos);
    CHECK(result.err.find("three.toml:14:10: error: a polygon takes either") != std::string::npos);
    CHECK(result.err.find("three.toml:19:8: error: clip: layer 'later' (line 20) is painted after") !=
          std::string::npos);
}

TEST_CASE("layout: a layer clipped to a layer in error is not reported twice", "[layout][errors]") {
    const auto errors = layout_errors(R"([flag]
size = [3, 2]
[[layer]]
id = "disc"
kind = "star"
color = "red"
step = 4
radius = 0.5
[[layer]]
kind = "field"
color = "blue"
clip = "disc"
)");
    REQUIRE(errors.size() == 1);
    CHECK(where(errors[0]) == "7:8 impossible-star");
}

constexpr const char* kRings = R"([flag]
size = [3, 2]
[[layer]]
kind = "rings"
pattern = "row"
count = 3
radius = 0.3
width = 0.06
colors = ["blue", "black", "red"]
)";

TEST_CASE("layout: over triples that contradict each other are an error at the second", "[layout][rings]") {
    const auto errors = layout_errors(std::string(kRings) + "over = [[0, 1, 0], [1, 0, 0]]\n");
    REQUIRE(errors.size() == 1);
    CHECK(where(errors[0]) == "10:20 conflicting-over");
    CHECK(errors[0].message.find("contradicts [0, 1, 0] at 10:9") != std::string::npos);
}

TEST_CASE("layout: every over triple naming no crossing is reported at its own position", "[layout][rings]") {
    const auto errors = layout_errors(std::string(kRings) + "over = [[0, 2, 0], [0, 1, 0], [1, 2, 5]]\n");
    REQUIRE(errors.size() == 2);
    CHECK(where(errors[0]) == "10:9 no-such-crossing");  // rings 0 and 2 do not meet
    CHECK(where(errors[1]) == "10:31 no-such-crossing"); // rings 1 and 2 cross twice, not six times
}

TEST_CASE("layout: a triple given twice and a layer off the flag are warnings", "[layout][warnings]") {
    const Design design = load_design_text(std::string(kRings) + "over = [[0, 1, 0], [0, 1, 0]]\n" + R"(
[[layer]]
kind = "circle"
at = [10, 10]
radius = 0.5
color = "red"
)",
                                           "t.toml");
    std::vector<Diagnostic> warnings;
    const Scene scene = build_scene(design, Resources{}, &warnings);
    CHECK(scene.groups.size() == 2);
    REQUIRE(warnings.size() == 2);
    CHECK(where(warnings[0]) == "10:20 repeated-over");
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(where(warnings[1]) == "12:1 off-flag");
    CHECK(format_diagnostic(warnings[1]).rfind("t.toml:12:1: warning: ", 0) == 0);
}

TEST_CASE("layout: ring_crossings checks a rings layer as build_scene does", "[layout][rings]") {
    const Design design = load_design_text(std::string(kRings) + "over = [[0, 1, 0], [1, 0, 0]]\n", "t.toml");
    CHECK_THROWS_AS(ring_crossings(design), InputError);
    const Design narrow =
        load_design_text("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"rings\"\nradius = 0.2\nwidth = 0.5\n"
                         "colors = \"blue\"\n",
                         "t.toml");
    CHECK_THROWS_AS(ring_crossings(narrow), InputError); // a band wider than the ring
}

TEST_CASE("resources: layout reads no file; artwork is parsed once per content", "[layout][resources]") {
    TempDir dir;
    const std::string square = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">)"
                               R"(<rect width="10" height="10" fill="#ff0000"/></svg>)";
    dir.write("mark.svg", square);
    dir.write("d.toml",
              "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"emblem\"\nfile = \"mark.svg\"\nheight = 1\n");
    const Design design = load_design(dir / "d.toml");
    // Without its resources, layout refuses rather than reading the file itself.
    CHECK_THROWS_AS(build_scene(design, Resources{}), std::logic_error);

    ResourceCache cache;
    const Scene first = build_scene(design, load_resources(design, &cache));
    const Scene second = build_scene(design, load_resources(design, &cache));
    CHECK(cache.parses() == 1);
    CHECK(dump(first) == dump(second));
    dir.write("mark.svg", square.substr(0, square.size() - 6) + "<circle r=\"1\"/></svg>");
    (void)load_resources(design, &cache);
    CHECK(cache.parses() == 2); // changed bytes: parsed again

    dir.write("mark.svg", "not svg");
    const Resources broken = load_resources(design); // recorded, not thrown: layout reports it
    REQUIRE(broken.problems().size() == 1);
    try {
        (void)build_scene(design, broken);
        FAIL("a broken emblem laid out");
    } catch (const InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        CHECK(where(error.diagnostics()[0]) == "5:8 bad-emblem");
    }
}

TEST_CASE("layout: over triples that make a cycle at a multi-crossing are a warning", "[layout][warnings]") {
    // At (1.68, 0.68) of the Earth flag rings 0, 1 and 5 meet; 5 lies over 1 there by default.
    // Ring 1 over 0 and 0 over 5 close the cycle 1 > 0 > 5 > 1: no stack honours all three.
    LoadOptions options;
    options.overrides = {"flower.over=[[1, 0, 0], [0, 5, 0]]"};
    const Design design = load_design(test::source_dir() / "designs" / "earth.toml", options);
    std::vector<Diagnostic> warnings;
    (void)build_scene(design, Resources{}, &warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].code == "weave-cycle");
    CHECK(warnings[0].message.find("0, 1, 5") != std::string::npos);
    CHECK(warnings[0].region.file == "<--set flower.over=[[1, 0, 0], [0, 5, 0]]>");

    options.overrides = {"flower.over=[[1, 0, 0]]"}; // no cycle: 5 > 1 > 0
    warnings.clear();
    (void)build_scene(load_design(test::source_dir() / "designs" / "earth.toml", options), Resources{},
                      &warnings);
    CHECK(warnings.empty());
}

TEST_CASE("layout: an invisible layer warns unless an id makes it a clip source", "[layout][warnings]") {
    const auto warnings_of = [](const std::string& extra) {
        std::vector<Diagnostic> warnings;
        (void)build_scene(load_design_text("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = "
                                           "\"red\"\nopacity = 0\n" +
                                               extra,
                                           "t.toml"),
                          Resources{}, &warnings);
        return warnings;
    };
    const auto plain = warnings_of("");
    REQUIRE(plain.size() == 1);
    CHECK(where(plain[0]) == "6:11 invisible");
    CHECK(warnings_of("id = \"mask\"\n").empty());
}
