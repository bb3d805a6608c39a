// The loader: TOML text → checked, resolved Design, and the diagnostics a bad design gets.
#include "vexil/design.h"
#include "vexil/fields.h"
#include "vexil/load.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace vexil;

namespace {

/// Two lines every design starts with: `[flag]` and a 3 × 2 size. Layers then begin on line 3.
const std::string kFlag = "[flag]\nsize = [3, 2]\n";

Design load(const std::string& toml, std::vector<std::string> overrides = {}) {
    LoadOptions options;
    options.overrides = std::move(overrides);
    return load_design_text(toml, "t.toml", options);
}

/// The diagnostics of a design that must not load (none if it loads).
std::vector<Diagnostic> errors_of(const std::string& toml, std::vector<std::string> overrides = {}) {
    try {
        load(toml, std::move(overrides));
    } catch (const InputError& error) {
        return error.diagnostics();
    }
    return {};
}

/// Loading `toml` fails, and the first diagnostic is `code` at `line`:`column` of t.toml (or of
/// `file`), its message containing `fragment`. Returns the diagnostics for further checks.
std::vector<Diagnostic> load_should_fail(const std::string& toml, std::uint32_t line, std::uint32_t column,
                                         const std::string& code, const std::string& fragment = "",
                                         std::vector<std::string> overrides = {},
                                         const std::string& file = "t.toml") {
    INFO("design:\n" << toml);
    const auto errors = errors_of(toml, std::move(overrides));
    REQUIRE_FALSE(errors.empty());
    const Diagnostic& first = errors.front();
    INFO("first diagnostic: " << format_diagnostic(first));
    CHECK(first.code == code);
    CHECK(first.region.file == file);
    CHECK(first.region.begin.line == line);
    CHECK(first.region.begin.column == column);
    CHECK(first.severity == Severity::Error);
    if (!fragment.empty()) CHECK_THAT(first.message, Catch::Contains(fragment));
    // Every message says what is wrong in words, starting with a lowercase word or a quoted name,
    // never with a stray "Error" (the formatter already says "error:").
    REQUIRE_FALSE(first.message.empty());
    CHECK(first.message.size() > 15);
    CHECK(first.message.rfind("Error", 0) == std::string::npos);
    CHECK(format_diagnostic(first).rfind(
              file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ", 0) == 0);
    return errors;
}

Colour rgb(int r, int g, int b) {
    return Colour{r / 255.0, g / 255.0, b / 255.0, 1.0};
}

const Layer& only_layer(const Design& design) {
    REQUIRE(design.layers.size() == 1);
    return design.layers.front();
}

} // namespace

// --- what a good design gives ----------------------------------------------------------------------

TEST_CASE("load: [flag] title, author, source and size", "[load]") {
    const Design design = load(R"toml([flag]
title  = "International Flag of Planet Earth"
author = "Oskar Pernefeldt"
source = "flagofplanetearth.com"
size   = [30, 20]
)toml");
    CHECK(design.path == "t.toml");
    CHECK(design.flag.title == "International Flag of Planet Earth");
    CHECK(design.flag.author == "Oskar Pernefeldt");
    CHECK(design.flag.source == "flagofplanetearth.com");
    CHECK(design.flag.width == 30);
    CHECK(design.flag.height == 20);
    CHECK(design.flag.region.file == "t.toml");
    CHECK(design.flag.region.begin.line == 1);
    CHECK(design.layers.empty());
    CHECK(design.palette.empty());
    CHECK(design.params.empty());
}

TEST_CASE("load: the flag's size may be fractional, integer or an expression without names", "[load]") {
    const Design us = load("[flag]\nsize = [1.9, 1]\n");
    CHECK(us.flag.width == Approx(1.9));
    CHECK(us.flag.height == 1);
    const Design sq = load("[flag]\nsize = [\"sqrt(4)\", \"3/3\"]\n");
    CHECK(sq.flag.width == 2);
    CHECK(sq.flag.height == 1);
}

TEST_CASE("load: palette names, hex forms and CSS names are colours", "[load]") {
    const Design design = load(kFlag + R"toml(
[colors]
ocean = "#0b4da2"
short = "#f0a"
glass = "#ff000080"

[[layer]]
kind  = "field"
color = "ocean"

[[layer]]
kind  = "field"
color = "gold"

[[layer]]
kind  = "field"
color = "White"

[[layer]]
kind  = "field"
color = "short"

[[layer]]
kind  = "field"
color = "glass"
)toml");
    REQUIRE(design.palette.size() == 3);
    CHECK(design.palette.at("ocean") == rgb(0x0b, 0x4d, 0xa2));
    REQUIRE(design.layers.size() == 5);
    CHECK(design.layers[0].get(fields::color) == rgb(0x0b, 0x4d, 0xa2));
    CHECK(design.layers[1].get(fields::color) == rgb(0xff, 0xd7, 0x00));
    CHECK(design.layers[2].get(fields::color) == rgb(0xff, 0xff, 0xff)); // CSS names ignore case
    CHECK(design.layers[3].get(fields::color) == rgb(0xff, 0x00, 0xaa));
    CHECK(design.layers[4].get(fields::color).a == Approx(128 / 255.0));
    CHECK(design.layers[0].kind_name() == "field");
    CHECK(design.layers[0].region.begin.line == 9);
    CHECK(design.layers[0].where(fields::color).begin.line == 11);
    CHECK(design.layers[0].where(fields::color).begin.column == 9);
}

TEST_CASE("load: a palette name shadows the CSS name", "[load]") {
    const Design design =
        load(kFlag + "[colors]\nred = \"#c8102e\"\n[[layer]]\nkind = \"field\"\ncolor = \"red\"\n");
    CHECK(only_layer(design).get(fields::color) == rgb(0xc8, 0x10, 0x2e));
}

TEST_CASE("load: params may refer to later params, in any order", "[load]") {
    const Design design = load(kFlag + R"toml(
[params]
a = "b * 2"
b = "c + 1"
c = 0.5
d = "a + b + c"

[[layer]]
kind   = "circle"
color  = "red"
radius = "d / 10"
)toml");
    CHECK(design.params.at("c") == 0.5);
    CHECK(design.params.at("b") == 1.5);
    CHECK(design.params.at("a") == 3.0);
    CHECK(design.params.at("d") == 5.0);
    CHECK(only_layer(design).get(fields::radius) == Approx(0.5));
}

TEST_CASE("load: expressions over W and H", "[load]") {
    const Design design = load(R"toml([flag]
size = [3, 2]

[params]
band = "H/13"

[[layer]]
kind  = "rect"
color = "navy"
at    = ["W/2", "7*H/13"]
size  = ["W", "band * 2"]
rotate = "atan2(H, W)"
)toml");
    const Layer& rect = only_layer(design);
    CHECK(rect.get(fields::at).x == Approx(1.5));
    CHECK(rect.get(fields::at).y == Approx(14.0 / 13));
    CHECK(rect.get(fields::size).x == Approx(3));
    CHECK(rect.get(fields::size).y == Approx(4.0 / 13));
    CHECK(rect.get(fields::rotate) == Approx(33.690067525979785));
    CHECK(design.params.at("band") == Approx(2.0 / 13));
}

TEST_CASE("load: defaults come from the kind catalogue", "[load]") {
    const Design design = load(kFlag + "[[layer]]\nkind = \"star\"\ncolor = \"white\"\nradius = 0.5\n");
    const Layer& star = only_layer(design);
    CHECK(star.get(fields::star_points) == 5);
    CHECK(star.get(fields::step) == 2);
    CHECK(star.get(fields::at).x == 1.5); // ["W/2", "H/2"]
    CHECK(star.get(fields::at).y == 1.0);
    CHECK(star.get(fields::rotate) == 0);
    CHECK(star.get(fields::opacity) == 1);
    CHECK_FALSE(star.has(fields::inner));
    CHECK_FALSE(star.has(fields::outline));
    CHECK_FALSE(star.has(fields::clip));
    CHECK(star.id.empty());
    // A default stands at the layer itself.
    CHECK(star.where(fields::star_points).begin.line == 3);

    const Design bands = load(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\", \"white\"]\n");
    CHECK(only_layer(bands).get(fields::direction) == "horizontal");
    CHECK_FALSE(only_layer(bands).has(fields::weights));

    const Design path =
        load(kFlag + "[[layer]]\nkind = \"path\"\ncolor = \"red\"\nd = \"M0 0 L1 0 L0 1 Z\"\n");
    CHECK(only_layer(path).get(fields::at).x == 0);
    CHECK(only_layer(path).get(fields::scale) == 1);
    CHECK(only_layer(path).get(fields::fill_rule) == "nonzero");
}

TEST_CASE("load: given values override defaults and keep their regions", "[load]") {
    const Design design = load(kFlag + R"toml([[layer]]
id      = "sun"
kind    = "star"
color   = "gold"
points  = 7
radius  = 0.5
inner   = 0.2
at      = [1, 0.5]
rotate  = 15
opacity = 0.25
outline = { color = "black", width = 0.01 }
clip    = [0, 0, 1.5, 1]
)toml");
    const Layer& star = only_layer(design);
    CHECK(star.id == "sun");
    CHECK(star.get(fields::id) == "sun");
    CHECK(star.get(fields::star_points) == 7);
    CHECK(star.get(fields::inner) == 0.2);
    CHECK(star.get(fields::at).x == 1);
    CHECK(star.get(fields::rotate) == 15);
    CHECK(star.get(fields::opacity) == 0.25);
    CHECK(star.get(fields::outline).colour == rgb(0, 0, 0));
    CHECK(star.get(fields::outline).width == 0.01);
    REQUIRE(star.get(fields::clip).box.has_value());
    const Box clip = *star.get(fields::clip).box;
    CHECK((clip.x == 0 && clip.y == 0 && clip.w == 1.5 && clip.h == 1));
    CHECK(star.where(fields::star_points).begin.line == 7);
    CHECK(star.where(fields::star_points).begin.column == 11);
}

TEST_CASE("load: a single colour string stands for a list of one", "[load]") {
    const Design design = load(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = \"red\"\n");
    REQUIRE(only_layer(design).get(fields::colors).size() == 1);
    CHECK(only_layer(design).get(fields::colors)[0] == rgb(255, 0, 0));
}

TEST_CASE("load: lists of colours, weights, points and clip ids", "[load]") {
    const Design design = load(kFlag + R"toml([[layer]]
id        = "stripes"
kind      = "bands"
direction = "vertical"
colors    = ["#0055a4", "white", "#ef4135"]
weights   = [1, "1", "2/2"]

[[layer]]
kind   = "polygon"
color  = "green"
points = [[0, 0], ["W", 0], [0, "H"]]
clip   = "stripes"
)toml");
    REQUIRE(design.layers.size() == 2);
    CHECK(design.layers[0].get(fields::direction) == "vertical");
    CHECK(design.layers[0].get(fields::colors).size() == 3);
    CHECK(design.layers[0].get(fields::weights) == std::vector<double>{1, 1, 1});
    const auto& points = design.layers[1].get(fields::points);
    REQUIRE(points.size() == 3);
    CHECK(points[1].x == 3);
    CHECK(points[2].y == 2);
    CHECK(design.layers[1].get(fields::clip).id == "stripes");
}

TEST_CASE("load: --set overrides a param, a palette colour and a layer field", "[load]") {
    const std::string toml = kFlag + R"toml(
[colors]
ocean = "#0b4da2"

[params]
r = 0.32

[[layer]]
kind  = "field"
color = "ocean"

[[layer]]
id     = "flower"
kind   = "circle"
color  = "white"
radius = "r"
)toml";
    const Design plain = load(toml);
    CHECK(plain.params.at("r") == 0.32);
    CHECK(plain.layers[1].get(fields::radius) == 0.32);

    const Design r = load(toml, {"r=0.5"});
    CHECK(r.params.at("r") == 0.5);
    CHECK(r.layers[1].get(fields::radius) == 0.5); // users of the param see the new value
    CHECK(r.layers[1].where(fields::radius).file == "t.toml");

    const Design ocean = load(toml, {"colors.ocean=#ff0000"});
    CHECK(ocean.palette.at("ocean") == rgb(255, 0, 0));
    CHECK(ocean.layers[0].get(fields::color) == rgb(255, 0, 0));

    const Design flower = load(toml, {"flower.radius=0.4"});
    CHECK(flower.layers[1].get(fields::radius) == 0.4);
    CHECK(flower.params.at("r") == 0.32);
    CHECK(flower.layers[1].where(fields::radius).file == "<--set flower.radius=0.4>");

    // Values may be TOML (a quoted string, an array) or expressions.
    const Design several =
        load(toml, {"r=\"W/10\"", "flower.at=[1, 1]", "colors.ocean=\"gold\"", "flower.color=navy"});
    CHECK(several.layers[1].get(fields::radius) == Approx(0.3));
    CHECK(several.layers[1].get(fields::at).x == 1);
    CHECK(several.layers[0].get(fields::color) == rgb(0xff, 0xd7, 0x00));
    CHECK(several.layers[1].get(fields::color) == rgb(0, 0, 0x80));

    // A field the layer did not have is added (a palette entry is not: see the failures below).
    const Design added = load(toml, {"flower.opacity=0.5"});
    CHECK(added.layers[1].get(fields::opacity) == 0.5);

    // The last --set of a name wins.
    CHECK(load(toml, {"r=0.1", "r=0.2"}).params.at("r") == 0.2);
}

// --- what a bad design gets --------------------------------------------------------------------------

TEST_CASE("load fails: unknown top-level key, with a suggestion", "[load]") {
    load_should_fail("colours = { a = \"red\" }\n" + kFlag, 1, 1, "unknown-key",
                     "unknown key 'colours' in the design's top level — did you mean 'colors'?");
    load_should_fail(kFlag + "[paramz]\nr = 1\n", 3, 2, "unknown-key", "did you mean 'params'?");
}

TEST_CASE("load fails: unknown [flag] key", "[load]") {
    load_should_fail("[flag]\nsize = [3, 2]\ntitel = \"x\"\n", 3, 1, "unknown-key",
                     "unknown key 'titel' in [flag] — did you mean 'title'?");
}

TEST_CASE("load fails: unknown layer key, with did-you-mean", "[load]") {
    const auto errors = load_should_fail(kFlag + R"toml([[layer]]
id     = "flower"
kind   = "circle"
color  = "white"
raduis = 0.5
)toml",
                                         7, 1, "unknown-key",
                                         "unknown key 'raduis' in layer 'flower' — did you mean 'radius'?");
    // The misspelt key does not get a second message saying `radius` is missing.
    CHECK(errors.size() == 1);
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\nbanana = 1\n", 6, 1,
                     "unknown-key", "unknown key 'banana' in layer 1 (field)");
}

