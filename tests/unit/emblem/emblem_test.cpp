// Emblems: SVG artwork from a file, placed with its aspect kept, recoloured, kept as vectors, and
// refused — with the `file` field's line:col — when it is missing, outside the design's folder,
// too big, not SVG, not XML, not self-contained or without a size. The artwork lives in
// tests/emblems/; designs here are loaded as if they lay there too.
#include "support.h"

#include "emblem/emblem.h"
#include "emblem/svg_text.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

using namespace vexil;
using vexil::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// The emblem module's two steps, read then parse, as load_resources runs them.
Artwork load_emblem(const fs::path& file) {
    return emblem::parse(emblem::read(file), file.filename().string(), {});
}

fs::path emblems() {
    return test::source_dir() / "tests" / "emblems";
}

/// A design read as if it were tests/emblems/design.toml, so "x.svg" is tests/emblems/x.svg.
Design design_here(const std::string& toml, const LoadOptions& options = {}) {
    return load_design_text(toml, (emblems() / "design.toml").string(), options);
}

/// [flag] 3 × 2 on a white field, then `layer` (the text of one [[layer]] after its header). The
/// layer's header is on line 10, so its first key is on line 11.
std::string on_white(const std::string& layer) {
    return "[flag]\nsize = [3, 2]\n\n[colors]\nbrand = \"#123456\"\n\n[[layer]]\nkind = \"field\"\ncolor = "
           "\"white\"\n"
           "[[layer]]\n" +
           layer;
}

test::Image png_of(const Design& design, int width) {
    RenderOptions options;
    options.width = width;
    return test::decode_png(render_bytes(build_scene(design), Format::Png, options));
}

/// The first diagnostic of loading and laying out `toml` (as tests/emblems/design.toml), or nullopt.
std::optional<Diagnostic> first_error(const std::string& toml, const LoadOptions& options = {}) {
    try {
        const Design design = design_here(toml, options);
        (void)build_scene(design);
    } catch (const InputError& error) {
        REQUIRE(!error.diagnostics().empty());
        return error.diagnostics().front();
    }
    return std::nullopt;
}

#define CHECK_ERROR(diagnostic, line_, column_, code_, words)                                                \
    do {                                                                                                     \
        REQUIRE(diagnostic.has_value());                                                                     \
        INFO(format_diagnostic(*diagnostic));                                                                \
        CHECK(diagnostic->region.begin.line == line_);                                                       \
        CHECK(diagnostic->region.begin.column == column_);                                                   \
        CHECK(diagnostic->code == code_);                                                                    \
        CHECK(diagnostic->message.find(words) != std::string::npos);                                         \
    } while (false)

/// A design whose emblem layer names `file` with `height = 1` (the file's value at 13:8).
std::string with_file(const std::string& file) {
    return on_white("kind = \"emblem\"\nheight = 1\nfile = \"" + file + "\"\n");
}

const EmblemDraw& only_emblem(const Scene& scene) {
    REQUIRE(scene.groups.size() == 2);
    REQUIRE(scene.groups[1].items.size() == 1);
    const auto* drawn = std::get_if<EmblemDraw>(&scene.groups[1].items[0]);
    REQUIRE(drawn != nullptr);
    return *drawn;
}

template <typename F> double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("emblem: the kind is in the catalogue with its fields", "[emblem]") {
    const KindSpec* kind = find_kind("emblem");
    REQUIRE(kind != nullptr);
    CHECK(kind->group == "emblem");
    for (const char* field : {"file", "at", "height", "size", "recolor"})
        CHECK(find_field(*kind, field) != nullptr);
    CHECK(find_field(*kind, "file")->type == FieldType::File);
    CHECK(find_field(*kind, "file")->required);
    CHECK(find_field(*kind, "recolor")->type == FieldType::Recolour);
}

