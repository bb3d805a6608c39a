// Print sizes: --width and --height with units, --dpi, and what each format records of them.
#include "support.h"
#include "vexil/layout.h"
#include "vexil/load.h"
#include "vexil/render.h"
#include "vexil/resources.h"
#include "vexil/version.h"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace vexil;
using Catch::Matchers::Contains;

namespace {

/// A scene of the given ratio with nothing in it: sizes depend only on the ratio.
Scene flag(double width, double height) {
    Scene scene;
    scene.width = width;
    scene.height = height;
    return scene;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

/// The pHYs chunk's x and y pixels per metre, after checking its place, unit and CRC.
std::pair<std::uint32_t, std::uint32_t> resolution_of(const std::string& png) {
    const std::size_t type = png.find("pHYs");
    REQUIRE(type == 8 + 25 + 4); // right after the signature and IHDR
    REQUIRE(big_endian(png, type - 4) == 9);
    CHECK(png[type + 12] == 1); // unit: metre
    const auto crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(png.data() + type), 13);
    CHECK(big_endian(png, type + 13) == crc);
    return {big_endian(png, type + 4), big_endian(png, type + 8)};
}

} // namespace

TEST_CASE("size: lengths read with their units", "[size]") {
    const auto length = [](const char* text) { return parse_length(text); };
    REQUIRE(length("150cm"));
    CHECK(length("150cm")->unit == LengthUnit::Cm);
    CHECK(length("150cm")->value == 150);
    CHECK(length("1200")->unit == LengthUnit::Px);
    CHECK(length("1200px")->unit == LengthUnit::Px);
    CHECK(length("3ft")->points() == Approx(3 * 12 * 72));
    CHECK(length("2.54cm")->points() == Approx(72));
    CHECK(length("25.4mm")->points() == Approx(72));
    CHECK(length("0.0254m")->points() == Approx(72));
    CHECK(length("72pt")->points() == 72);
    CHECK(length(".5in")->points() == 36);
    for (const char* bad :
         {"", "cm", "-3cm", "0cm", "0", "1.2.3cm", "150 cm", "150CM", "1e3cm", "150km", "nan"}) {
        INFO(bad);
        CHECK_FALSE(length(bad));
    }
}

TEST_CASE("size: a print size is exact on the page and drawn at the dpi in a PNG", "[size]") {
    const Scene uk = flag(60, 30);
    RenderOptions options;
    options.width = Length{150, LengthUnit::Cm};
    const OutputSize pdf = output_size(uk, options, Format::Pdf);
    CHECK(pdf.page_width_points() == Approx(150 / 2.54 * 72));
    CHECK(pdf.page_height_points() == Approx(75 / 2.54 * 72));
    CHECK(pdf.page_unit == LengthUnit::Cm);
    const OutputSize png = output_size(uk, options, Format::Png);
    CHECK(png.width == 5669); // 150 cm = 59.06 in at 96 px/in
    CHECK(png.height == 2835);
    REQUIRE(png.dpi);
    CHECK(*png.dpi == kDefaultDpi);
    options.dpi = 150;
    CHECK(output_size(uk, options, Format::Png).width == 8858); // 59.06 in at 150 px/in
    options.dpi = 2000; // 118110 × 59055: past the raster limit (100,000 a side)
    CHECK_THROWS_AS(output_size(uk, options, Format::Png), InputError);

    // By height, in feet: an SVG has no feet, so it says inches.
    RenderOptions by_height;
    by_height.height = Length{3, LengthUnit::Ft};
    const OutputSize svg = output_size(flag(3, 2), by_height, Format::Svg);
    CHECK(svg.page_unit == LengthUnit::In);
    CHECK(svg.page_width == Approx(54));
    CHECK(svg.page_height == Approx(36));

    // A bare number keeps its meaning, and records no resolution unless one is given.
    const OutputSize bare = output_size(uk, RenderOptions{}, Format::Png);
    CHECK(bare.width == 1200);
    CHECK(bare.page_width == 1200);
    CHECK_FALSE(bare.dpi);
}