TEST_CASE("load fails: unknown kind, with did-you-mean", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"cirle\"\nradius = 1\n", 4, 8, "unknown-kind",
                     "unknown layer kind 'cirle' — did you mean 'circle'?");
    const auto errors = load_should_fail(kFlag + "[[layer]]\nkind = \"spaceship\"\n", 4, 8, "unknown-kind");
    CHECK_THAT(errors[0].message, !Catch::Contains("did you mean"));
}

TEST_CASE("load fails: a layer without a kind", "[load]") {
    load_should_fail(kFlag + "\n[[layer]]\ncolor = \"red\"\n", 4, 1, "missing-key",
                     "layer 1 needs 'kind', which is missing");
}

TEST_CASE("load fails: a required field is missing (at the layer's [[layer]] header)", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\n\n  [[layer]]\nkind = "
                             "\"circle\"\ncolor = \"red\"\n",
                     7, 3, "missing-key", "layer 2 (circle) needs 'radius', which is missing");
    load_should_fail(kFlag + "[[layer]]\nid = \"sun\"\nkind = \"star\"\nradius = 1\n", 3, 1, "missing-key",
                     "layer 'sun' needs 'color', which is missing");
}

TEST_CASE("load fails: values of the wrong type", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = true\n", 6, 10,
                     "wrong-type", "radius: expected a number or an expression string but found true");
    load_should_fail(kFlag + "[[layer]]\nkind = 5\n", 4, 8, "wrong-type",
                     "expected a string but found the number 5");
    load_should_fail(
        kFlag + "[[layer]]\nkind = \"saltire\"\ncolor = \"red\"\nwidth = 0.1\ncounterchanged = \"yes\"\n", 7,
        18, "wrong-type", "counterchanged: expected true or false but found the string \"yes\"");
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = 255\n", 5, 9, "wrong-type",
                     "color: expected a colour string");
    load_should_fail(kFlag + "[[layer]]\nkind = \"star\"\ncolor = \"red\"\nradius = 1\npoints = 5.5\n", 7, 10,
                     "wrong-type", "points: expected a whole number but found a fraction");
    load_should_fail(kFlag + "[[layer]]\nkind = \"rect\"\ncolor = \"red\"\nsize = 2\n", 6, 8, "wrong-type",
                     "size: expected an array of 2 numbers but found the number 2");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = []\n", 5, 10, "wrong-type",
                     "colors: expected a colour or a non-empty array of colours");
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\nclip = true\n", 6, 8,
                     "wrong-type", "clip: expected a layer id or [x, y, w, h]");
}