TEST_CASE("emblem: the artwork fills its box at `at`, with its aspect kept", "[emblem]") {
    SECTION("a square by height: 1 × 1 centred on [1, 1]") {
        const Design design =
            design_here(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\nat = [1, 1]\nheight = 1\n"));
        const Scene scene = build_scene(design);
        const EmblemDraw& drawn = only_emblem(scene);
        CHECK(drawn.source == "red-square.svg");
        CHECK(drawn.transform.a == Approx(0.1));
        CHECK(drawn.transform.d == Approx(0.1));
        CHECK(drawn.transform.e == Approx(0.5));
        CHECK(drawn.transform.f == Approx(0.5));
        const auto png = png_of(design, 300); // 100 px per unit: the square covers [50, 150)²
        CHECK(test::near(png.at(100, 100), "#ff0000"));
        CHECK(test::near(png.at(52, 52), "#ff0000"));
        CHECK(test::near(png.at(147, 147), "#ff0000"));
        CHECK(test::near(png.at(47, 100), "#ffffff"));
        CHECK(test::near(png.at(152, 100), "#ffffff"));
        CHECK(test::near(png.at(100, 47), "#ffffff"));
        CHECK(test::near(png.at(100, 152), "#ffffff"));
    }
    SECTION("a 2:1 artwork fitted into a square `size` is as wide as the box and half as high") {
        const Design design = design_here(
            on_white("kind = \"emblem\"\nfile = \"blue-wide.svg\"\nat = [1.5, 1]\nsize = [1, 1]\n"));
        const auto png = png_of(design, 300); // x in [100, 200), y in [75, 125)
        CHECK(test::near(png.at(150, 100), "#0000ff"));
        CHECK(test::near(png.at(102, 77), "#0000ff"));
        CHECK(test::near(png.at(197, 122), "#0000ff"));
        CHECK(test::near(png.at(150, 72), "#ffffff")); // inside `size`, outside the artwork
        CHECK(test::near(png.at(150, 128), "#ffffff"));
        CHECK(test::near(png.at(97, 100), "#ffffff"));
        CHECK(test::near(png.at(203, 100), "#ffffff"));
    }
    SECTION("a tall `size` box: the artwork is as high as the box allows at its width") {
        const Design design = design_here(
            on_white("kind = \"emblem\"\nfile = \"blue-wide.svg\"\nat = [1.5, 1]\nsize = [0.6, 2]\n"));
        const auto png = png_of(design, 300); // 0.6 × 0.3: x in [120, 180), y in [85, 115)
        CHECK(test::near(png.at(150, 100), "#0000ff"));
        CHECK(test::near(png.at(150, 82), "#ffffff"));
        CHECK(test::near(png.at(150, 118), "#ffffff"));
        CHECK(test::near(png.at(122, 100), "#0000ff"));
        CHECK(test::near(png.at(117, 100), "#ffffff"));
    }
    SECTION("by height, the width follows; a viewBox not at the origin; width × height without a viewBox") {
        for (const auto& [file, colour] :
             {std::pair{"blue-wide.svg", "#0000ff"}, {"offset-viewbox.svg", "#00ff00"}}) {
            INFO(file);
            const Design design = design_here(on_white(std::string("kind = \"emblem\"\nfile = \"") + file +
                                                       "\"\nat = [1.5, 1]\nheight = 0.5\n"));
            const auto png = png_of(design, 300); // 1 × 0.5: x in [100, 200), y in [75, 125)
            CHECK(test::near(png.at(150, 100), colour));
            CHECK(test::near(png.at(102, 77), colour));
            CHECK(test::near(png.at(197, 122), colour));
            CHECK(test::near(png.at(97, 100), "#ffffff"));
            CHECK(test::near(png.at(150, 72), "#ffffff"));
        }
        const Design design = design_here(
            on_white("kind = \"emblem\"\nfile = \"no-viewbox.svg\"\nat = [1.5, 1]\nheight = 0.4\n"));
        const auto png = png_of(design, 300); // 30 × 10 px → 1.2 × 0.4: x in [90, 210), y in [80, 120)
        CHECK(test::near(png.at(92, 82), "#ff00ff"));
        CHECK(test::near(png.at(207, 117), "#ff00ff"));
        CHECK(test::near(png.at(87, 100), "#ffffff"));
        CHECK(test::near(png.at(213, 100), "#ffffff"));
    }
    SECTION("the flag's centre by default; rotate turns it about `at`; outline and clip see its box") {
        const Design design = design_here(
            on_white("id = \"e\"\nkind = \"emblem\"\nfile = \"blue-wide.svg\"\nheight = 0.5\nrotate = 90\n"
                     "outline = { color = \"#00ff00\", width = 0.05 }\n"
                     "[[layer]]\nkind = \"field\"\ncolor = \"#ff0000\"\nclip = \"e\"\n"));
        const Scene scene = build_scene(design);
        const Box box = scene.groups[2].clip->bounds(); // 1 × 0.5 turned upright about [1.5, 1]
        CHECK(box.x == Approx(1.25));
        CHECK(box.y == Approx(0.5));
        CHECK(box.w == Approx(0.5));
        CHECK(box.h == Approx(1));
        const auto png = png_of(design, 300);
        CHECK(test::near(png.at(150, 100), "#ff0000")); // the later field, clipped to the box
        CHECK(test::near(png.at(150, 47), "#00ff00"));  // the outline, 5 px above the box
        CHECK(test::near(png.at(150, 42), "#ffffff"));
        CHECK(test::near(png.at(100, 100), "#ffffff"));
    }
}

TEST_CASE("emblem: recolor replaces colours of the artwork, palette names allowed", "[emblem]") {
    SECTION("a black rect becomes the palette's colour") {
        const Design design = design_here(on_white("kind = \"emblem\"\nfile = \"black-rect.svg\"\nheight = "
                                                   "1\nrecolor = { \"#000\" = \"brand\" }\n"));
        const auto png = png_of(design, 300);
        CHECK(test::near(png.at(150, 100), "#123456"));
    }
    SECTION("a shape with no fill is black, and recolours like black") {
        const Design design = design_here(on_white("kind = \"emblem\"\nfile = \"default-fill.svg\"\nheight = "
                                                   "1\nrecolor = { \"Black\" = \"gold\" }\n"));
        CHECK(test::near(png_of(design, 300).at(150, 100), "#ffd700"));
    }
    SECTION("without recolor the artwork keeps its colours") {
        const Design design =
            design_here(on_white("kind = \"emblem\"\nfile = \"black-rect.svg\"\nheight = 1\n"));
        CHECK(test::near(png_of(design, 300).at(150, 100), "#000000"));
    }
    SECTION("colours the table does not name stay") {
        const Design design = design_here(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\nheight = "
                                                   "1\nrecolor = { \"#000\" = \"brand\" }\n"));
        CHECK(test::near(png_of(design, 300).at(150, 100), "#ff0000"));
    }
    SECTION("the design's recolor reaches the layer's fields") {
        const Design design = design_here(on_white(
            "kind = \"emblem\"\nfile = \"black-rect.svg\"\nheight = 1\nrecolor = { \"#000\" = \"brand\", "
            "\"#ffffff\" = \"#ff000080\" }\n"));
        const auto& table = design.layers[1].get(fields::recolor);
        REQUIRE(table.size() == 2);
        CHECK(table[0].to == Colour{0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1});
    }
}