TEST_CASE("size: the limits of each format apply to that format alone", "[size]") {
    const Scene uk = flag(60, 30);
    RenderOptions five_metres;
    five_metres.width = Length{5, LengthUnit::M};
    CHECK(output_size(uk, five_metres, Format::Pdf).page_width_points() == Approx(5000 / 25.4 * 72));
    CHECK_NOTHROW(output_size(uk, five_metres, Format::Svg));
    // 5 m at 96 px/in is 18898 × 9449 pixels: within the raster limit. 30 m is 113386 wide: past it,
    // so only the PNG is refused.
    CHECK_NOTHROW(output_size(uk, five_metres, Format::Png));
    RenderOptions thirty_metres;
    thirty_metres.width = Length{30, LengthUnit::M};
    CHECK_THROWS_WITH(output_size(uk, thirty_metres, Format::Png), Contains("exceeds vexil's limit"));
    CHECK_NOTHROW(output_size(uk, thirty_metres, Format::Pdf));
    // Past 200 in a side (PDF 1.7, annex C.2) a PDF page is written with a UserUnit: see print_test.
    RenderOptions six_metres;
    six_metres.width = Length{6, LengthUnit::M};
    CHECK(output_size(uk, six_metres, Format::Pdf).page_width_points() == Approx(6000 / 25.4 * 72));
    RenderOptions bad_dpi;
    bad_dpi.width = Length{10, LengthUnit::Cm};
    bad_dpi.dpi = 0;
    CHECK_THROWS_AS(output_size(uk, bad_dpi, Format::Png), InputError);
}

TEST_CASE("size: vexil render writes a print size into every format", "[size][cli]") {
    test::TempDir dir;
    const std::string design = (test::source_dir() / "designs" / "united-kingdom.toml").string();
    const std::string pdf = (dir / "uk.pdf").string(), svg = (dir / "uk.svg").string(),
                      png = (dir / "uk.png").string();
    const auto result = test::run_vexil(
        {"render", design, "-o", pdf, "-o", svg, "-o", png, "--width", "150cm", "--dpi", "20"});
    INFO(result.err);
    REQUIRE(result.status == 0);

    const auto info = test::run_tool({"pdfinfo", pdf});
    CHECK(info.out.find("Page size:       4251.97 x 2125.98 pts") != std::string::npos);
    CHECK(test::read_text(svg).find(R"(width="150cm" height="75cm" viewBox="0 0 150 75")") !=
          std::string::npos);

    const std::string bytes = test::read_text(png);
    const auto [x, y] = resolution_of(bytes);
    CHECK(x == 787); // 20 px/in = 787.4 px/m
    CHECK(y == 787);
    const test::Image image = test::decode_png(bytes); // the chunk leaves the file readable
    CHECK(image.width == 1181);                        // 150 cm = 59.06 in at 20 px/in
    CHECK(image.height == 591);

    // The same pixels as a PNG asked for by pixels: only the recorded resolution differs.
    const std::string by_pixels = (dir / "px.png").string();
    REQUIRE(test::run_vexil({"render", design, "-o", by_pixels, "--width", "1181"}).status == 0);
    CHECK(test::decode_png(test::read_text(by_pixels)).pixels.size() == image.pixels.size());
    CHECK(test::read_text(by_pixels).find("pHYs") == std::string::npos);
}

TEST_CASE("size: a size that is not one exits 2, names the value, and writes nothing", "[size][cli]") {
    test::TempDir dir;
    const std::string design = (test::source_dir() / "designs" / "japan.toml").string();
    const std::string out = (dir / "out.png").string();
    auto result = test::run_vexil({"render", design, "-o", out, "--width", "150xx"});
    CHECK(result.status == 2);
    CHECK(result.err.find("--width: error: '150xx' is not a size") != std::string::npos);
    result = test::run_vexil({"render", design, "-o", (dir / "big.pdf").string(), "--width", "6km"});
    CHECK(result.status == 2);
    CHECK(result.err.find("'6km' is not a size") != std::string::npos);
    result = test::run_vexil({"render", design, "-o", (dir / "big.pdf").string(), "--width", "100000ft"});
    CHECK(result.status == 2);
    CHECK(result.err.find("a PDF page is at most 5080 m a side") != std::string::npos);
    CHECK(result.err.find("(--width, --height, --dpi)") != std::string::npos);
    result = test::run_vexil({"render", design, "-o", out, "--width", "10cm", "--dpi", "0"});
    CHECK(result.status == 2);
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK_FALSE(std::filesystem::exists(dir / "big.pdf"));
}

TEST_CASE("pdf: metadata from the design, and SOURCE_DATE_EPOCH makes the bytes reproducible",
          "[size][cli]") {
    test::TempDir dir;
    const std::string design = (test::source_dir() / "designs" / "japan.toml").string();
    const std::string first = (dir / "a.pdf").string(), second = (dir / "b.pdf").string();
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const auto one = test::run_vexil({"render", design, "-o", first});
    const auto two = test::run_vexil({"render", design, "-o", second});
    ::setenv("SOURCE_DATE_EPOCH", "soon", 1);
    const auto bad = test::run_vexil({"render", design, "-o", (dir / "c.pdf").string()});
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(one.status == 0);
    REQUIRE(two.status == 0);
    CHECK(test::read_text(first) == test::read_text(second));
    const std::string info = test::run_tool({"pdfinfo", first}).out;
    CHECK(info.find("Title:           Japan") != std::string::npos);
    CHECK(info.find("Subject:         Act on National Flag and Anthem") != std::string::npos);
    CHECK(info.find("Creator:         vexil " + std::string(kVersion)) != std::string::npos);
    CHECK(info.find("CreationDate:    Tue Nov 14 22:13:20 2023 UTC") != std::string::npos);
    CHECK(bad.status == 2);
    CHECK(bad.err == "SOURCE_DATE_EPOCH: error: 'soon' is not a time: give whole seconds since 1970\n");
    CHECK_FALSE(std::filesystem::exists(dir / "c.pdf"));
}