TEST_CASE("load fails: top-level tables of the wrong type", "[load]") {
    load_should_fail("flag = 3\n", 1, 8, "wrong-type", "'flag': expected a table but found the number 3");
    load_should_fail("layer = 5\n" + kFlag, 1, 9, "wrong-type", "'layer': expected an array of tables");
    load_should_fail("colors = [\"red\"]\n" + kFlag, 1, 10, "wrong-type", "'colors': expected a table");
    load_should_fail("params = 1\n" + kFlag, 1, 10, "wrong-type", "'params': expected a table");
    load_should_fail("layer = [1]\n" + kFlag, 1, 10, "wrong-type",
                     "a layer: expected a table but found the number 1");
}

TEST_CASE("load fails: numbers out of range", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\nopacity = 1.5\n", 6, 11,
                     "out-of-range", "opacity: 1.5 is out of range (from 0 to 1)");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"-H\"\n", 6, 10,
                     "out-of-range", "radius: -2 is out of range (at least 0)");
    load_should_fail(kFlag + "[[layer]]\nkind = \"star\"\ncolor = \"red\"\nradius = 1\npoints = 1e9\n", 7, 10,
                     "out-of-range", "points: 1000000000 is out of range (from 3 to 1000)");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\", \"blue\"]\nweights = [1, -1]\n",
                     6, 11, "out-of-range", "weights: -1 is out of range (at least 0)");
    load_should_fail(
        kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\noutline = { color = \"red\", width = -1 }\n",
        6, 36, "out-of-range", "outline.width: -1 is out of range (at least 0)");
}