TEST_CASE("emblem: recolouring the SVG text", "[emblem]") {
    const std::vector<Recolour> black_to_red{{Colour{0, 0, 0, 1}, Colour{1, 0, 0, 1}}};
    SECTION("attributes, style attributes and style sheets; hex and names in any case") {
        const std::string svg = R"~(<svg xmlns="http://www.w3.org/2000/svg" fill="none"><style>
.a { fill: #000000 } .b{stroke:BLACK !important;fill:#fff}
</style><rect id="black" fill="#000" stroke='Black' style="fill: #000; stop-color:#000000ff"/>
<text>#000 black</text><!-- fill="#000" --></svg>)~";
        const std::string out = emblem::svg::recolour(svg, black_to_red);
        CHECK(out == R"~(<svg xmlns="http://www.w3.org/2000/svg" fill="none"><style>
.a { fill: #ff0000 } .b{stroke:#ff0000 !important;fill:#fff}
</style><rect id="black" fill="#ff0000" stroke='#ff0000' style="fill: #ff0000; stop-color:#ff0000"/>
<text>#000 black</text><!-- fill="#000" --></svg>)~");
    }
    SECTION("a root without a fill gets one: black is SVG's default") {
        CHECK(emblem::svg::recolour("<svg viewBox=\"0 0 1 1\"><rect/></svg>", black_to_red) ==
              "<svg fill=\"#ff0000\" viewBox=\"0 0 1 1\"><rect/></svg>");
        CHECK(emblem::svg::recolour("<svg style=\"fill:blue\"><rect/></svg>", black_to_red) ==
              "<svg style=\"fill:blue\"><rect/></svg>");
        const std::vector<Recolour> white_to_red{{Colour{1, 1, 1, 1}, Colour{1, 0, 0, 1}}};
        CHECK(emblem::svg::recolour("<svg><rect/></svg>", white_to_red) == "<svg><rect/></svg>");
    }
    SECTION("a translucent replacement is written as rgba()") {
        const std::vector<Recolour> table{{Colour{0, 0, 0, 1}, Colour{1, 0, 0, 0.5}}};
        CHECK(emblem::svg::recolour("<svg fill=\"black\"/>", table) == "<svg fill=\"rgba(255,0,0,0.502)\"/>");
    }
    SECTION("colours parse as SVG writes them") {
        using emblem::svg::parse_colour;
        REQUIRE(parse_colour(" #ABC "));
        CHECK(*parse_colour(" #ABC ") == *parse_colour("#aabbcc"));
        CHECK(*parse_colour("RebeccaPurple") == *parse_colour("#663399"));
        CHECK(parse_colour("#11223344")->a == Approx(0x44 / 255.0));
        CHECK(parse_colour("transparent")->a == 0);
        for (const char* not_one :
             {"none", "currentColor", "url(#g)", "#12", "#ggg", "", "rgb(0,0,0)", "blackish"})
            CHECK_FALSE(parse_colour(not_one).has_value());
    }
}

TEST_CASE("emblem: references outside the document are found", "[emblem]") {
    using emblem::svg::external_reference;
    CHECK_FALSE(external_reference(R"~(<svg><use href="#a"/><use xlink:href=" #b"/><rect fill="url(#g)"/>
        <image href="data:image/png;base64,AAAA"/><a href="https://example.org">link</a></svg>)~"));
    CHECK(external_reference(R"~(<svg><image xlink:href="x.png"/></svg>)~") == "x.png");
    CHECK(external_reference(R"~(<svg><use href="other.svg#a"/></svg>)~") == "other.svg#a");
    CHECK(external_reference(R"~(<svg><use href="&#47;etc/passwd"/></svg>)~") == "/etc/passwd");
    CHECK(external_reference(R"~(<svg><rect style="fill: url('file.svg#g')"/></svg>)~") == "url(file.svg#g)");
    CHECK(external_reference("<svg><style>@import 'a.css';</style></svg>") == "@import");
    CHECK(external_reference("<svg><style><![CDATA[ .a { fill: url(b.svg#c) } ]]></style></svg>") ==
          "url(b.svg#c)");
    CHECK(external_reference(R"~(<?xml-stylesheet href="s.css"?><svg/>)~") == "s.css");
    // CSS escapes are undone first, as librsvg's CSS parser undoes them.
    CHECK(external_reference(R"~(<svg><rect style="fill: \75 rl(file.svg#g)"/></svg>)~") ==
          "url(file.svg#g)");
    CHECK(external_reference(R"~(<svg><rect style="fill: u\rl(file.svg#g)"/></svg>)~") == "url(file.svg#g)");
    CHECK(external_reference(R"~(<svg><rect fill="\55 \52 \4c (x.svg#g)"/></svg>)~") == "url(x.svg#g)");
    CHECK(external_reference(R"~(<svg><rect style="fill: url(\66 ile.svg#g)"/></svg>)~") ==
          "url(file.svg#g)");
    CHECK(external_reference("<svg><style>.a { fill: u\\\nrl(b.svg#c) }</style></svg>") == "url(b.svg#c)");
    CHECK(external_reference("<svg><style>@\\69mport 'a.css';</style></svg>") == "@import");
    CHECK(external_reference("<svg><style>@\\49 MPORT 'a.css';</style></svg>") == "@import");
    CHECK_FALSE(external_reference(R"~(<svg><rect style="fill: \75 rl(\23 g)"/></svg>)~"));
    CHECK(external_reference("<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><svg>&e;</svg>")
              ->find("SYSTEM") != std::string::npos);
    CHECK(external_reference("<!DOCTYPE svg [<!ENTITY e \"<image href='y.png'/>\">]><svg>&e;</svg>") ==
          "y.png");
    // The usual SVG 1.1 DOCTYPE names a DTD that nobody loads: that is fine.
    CHECK_FALSE(external_reference(R"~(<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
        "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>)~"));
}

TEST_CASE("emblem: embedded data is a PNG or JPEG of bounded size, never another SVG", "[emblem]") {
    using emblem::svg::embedding_problem;
    const std::string small_png = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7g"
                                  "P9i18U1AAAAABJRU5ErkJggg==";
    CHECK_FALSE(embedding_problem("<svg><image href=\"data:image/png;base64," + small_png + "\"/></svg>"));
    // The bytes decide, not the media type: gdk-pixbuf sniffs them too.
    CHECK_FALSE(embedding_problem("<svg><image href=\"data:image/gif;base64," + small_png + "\"/></svg>"));
    const auto huge = embedding_problem(
        R"~(<svg><image href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgABhqAAAYagCAIAAAAnMJyf"/></svg>)~");
    REQUIRE(huge);
    CHECK(huge->find("100000 × 100000") != std::string::npos);
    // A JPEG's size is in its start-of-frame segment: FFD8, an APP0 of 16 bytes, SOF0 of 8000 × 6000.
    const std::string jpeg = "data:image/jpeg,%FF%D8%FF%E0%00%10JFIF%00%01%01%00%00%01%00%01%00%00"
                             "%FF%C0%00%11%08%17%70%1F%40%03%01%22%00%02%11%01%03%11%01";
    const auto big_jpeg = embedding_problem("<svg><image href=\"" + jpeg + "\"/></svg>");
    REQUIRE(big_jpeg);
    CHECK(big_jpeg->find("8000 × 6000") != std::string::npos);
    const auto svg = embedding_problem(R"~(<svg><image href="data:image/svg+xml,%3Csvg/%3E"/></svg>)~");
    REQUIRE(svg);
    CHECK(svg->find("another SVG document") != std::string::npos);
    CHECK(embedding_problem(R"~(<svg><rect style="fill:url('data:text/plain,hello')"/></svg>)~"));

    CHECK_ERROR(first_error(with_file("embedded-svg.svg")), 13u, 8u, "bad-emblem",
                "embeds another SVG document");
    const Design design =
        design_here(on_white("kind = \"emblem\"\nfile = \"embedded-png.svg\"\nheight = 1\n"));
    CHECK(test::near(png_of(design, 300).at(150, 100), "#ff0000"));
}

TEST_CASE("emblem: counting the elements a drawing visits", "[emblem]") {
    using emblem::svg::instance_count;
    CHECK(instance_count("<svg><rect/><g><rect/></g></svg>", 100) == 4);
    CHECK(instance_count(
              R"~(<svg><defs><g id="a"><rect/><rect/></g></defs><use href="#a"/><use href="#a"/></svg>)~",
              100) == 13);
    // A cycle of references is refused as such; a long chain does not overflow the stack.
    CHECK(instance_count(R"~(<svg><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>)~",
                         100) == emblem::svg::kReferenceCycle);
    CHECK(instance_count(R"~(<svg><pattern id="p"><rect fill="url(#p)"/></pattern></svg>)~", 100) ==
          emblem::svg::kReferenceCycle);
    CHECK(instance_count(R"~(<svg><g id="a"><rect/></g><use href="#a"/><use href="#a"/></svg>)~", 100) == 9);
    // u0 uses u1, which uses u2, … 100,000 deep.
    std::string chain = "<svg>";
    for (int i = 0; i < 100000; ++i)
        chain += "<use id=\"u" + std::to_string(i) + "\" href=\"#u" + std::to_string(i + 1) + "\"/>";
    chain += "<rect id=\"u100000\"/></svg>";
    CHECK(instance_count(chain, 1'000'000) > 100'000);
    const std::string bomb = test::read_text(emblems() / "use-bomb.svg");
    CHECK(instance_count(bomb, 200'000) == 200'001);
}

TEST_CASE("emblem: stays vector in SVG and PDF", "[emblem]") {
    const Design design = design_here(on_white(
        "kind = \"emblem\"\nfile = \"sun.svg\"\nheight = 1.2\nrecolor = { \"#000\" = \"brand\" }\n"));
    const Scene scene = build_scene(design);
    RenderOptions options;
    options.width = 300;
    const std::string svg = render_bytes(scene, Format::Svg, options);
    CHECK(svg.find("<image") == std::string::npos);
    CHECK(svg.find("<path") != std::string::npos);
    const std::string pdf = render_bytes(scene, Format::Pdf, options);
    CHECK(pdf.find("/Subtype /Image") == std::string::npos);

    // …and the three formats agree: drawn by librsvg (SVG) and poppler (PDF), as by Cairo (PNG).
    const test::Image png = test::decode_png(render_bytes(scene, Format::Png, options));
    CHECK(test::near(png.at(150, 100), "#ffffff"));      // the sun's white centre
    CHECK(test::near(png.at(150, 100 - 20), "#123456")); // its recoloured disc
    CHECK(test::agreement(png, test::rasterise_svg(svg, 300, 200), "emblem-svg") >= test::kMinAgreement);
    TempDir dir;
    const fs::path pdf_file = dir / "sun.pdf";
    std::ofstream(pdf_file, std::ios::binary) << pdf;
    CHECK(test::agreement(png, test::rasterise_pdf(pdf_file, 300, 200), "emblem-pdf") >= test::kMinAgreement);
}

TEST_CASE("emblem: bad files are errors at the `file` value", "[emblem]") {
    SECTION("missing") {
        CHECK_ERROR(first_error(with_file("no-such.svg")), 13u, 8u, "file-missing", "no-such.svg");
    }
    SECTION("a folder") {
        CHECK_ERROR(first_error(with_file(".")), 13u, 8u, "file-missing", "not a file");
    }
    SECTION("outside the design's folder") {
        CHECK_ERROR(first_error(with_file("../layering.cmake")), 13u, 8u, "file-outside",
                    "outside the design's folder");
        CHECK_ERROR(first_error(with_file("/etc/hostname")), 13u, 8u, "file-outside", "outside");
        // Whether or not it exists: a design may not probe the disk.
        CHECK_ERROR(first_error(with_file("../../no/such.svg")), 13u, 8u, "file-outside", "outside");
    }
    SECTION("not SVG") {
        CHECK_ERROR(first_error(with_file("not-svg.svg")), 13u, 8u, "bad-emblem", "not an SVG document");
        CHECK_ERROR(first_error(with_file("html-root.svg")), 13u, 8u, "bad-emblem",
                    "root element is not <svg>");
        CHECK_ERROR(first_error(with_file("empty.svg")), 13u, 8u, "bad-emblem", "is empty");
    }
    SECTION("broken XML") {
        CHECK_ERROR(first_error(with_file("broken-xml.svg")), 13u, 8u, "bad-emblem",
                    "not well-formed XML (line 4");
    }
    SECTION("an external reference") {
        CHECK_ERROR(first_error(with_file("external-image.svg")), 13u, 8u, "bad-emblem",
                    "references an external file (red-square.svg)");
        // CSS is case-insensitive: URL(…) is url(…) (found in review).
        CHECK_ERROR(first_error(with_file("upper-case-url.svg")), 13u, 8u, "bad-emblem",
                    "references an external file (url(other.svg#x))");
    }
    SECTION("zero or no size") {
        CHECK_ERROR(first_error(with_file("zero-size.svg")), 13u, 8u, "bad-emblem", "viewBox of zero size");
        CHECK_ERROR(first_error(with_file("no-size.svg")), 13u, 8u, "bad-emblem", "has no size");
    }
    SECTION("not a string") {
        CHECK_ERROR(first_error(on_white("kind = \"emblem\"\nheight = 1\nfile = 3\n")), 13u, 8u, "wrong-type",
                    "file");
    }
}

TEST_CASE("emblem: larger than 2 MiB", "[emblem]") {
    TempDir dir;
    std::string big = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><!--";
    big.append(emblem::kMaxEmblemBytes, ' ');
    big += "--></svg>";
    dir.write("big.svg", big);
    const fs::path design = dir.write("design.toml", with_file("big.svg"));
    try {
        (void)build_scene(load_design(design));
        FAIL("loaded");
    } catch (const InputError& error) {
        const Diagnostic& first = error.diagnostics().front();
        INFO(format_diagnostic(first));
        CHECK(first.region.file == design.string());
        CHECK(first.region.begin.line == 13);
        CHECK(first.region.begin.column == 8);
        CHECK(first.code == "bad-emblem");
        CHECK(first.message.find("larger than 2 MiB") != std::string::npos);
    }
    CHECK_THROWS_AS(load_emblem(dir / "big.svg"), emblem::LoadError);
}

TEST_CASE("emblem: compressed and UTF-16 files are refused", "[emblem]") {
    TempDir dir;
    const std::string svg = test::read_text(emblems() / "red-square.svg");
    const fs::path svgz = dir / "mark.svgz";
    REQUIRE(std::system(
                ("gzip -c " + (emblems() / "red-square.svg").string() + " > " + svgz.string()).c_str()) == 0);
    try {
        (void)load_emblem(svgz);
        FAIL("loaded");
    } catch (const emblem::LoadError& error) {
        CHECK(std::string(error.what()).find("compressed (SVGZ)") != std::string::npos);
    }
    std::string utf16 = "\xff\xfe";
    for (char c : svg)
        (utf16 += c) += '\0';
    dir.write("utf16.svg", utf16);
    try {
        (void)load_emblem(dir / "utf16.svg");
        FAIL("loaded");
    } catch (const emblem::LoadError& error) {
        CHECK(std::string(error.what()).find("NUL bytes") != std::string::npos);
    }
}

TEST_CASE("emblem: height or size, one of them", "[emblem]") {
    // Neither: at the layer ([[layer]] on line 10). Both: at `size`.
    CHECK_ERROR(first_error(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\n")), 10u, 1u,
                "emblem-size", "`height = …`");
    CHECK_ERROR(
        first_error(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\nheight = 1\nsize = [1, 1]\n")),
        14u, 8u, "emblem-size", "not both");
    CHECK_ERROR(first_error(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\nheight = -1\n")), 13u,
                10u, "out-of-range", "height");
    CHECK_ERROR(first_error(on_white("kind = \"emblem\"\nfile = \"red-square.svg\"\nsize = [1, -1]\n")), 13u,
                8u, "out-of-range", "size");
}

TEST_CASE("emblem: recolor keys are colour literals; values may name the palette", "[emblem]") {
    const std::string head = "kind = \"emblem\"\nfile = \"black-rect.svg\"\nheight = 1\n";
    // recolor = { … } is on line 14; its table starts at column 11.
    CHECK_ERROR(first_error(on_white(head + "recolor = { \"brand\" = \"white\" }\n")), 14u, 13u, "bad-colour",
                "'brand' is not a colour of the artwork");
    CHECK_ERROR(first_error(on_white(head + "recolor = { \"#000\" = \"brnad\" }\n")), 14u, 22u, "bad-colour",
                "did you mean 'brand'?");
    CHECK_ERROR(first_error(on_white(head + "recolor = \"#000\"\n")), 14u, 11u, "wrong-type", "recolor");
}

TEST_CASE("emblem: hostile artwork fails or finishes quickly", "[emblem]") {
    SECTION("a <use> that refers to itself, and two that refer to each other") {
        std::optional<Diagnostic> error;
        const double took = seconds([&] { error = first_error(with_file("recursive-use.svg")); });
        CHECK(took < 2);
        // A cycle of references is an error in SVG. librsvg skips a plain one, but follows one that
        // branches for seconds (use-cycle.svg below), so vexil refuses every cycle, at once.
        CHECK_ERROR(error, 13u, 8u, "bad-emblem", "refers to itself");
    }
    SECTION("billion laughs: entities ten deep, ten wide") {
        std::optional<Diagnostic> error;
        const double took = seconds([&] { error = first_error(with_file("billion-laughs.svg")); });
        CHECK(took < 2);
        CHECK_ERROR(error, 13u, 8u, "bad-emblem", "entity");
    }
    SECTION("billion laughs with <use>: 10^12 rects") {
        std::optional<Diagnostic> error;
        const double took = seconds([&] { error = first_error(with_file("use-bomb.svg")); });
        CHECK(took < 2);
        CHECK_ERROR(error, 13u, 8u, "bad-emblem", "more than 200,000 elements");
    }
    SECTION("a group that uses itself ten times a level (found by fuzz_emblem: 4.5 s in librsvg)") {
        std::optional<Diagnostic> error;
        const double took = seconds([&] { error = first_error(with_file("use-cycle.svg")); });
        CHECK(took < 2);
        CHECK_ERROR(error, 13u, 8u, "bad-emblem", "refers to itself");
    }
}

TEST_CASE("emblem: files are found beside the design that names them", "[emblem]") {
    TempDir dir;
    fs::create_directories(dir / "base" / "art");
    fs::create_directories(dir / "variant");
    fs::create_directories(dir / "shared");
    fs::copy_file(emblems() / "red-square.svg", dir / "base" / "art" / "mark.svg");
    fs::copy_file(emblems() / "blue-wide.svg", dir / "shared" / "wide.svg");
    dir.write("base/flag.toml", with_file("art/mark.svg"));

    SECTION("with extends, relative to the parent design's own folder") {
        const fs::path variant = dir.write("variant/flag.toml", "extends = \"../base/flag.toml\"\n");
        const Design design = load_design(variant);
        CHECK(design.layers[1].get(fields::file) ==
              fs::weakly_canonical(dir / "base" / "art" / "mark.svg").string());
        CHECK(test::near(png_of(design, 300).at(150, 100), "#ff0000"));
    }
    SECTION("another folder only when allowed") {
        const fs::path design = dir.write("variant/other.toml", with_file("../shared/wide.svg"));
        try {
            (void)load_design(design);
            FAIL("loaded");
        } catch (const InputError& error) {
            CHECK(error.diagnostics().front().code == "file-outside");
        }
        LoadOptions options;
        options.allowed_folders = {dir / "shared"};
        CHECK(load_design(design, options).layers[1].get(fields::file) ==
              fs::weakly_canonical(dir / "shared" / "wide.svg").string());
    }
    SECTION("a link inside the folder to a file outside it is refused") {
        fs::create_symlink(dir / "shared" / "wide.svg", dir / "base" / "link.svg");
        const fs::path design = dir.write("base/linked.toml", with_file("link.svg"));
        try {
            (void)load_design(design);
            FAIL("loaded");
        } catch (const InputError& error) {
            CHECK(error.diagnostics().front().code == "file-outside");
        }
    }
}

TEST_CASE("emblem: the command line exits 2 and writes nothing; --allow-folder widens the folders",
          "[emblem]") {
    TempDir dir;
    fs::create_directories(dir / "design");
    fs::create_directories(dir / "art");
    fs::copy_file(emblems() / "red-square.svg", dir / "art" / "mark.svg");
    const fs::path design = dir.write("design/flag.toml", with_file("../art/mark.svg"));
    const std::string out = (dir / "flag.png").string();

    auto result = test::run_vexil({"render", design.string(), "-o", out});
    CHECK(result.status == 2);
    CHECK(result.err.rfind(design.string() + ":13:8: error: file: '../art/mark.svg' lies outside", 0) == 0);
    // The library's message names no flag; the command line adds what it offers as a note.
    const std::string first_line = result.err.substr(0, result.err.find('\n'));
    CHECK(first_line.find("--allow-folder") == std::string::npos);
    CHECK(result.err.find(design.string() + ":13:8: note: --allow-folder DIR lets a design read files") !=
          std::string::npos);
    CHECK(!fs::exists(out));

    result =
        test::run_vexil({"render", design.string(), "-o", out, "--allow-folder", (dir / "art").string()});
    INFO(result.err);
    CHECK(result.status == 0);
    REQUIRE(fs::exists(out));
    CHECK(test::near(test::read_png(out).at(600, 400), "#ff0000"));

    result = test::run_vexil({"check", design.string(), "--allow-folder", (dir / "art").string()});
    CHECK(result.status == 0);
    result = test::run_vexil({"check", design.string()});
    CHECK(result.status == 2);
    result = test::run_vexil({"check", design.string(), "--allow-folder", (dir / "no-such-folder").string()});
    CHECK(result.status == 2);

    const fs::path broken = dir.write("design/broken.toml", with_file("no-such.svg"));
    const std::string broken_out = (dir / "broken.svg").string();
    result = test::run_vexil({"render", broken.string(), "-o", broken_out});
    CHECK(result.status == 2);
    CHECK(result.err.find(":13:8: error: file: no file 'no-such.svg'") != std::string::npos);
    CHECK(!fs::exists(broken_out));
}