namespace {

/// The part of `image` from (x, y), `width` × `height` pixels.
test::Image crop(const test::Image& image, int x, int y, int width, int height) {
    test::Image part;
    part.width = width;
    part.height = height;
    for (int row = 0; row < height; ++row)
        for (int column = 0; column < width; ++column)
            part.pixels.push_back(image.at(x + column, y + row));
    return part;
}

} // namespace

TEST_CASE("bleed: inside the trim every design is as it was, and its edge art runs on", "[size][bleed]") {
    constexpr int kWidth = 240, kBleed = 12; // pixels
    for (const auto& file : test::design_files()) {
        DYNAMIC_SECTION(file.stem().string()) {
            const Design design = load_design(file);
            const Resources resources = load_resources(design);
            RenderOptions options;
            options.width = kWidth;
            options.bleed = parse_edge_lengths(std::to_string(kBleed));
            LayoutOptions layout;
            layout.bleed = bleed_in_design_units(design.flag.width, design.flag.height, options, Format::Png);
            for (double edge : {layout.bleed.hoist, layout.bleed.top, layout.bleed.fly, layout.bleed.bottom})
                CHECK(edge == Approx(kBleed * design.flag.width / kWidth));
            const auto plain =
                test::decode_png(render_bytes(build_scene(design, resources), Format::Png, options));
            const auto bled = test::decode_png(
                render_bytes(build_scene(design, resources, nullptr, layout), Format::Png, options));
            REQUIRE(bled.width == plain.width + 2 * kBleed);
            REQUIRE(bled.height == plain.height + 2 * kBleed);
            const auto trim = crop(bled, kBleed, kBleed, plain.width, plain.height);
            CHECK(test::agreement(plain, trim, "bleed-" + file.stem().string()) >= test::kMinAgreement);
            if (!design.flag.outline) { // a rectangular flag covers its whole bleed
                for (auto [x, y] : {std::pair{0, 0},
                                    {bled.width - 1, 0},
                                    {0, bled.height - 1},
                                    {bled.width - 1, bled.height - 1},
                                    {bled.width / 2, 0},
                                    {0, bled.height / 2}}) {
                    INFO("bleed pixel " << x << ", " << y);
                    CHECK(bled.at(x, y).a == 255);
                }
            }
        }
    }
}

TEST_CASE("bleed: a PDF's TrimBox is the flag and its BleedBox the page", "[size][bleed][cli]") {
    test::TempDir dir;
    const std::string design = (test::source_dir() / "designs" / "united-kingdom.toml").string();
    const std::string pdf = (dir / "uk.pdf").string();
    const auto result = test::run_vexil({"render", design, "-o", pdf, "--width", "150cm", "--bleed", "1cm"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    const std::string boxes = test::run_tool({"pdfinfo", "-box", pdf}).out;
    CHECK(boxes.find("MediaBox:            0.00     0.00  4308.66  2182.68") != std::string::npos);
    CHECK(boxes.find("BleedBox:            0.00     0.00  4308.66  2182.68") != std::string::npos);
    CHECK(boxes.find("TrimBox:            28.35    28.35  4280.31  2154.33") != std::string::npos);
    const auto check = test::run_tool({"qpdf", "--check", pdf});
    CHECK(check.status == 0);

    // The trim of the bled PDF, rasterised, is the unbled PDF.
    const std::string plain = (dir / "plain.pdf").string();
    REQUIRE(test::run_vexil({"render", design, "-o", plain, "--width", "150cm"}).status == 0);
    const auto bled_image = test::rasterise_pdf(pdf, 608, 308); // 1 px = 1/4 cm: the bleed is 4 px
    const auto plain_image = test::rasterise_pdf(plain, 600, 300);
    CHECK(test::agreement(plain_image, crop(bled_image, 4, 4, 600, 300), "bleed-uk-pdf") >=
          test::kMinAgreement);

    auto bad = test::run_vexil({"render", design, "-o", pdf, "--bleed", "2x"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--bleed: error: '2x' is not a bleed") != std::string::npos);
    bad = test::run_vexil({"render", design, "-o", pdf, "--width", "10cm", "--bleed", "11cm"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("the bleed is larger than the flag itself") != std::string::npos);
}