TEST_CASE("load fails: nan and inf", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = nan\n", 6, 10,
                     "not-finite", "radius: nan and inf are not numbers here");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = -inf\n", 6, 10,
                     "not-finite");
    load_should_fail("[flag]\nsize = [inf, 1]\n", 2, 9, "not-finite");
}

TEST_CASE("load fails: bad colours, with a suggestion", "[load]") {
    load_should_fail(
        kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"whit\"\n", 5, 9, "bad-colour",
        "'whit' is not a colour: expected #rgb, #rrggbb, #rrggbbaa, a CSS colour name or a palette name "
        "— did you mean 'white'?");
    // A palette name is suggested too.
    load_should_fail(kFlag +
                         "[colors]\nocean = \"#0b4da2\"\n[[layer]]\nkind = \"field\"\ncolor = \"oceam\"\n",
                     7, 9, "bad-colour", "did you mean 'ocean'?");
    const auto hex = load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"#12345\"\n", 5, 9,
                                      "bad-colour", "'#12345' is not a colour");
    CHECK_THAT(hex[0].message, !Catch::Contains("did you mean"));
    load_should_fail(kFlag + "[colors]\nsea = \"#ggg\"\n", 4, 7, "bad-colour");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\", \"bleu\"]\n", 5, 18,
                     "bad-colour", "did you mean 'blue'?");
}

TEST_CASE("load fails: a choice that is not one of the choices", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\"]\ndirection = \"diagonal\"\n", 6,
                     13, "bad-choice",
                     "direction: expected one of 'horizontal', 'vertical' but found 'diagonal'");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\"]\ndirection = \"verticle\"\n", 6,
                     13, "bad-choice", "did you mean 'vertical'?");
}

TEST_CASE("load fails: TOML syntax errors, at their position", "[load]") {
    // An unclosed array is reported at its '[' (toml++ notices it at the next line), with a hint.
    load_should_fail(
        "[flag]\nsize = [3, 2\n[[layer]]\n", 2, 8, "toml-syntax",
        "this '[' is not closed: a ']' is missing before 3:1 (TOML syntax error while parsing array");
    load_should_fail("[flag]\nsize = [[1, 2], [3, 4]\nx = 1\n", 2, 8, "toml-syntax",
                     "this '[' is not closed");
    load_should_fail("[flag]\nsize = = 3\n", 2, 8, "toml-syntax", "a value is a number, true or false");
    load_should_fail("[flag]\nsize = [3, 2]\n[flag]\n", 3, 1, "toml-syntax");
    load_should_fail("[flag]\ntitle = \"unterminated\nsize = [3, 2]\n", 2, 22, "toml-syntax",
                     "a string is not closed on this line: add its closing quote");
    load_should_fail("[flag]\ntitle = 'unterminated\nsize = [3, 2]\n", 2, 22, "toml-syntax",
                     "a string is not closed on this line");
    load_should_fail("[flag\nsize = [3, 2]\n", 1, 6, "toml-syntax", "a table header is [name]");
    load_should_fail("[flag]\ntitle \"x\"\n", 2, 7, "toml-syntax", "each line of a table is KEY = VALUE");
    load_should_fail("[flag]\ntitle = \"x\"\ntitle = \"y\"\n", 3, 9, "toml-syntax",
                     "a key is given twice in one table");
    load_should_fail("[flag]\nsize = [3, 2]]\n", 2, 14, "toml-syntax",
                     "something follows the value on its line");
    load_should_fail("[flag]\nat = { x = 1\n", 2, 13, "toml-syntax",
                     "an inline table { .. } opens and closes on one line");
    // A '[' inside a string or a comment is not an open bracket.
    load_should_fail("[flag] # [not this\ntitle = \"[nor this\"\nsize = [3,\n2\nx = 1\n", 3, 8, "toml-syntax",
                     "this '[' is not closed");
}

TEST_CASE("load fails: expression errors point at the column inside the string", "[load]") {
    // `radius = "r * * 2"`: the quote is at column 10, so text offset k is at column 11 + k.
    load_should_fail(
        kFlag + "[params]\nr = 1\n[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"r * * 2\"\n", 8,
        15, "expr-syntax", "radius: expected a number or name but found '*'");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"(1 + 2\"\n", 6, 17,
                     "expr-syntax", "expected ')' but found end of expression");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"2r\"\n", 6, 11,
                     "expr-syntax", "malformed number '2r' (write '*' to multiply)");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"   \"\n", 6, 11,
                     "expr-syntax", "empty expression");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"1 / (H - 2)\"\n", 6,
                     15, "expr-domain", "division by zero");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"sqrt(1, 2)\"\n", 6,
                     11, "expr-arity", "sqrt takes 1 argument, got 2");
    // Inside an inline array: column of the element's own string.
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = 1\nat = [1, \"2 +\"]\n",
                     7, 14, "expr-syntax");
    // Columns count characters, not bytes.
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"1 + ü\"\n", 6, 15,
                     "expr-syntax", "found 'ü'");
    // A string with escapes does not map column for column onto the text: point at its quote.
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"\\u0031 * * 2\"\n", 6,
                     10, "expr-syntax");
    // So does a multi-line string.
    load_should_fail(kFlag +
                         "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"\"\"\n1 * * 2\"\"\"\n",
                     6, 10, "expr-syntax");
    // A literal string maps like a basic one.
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = '1 * * 2'\n", 6, 15,
                     "expr-syntax");
}

TEST_CASE("load fails: limits on expressions", "[load]") {
    const std::string deep = std::string(100, '(') + "1" + std::string(100, ')');
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"" + deep + "\"\n", 6,
                     75, "expr-too-deep", "nested too deeply");
    std::string huge;
    for (int i = 0; i < 50000; ++i)
        huge += "1+";
    huge += "1"; // 100 KB
    const auto errors =
        load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"" + huge + "\"\n",
                         6, 4107, "expr-too-long", "expression is too long (100001 bytes");
    CHECK(errors.size() == 1);
}

TEST_CASE("load fails: unknown names in expressions, with did-you-mean to a param", "[load]") {
    load_should_fail(
        kFlag + "[params]\nband = 0.1\n[[layer]]\nkind = \"border\"\ncolor = \"red\"\nwidth = \"2 * bnad\"\n",
        8, 14, "unknown-name", "width: unknown name 'bnad' — did you mean 'band'?");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"sqr(2)\"\n", 6, 11,
                     "unknown-name", "unknown function 'sqr' — did you mean 'sqrt'?");
    load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"w / 4\"\n", 6, 11,
                     "unknown-name", "did you mean 'W'?");
    // One letter that is nothing like another gets no suggestion.
    const auto r = load_should_fail(kFlag + "[[layer]]\nkind = \"circle\"\ncolor = \"red\"\nradius = \"r\"\n",
                                    6, 11, "unknown-name", "unknown name 'r'");
    CHECK_THAT(r[0].message, !Catch::Contains("did you mean"));
    // The flag's size is read before params, W and H exist.
    load_should_fail("[flag]\nsize = [\"2 * H\", 2]\n[params]\nH2 = 1\n", 2, 14, "unknown-name",
                     "the flag's size cannot use params, W or H");
}

TEST_CASE("load fails: params in a cycle, once, at the name that closes it", "[load]") {
    const auto errors =
        load_should_fail(kFlag + "[params]\na = \"b + 1\"\nb = \"2 * c\"\nc = \"a\"\n", 6, 6, "param-cycle",
                         "params refer to each other in a cycle: a → b → c → a");
    CHECK(errors.size() == 1); // not also "unknown name" for every param on the way
    const auto self = load_should_fail(kFlag + "[params]\nr = \"r + 1\"\n", 4, 6, "param-cycle", "r → r");
    CHECK(self.size() == 1);
    // A cycle met on the way from another param names only the params in the cycle.
    load_should_fail(kFlag + "[params]\na = \"b\"\nb = \"1 + c\"\nc = \"b\"\n", 6, 6, "param-cycle",
                     ": b → c → b");
}

TEST_CASE("load fails: one bad param is reported once, not at each user", "[load]") {
    const auto errors = load_should_fail(kFlag + R"toml([params]
r = "1 +"
d = "2 * r"
[[layer]]
kind   = "circle"
color  = "red"
radius = "r"
[[layer]]
kind   = "circle"
color  = "red"
radius = "d"
)toml",
                                         4, 9, "expr-syntax", "param 'r': expected a number or name");
    CHECK(errors.size() == 1);
}

TEST_CASE("load fails: one bad palette colour is reported once, not at each user", "[load]") {
    const auto errors = load_should_fail(
        kFlag + "[colors]\nocean = \"#0b4da2x\"\n[[layer]]\nkind = \"field\"\ncolor = \"ocean\"\n", 4, 9,
        "bad-colour");
    CHECK(errors.size() == 1);
}

TEST_CASE("load fails: a bad value is not also reported as missing", "[load]") {
    const auto errors =
        load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"whit\"\n", 5, 9, "bad-colour");
    CHECK(errors.size() == 1);
}

TEST_CASE("load fails: duplicate layer ids", "[load]") {
    load_should_fail(kFlag + R"toml([[layer]]
id = "a"
kind = "field"
color = "red"
[[layer]]
id    = "a"
kind = "field"
color = "red"
)toml",
                     8, 9, "duplicate-id", "layer id 'a' is already used at line 4");
}

TEST_CASE("load fails: bad SVG path data, at the column in the string", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"path\"\ncolor = \"red\"\nd = \"M 0 0 X 1 1\"\n", 6, 12,
                     "bad-path", "d: unknown path command 'X'");
    load_should_fail(kFlag + "[[layer]]\nkind = \"path\"\ncolor = \"red\"\nd = \"M 0 0 L 1\"\n", 6, 15,
                     "bad-path", "expected a number after 'L'");
    load_should_fail(kFlag + "[[layer]]\nkind = \"path\"\ncolor = \"red\"\nd = \"\"\n", 6, 6, "bad-path",
                     "empty");
}

TEST_CASE("load fails: lists of the wrong length", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"rect\"\ncolor = \"red\"\nsize = [1, 2, 3]\n", 6, 8,
                     "wrong-length", "size: expected 2 numbers but found 3");
    load_should_fail(kFlag + "[[layer]]\nkind = \"rect\"\ncolor = \"red\"\nsize = [1]\nat = [1, 1]\n", 6, 8,
                     "wrong-length", "expected 2 numbers but found 1");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\"]\nbox = [0, 0, 1]\n", 6, 7,
                     "wrong-length", "box: expected 4 numbers but found 3");
    load_should_fail(
        kFlag + "[[layer]]\nkind = \"polygon\"\ncolor = \"red\"\npoints = [[0, 0], [1, 1, 1], [0, 1]]\n", 6,
        19, "wrong-length");
    load_should_fail(kFlag + "[[layer]]\nkind = \"bands\"\ncolors = [\"red\"]\nweights = []\n", 6, 11,
                     "wrong-length", "expected at least one number");
    load_should_fail("[flag]\nsize = [3]\n", 2, 8, "wrong-length",
                     "flag.size: expected 2 numbers but found 1");
}

TEST_CASE("load fails: outline tables", "[load]") {
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\noutline = { color = \"red\" }\n",
                     6, 11, "missing-key", "outline needs 'width'");
    const auto widht = load_should_fail(
        kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\noutline = { color = \"red\", widht = 1 }\n", 6,
        28, "unknown-key", "unknown key 'widht' in outline — did you mean 'width'?");
    CHECK(widht.size() == 1); // not also "outline needs 'width'"
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"red\"\noutline = \"red\"\n", 6, 11,
                     "wrong-type", "outline: expected a table");
}

TEST_CASE("load fails: the flag's size missing, negative or absurd", "[load]") {
    load_should_fail("[flag]\ntitle = \"no size\"\n", 1, 1, "missing-key",
                     "[flag] needs 'size', which is missing");
    load_should_fail("title = \"x\"\n", 1, 1, "unknown-key");
    load_should_fail("", 1, 1, "missing-key", "a design needs '[flag]', which is missing");
    load_should_fail("[[layer]]\nkind = \"field\"\ncolor = \"red\"\n", 1, 1, "missing-key", "needs '[flag]'");
    load_should_fail("[flag]\nsize = [-3, 2]\n", 2, 8, "bad-size",
                     "flag.size: width and height must be from 0.001");
    load_should_fail("[flag]\nsize = [3, 0]\n", 2, 8, "bad-size");
    load_should_fail("[flag]\nsize = [1e9, 1]\n", 2, 8, "bad-size", "to 1e6 design units");
    load_should_fail("[flag]\nsize = [1000, 1]\n", 2, 8, "bad-size", "within 100:1");
    load_should_fail("[flag]\nsize = \"3x2\"\n", 2, 8, "wrong-type",
                     "flag.size: expected an array of 2 numbers");
}

TEST_CASE("load fails: several problems are reported at once, in the order of the file", "[load]") {
    const auto errors = load_should_fail(kFlag + R"toml([[layer]]
kind   = "circle"
color  = "white"
radius = 0.5
raduis = 0.5
colour = "red"
)toml",
                                         7, 1, "unknown-key", "'raduis'");
    REQUIRE(errors.size() == 2);
    CHECK(errors[1].code == "unknown-key");
    CHECK(errors[1].region.begin.line == 8);
    CHECK_THAT(errors[1].message, Catch::Contains("'colour'") && Catch::Contains("did you mean 'color'?"));

    // [params] is read after [colors], but comes first in this file, and so does its error.
    const auto ordered =
        load_should_fail(kFlag + "[params]\nr = \"1 +\"\n[colors]\nsea = \"#ggg\"\n"
                                 "[[layer]]\nkind = \"field\"\ncolor = \"whit\"\nbogus = 1\n",
                         4, 9, "expr-syntax");
    REQUIRE(ordered.size() == 4);
    CHECK(ordered[1].code == "bad-colour");
    CHECK(ordered[1].region.begin.line == 6);
    CHECK(ordered[2].region.begin.line == 9);
    CHECK(ordered[3].region.begin.line == 10);
    for (std::size_t i = 1; i < ordered.size(); ++i)
        CHECK(ordered[i - 1].region.begin.line <= ordered[i].region.begin.line);
}

TEST_CASE("load fails: errors stop at a cap", "[load]") {
    std::string toml = kFlag;
    for (int i = 0; i < 200; ++i)
        toml += "[[layer]]\nkind = \"field\"\ncolor = \"whit\"\n";
    const auto errors = errors_of(toml);
    CHECK(errors.size() >= 10);
    CHECK(errors.size() <= 100);
}

TEST_CASE("load fails: a design over the size limit", "[load]") {
    const std::string big = kFlag + "# " + std::string(5 * 1024 * 1024, 'x') + "\n";
    const auto errors = errors_of(big);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "limit");
    CHECK(errors[0].region.file == "t.toml");
}

TEST_CASE("load fails: too many layers", "[load]") {
    std::string toml = "layer = [";
    for (int i = 0; i < 10001; ++i)
        toml += "{},";
    toml += "]\n" + kFlag;
    load_should_fail(toml, 1, 9, "limit", "the number of layers exceeds vexil's limit of 10000");
}

TEST_CASE("load fails: hostile nesting does not crash and has a position", "[load]") {
    const std::string arrays = kFlag + "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    load_should_fail(arrays, 3, 261, "toml-syntax", "nested");
    std::string tables = kFlag + "x = ";
    for (int i = 0; i < 5000; ++i)
        tables += "{a = ";
    tables += "1" + std::string(5000, '}') + "\n";
    load_should_fail(tables, 3, 1285, "toml-syntax", "nested");
}

TEST_CASE("load fails: --set mistakes name the --set", "[load]") {
    const std::string toml = kFlag +
                             "[colors]\nocean = \"#0b4da2\"\n[params]\nr = 0.3\n[[layer]]\nid = \"sun\"\n"
                             "kind = \"circle\"\ncolor = \"red\"\nradius = \"r\"\n";
    // The pseudo-file names the --set; the message is the library's and names no command-line flag.
    const auto no_flag = [](const std::vector<Diagnostic>& errors) {
        CHECK(errors.front().message.find("--") == std::string::npos);
    };
    no_flag(load_should_fail(toml, 1, 1, "bad-set", "takes NAME=VALUE, e.g. r=0.3", {"r"}, "<--set r>"));
    load_should_fail(toml, 1, 1, "bad-set", "", {"=1"}, "<--set =1>");
    no_flag(
        load_should_fail(toml, 1, 1, "unknown-param", "the design has no param 'q'", {"q=1"}, "<--set q=1>"));
    load_should_fail(toml, 1, 1, "unknown-param", "did you mean 'r'?", {"rr=1"}, "<--set rr=1>");
    no_flag(load_should_fail(toml, 1, 1, "unknown-id", "no layer has the id 'son' — did you mean 'sun'?",
                             {"son.radius=1"}, "<--set son.radius=1>"));
    load_should_fail(toml, 1, 1, "unknown-id", "no layer has the id 'moon'", {"moon.radius=1"},
                     "<--set moon.radius=1>");
    // A palette entry must exist, as a param must: a typo is not a new, unused colour.
    const auto typo = load_should_fail(toml, 1, 1, "unknown-colour",
                                       "the design's palette has no colour 'ocaen' — did you mean 'ocean'?",
                                       {"colors.ocaen=#ff0000"}, "<--set colors.ocaen=#ff0000>");
    no_flag(typo);
    CHECK(typo.size() == 1);
    load_should_fail(toml, 1, 1, "unknown-colour", "the design's palette has no colour 'sea'",
                     {"colors.sea=#00ff00"}, "<--set colors.sea=#00ff00>");
    // No palette at all: even a CSS name is not an entry to override.
    load_should_fail(kFlag + "[[layer]]\nkind = \"field\"\ncolor = \"white\"\n", 1, 1, "unknown-colour",
                     "the design's palette has no colour 'white'", {"colors.white=#000000"},
                     "<--set colors.white=#000000>");
    // Values are checked like values in the file, and point into the --set text.
    load_should_fail(toml, 1, 5, "unknown-key",
                     "unknown key 'raduis' in layer 'sun' — did you mean 'radius'?", {"sun.raduis=1"},
                     "<--set sun.raduis=1>");
    load_should_fail(toml, 1, 11, "bad-colour", "'whit' is not a colour", {"sun.color=whit"},
                     "<--set sun.color=whit>");
    load_should_fail(toml, 1, 14, "bad-colour", "'#zz0000'", {"colors.ocean=#zz0000"},
                     "<--set colors.ocean=#zz0000>");
    load_should_fail(toml, 1, 7, "expr-syntax", "param 'r': expected a number or name but found '*'",
                     {"r=1 * * 2"}, "<--set r=1 * * 2>");
    load_should_fail(toml, 1, 17, "expr-syntax", "radius: expected a number or name but found '*'",
                     {"sun.radius=\"1 * * 2\""}, "<--set sun.radius=\"1 * * 2\">");
    load_should_fail(toml, 1, 12, "expr-syntax", "empty expression", {"sun.radius="}, "<--set sun.radius=>");
    load_should_fail(toml, 1, 12, "out-of-range", "radius: -1 is out of range", {"sun.radius=-1"},
                     "<--set sun.radius=-1>");
    // --set problems come before the file's own.
    const auto both =
        load_should_fail(toml + "bogus = 1\n", 1, 1, "unknown-param", "", {"q=1"}, "<--set q=1>");
    REQUIRE(both.size() == 2);
    CHECK(both[1].region.file == "t.toml");
}
