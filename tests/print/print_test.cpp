// Print output: the PDF a flag maker produces from — page boxes, marks, inks (Ghostscript's
// separations and ink coverage), output intents, print profiles and their proofs.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace vexil;
using Catch::Matchers::Contains;

namespace {

constexpr double kPointsPerCm = 72 / 2.54;

std::string design_path(const std::string& name) {
    return (test::source_dir() / "designs" / (name + ".toml")).string();
}

struct PdfBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

/// A box of the first page, as `pdfinfo -box` prints it ("TrimBox:  85.04  85.04  4337.01 …").
PdfBox page_box(const std::string& pdf, const std::string& name) {
    const std::string info = test::run_tool({"pdfinfo", "-box", pdf}).out;
    std::istringstream lines(info);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(name + ":", 0) == 0) {
            std::istringstream numbers(line.substr(name.size() + 1));
            PdfBox box;
            numbers >> box.x0 >> box.y0 >> box.x1 >> box.y1;
            return box;
        }
    FAIL("pdfinfo lists no " << name);
    return {};
}

/// The PDF with every stream uncompressed (qpdf --qdf), to read its content streams.
std::string uncompressed(const std::string& pdf, const test::TempDir& dir) {
    const std::string out = (dir / "qdf.pdf").string();
    REQUIRE(test::run_tool({"qpdf", "--qdf", "--object-streams=disable", pdf, out}).status == 0);
    return test::read_text(out);
}

/// The distinct values of an uncompressed 8-bit TIFF's pixels: its strips, found through the first
/// IFD (TIFF 6.0: StripOffsets is tag 273, StripByteCounts 279; little-endian, as Ghostscript writes).
std::size_t tint_values(const std::string& tiff) {
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(tiff.at(at)) |
                                          static_cast<unsigned char>(tiff.at(at + 1)) << 8);
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    REQUIRE(tiff.compare(0, 2, "II") == 0);
    const std::size_t ifd = u32(4);
    std::vector<std::uint32_t> offsets, counts;
    for (std::uint32_t i = 0, n = u16(ifd); i < n; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        const std::uint32_t tag = u16(entry), type = u16(entry + 2), count = u32(entry + 4);
        if (tag != 273 && tag != 279) continue;
        auto& values = tag == 273 ? offsets : counts;
        const std::size_t size = type == 3 ? 2 : 4;
        const std::size_t at = count * size <= 4 ? entry + 8 : u32(entry + 8);
        for (std::uint32_t k = 0; k < count; ++k)
            values.push_back(size == 2 ? u16(at + 2 * k) : u32(at + 4 * k));
    }
    REQUIRE(offsets.size() == counts.size());
    std::set<unsigned char> values;
    for (std::size_t strip = 0; strip < offsets.size(); ++strip)
        for (std::uint32_t i = 0; i < counts[strip]; ++i)
            values.insert(static_cast<unsigned char>(tiff.at(offsets[strip] + i)));
    return values.size();
}

bool have(const char* tool) {
    const bool found = test::run_tool({"sh", "-c", std::string("command -v ") + tool}).status == 0;
    if (!found && test::in_ci()) FAIL(tool << " is missing: scripts/setup.sh installs it");
    return found;
}

/// The plates Ghostscript's tiffsep device separates the PDF into, by name ("Cyan", "PANTONE 186 C"),
/// each with the number of distinct tint values on it (1: an empty plate, all paper).
std::map<std::string, std::size_t> plates(const std::string& pdf, const test::TempDir& dir) {
    const std::string base = (dir / "sep.tif").string();
    REQUIRE(test::run_tool(
                {"gs", "-q", "-dSAFER", "-sDEVICE=tiffsep", "-sCompression=none", "-r10", "-o", base, pdf})
                .status == 0);
    std::map<std::string, std::size_t> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("sep(", 0) == 0)
            found[file.substr(4, file.size() - 4 - 5)] = tint_values(test::read_text(entry.path()));
    }
    return found;
}

/// Ghostscript's ink coverage of the first page: C, M, Y, K as fractions of the page.
std::array<double, 4> ink_coverage(const std::string& pdf) {
    const auto result = test::run_tool({"gs", "-q", "-dSAFER", "-o", "-", "-sDEVICE=inkcov", pdf});
    REQUIRE(result.status == 0);
    std::istringstream numbers(result.out);
    std::array<double, 4> cmyk{};
    numbers >> cmyk[0] >> cmyk[1] >> cmyk[2] >> cmyk[3];
    return cmyk;
}

} // namespace

TEST_CASE("print: the Union Flag at 150 cm with bleed, marks and spot colours", "[print][cli]") {
    if (!have("gs")) return;
    test::TempDir dir;
    const std::string pdf = (dir / "uk.pdf").string();
    const auto result = test::run_vexil({"render", design_path("united-kingdom"), "-o", pdf, "--width",
                                         "150cm", "--bleed", "1cm", "--marks", "--colors", "spot"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(test::run_tool({"qpdf", "--check", pdf}).status == 0);

    // The trim is the flag, 150 × 75 cm; the bleed 1 cm past it; the marks have room outside both.
    const PdfBox trim = page_box(pdf, "TrimBox"), bleed = page_box(pdf, "BleedBox"),
                 media = page_box(pdf, "MediaBox");
    CHECK(trim.width() == Approx(150 * kPointsPerCm).margin(0.02));
    CHECK(trim.height() == Approx(75 * kPointsPerCm).margin(0.02));
    CHECK(trim.x0 - bleed.x0 == Approx(kPointsPerCm).margin(0.02));
    CHECK(bleed.y1 - trim.y1 == Approx(kPointsPerCm).margin(0.02));
    CHECK(bleed.x0 > 50); // room for crop marks, registration targets, the colour bar and the slug
    CHECK(media.y1 - bleed.y1 > 50);

    // Separated, the flag is two plates named for its Pantone inks (and the process plates, which
    // carry only the marks: registration prints on every plate).
    const auto names = plates(pdf, dir);
    CHECK(names.count("PANTONE 186 C") == 1);
    CHECK(names.count("PANTONE 280 C") == 1);
    CHECK(names.size() == 6); // Cyan, Magenta, Yellow, Black and the two inks

    // Marks lie outside the trim, the art ends at the bleed: rasterised at 1 px per 4 pt, the media
    // outside the bleed is paper but for the marks, and a crop mark sits on the line of the trim's
    // left edge above the bleed.
    const int width = static_cast<int>(media.width() / 4), height = static_cast<int>(media.height() / 4);
    const test::Image page = test::rasterise_pdf(pdf, width, height);
    const auto px = [&](double x) { return static_cast<int>(x / 4); };
    const auto py = [&](double y) { return static_cast<int>((media.y1 - y) / 4); }; // PDF y is up
    int inked_outside = 0, outside = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const bool in_bleed = x >= px(bleed.x0) - 1 && x <= px(bleed.x1) + 1 && y >= py(bleed.y1) - 1 &&
                                  y <= py(bleed.y0) + 1;
            if (in_bleed) continue;
            ++outside;
            if (!test::near(page.at(x, y), "#ffffff", 40)) ++inked_outside;
        }
    CHECK(inked_outside > 0);            // the marks
    CHECK(inked_outside < outside / 10); // and nothing else: no art past the bleed
    bool crop_mark = false;
    for (int y = py(bleed.y1) - px(20); y < py(bleed.y1) - 1; ++y)
        crop_mark = crop_mark || !test::near(page.at(px(trim.x0), y), "#ffffff", 60);
    CHECK(crop_mark);
    // No font: the slug and the colour bar's labels are outlines.
    const auto fonts = test::run_tool({"pdffonts", pdf});
    CHECK(std::count(fonts.out.begin(), fonts.out.end(), '\n') == 2); // the header and its rule alone
}

TEST_CASE("print: spot colours leave the process plates empty", "[print][cli]") {
    if (!have("gs")) return;
    test::TempDir dir;
    const std::string pdf = (dir / "uk.pdf").string();
    REQUIRE(test::run_vexil(
                {"render", design_path("united-kingdom"), "-o", pdf, "--width", "30cm", "--colors", "spot"})
                .status == 0);
    const auto names = plates(pdf, dir);
    for (const char* process : {"Cyan", "Magenta", "Yellow", "Black"}) {
        INFO(process);
        REQUIRE(names.count(process));
        CHECK(names.at(process) == 1); // paper only: white is no ink
    }
    CHECK(names.at("PANTONE 186 C") > 1);
    CHECK(names.at("PANTONE 280 C") > 1);
    const std::string content = uncompressed(pdf, dir);
    CHECK(content.find("/PANTONE#20186#20C") != std::string::npos);
    CHECK(content.find("/VexilInk") != std::string::npos);
    CHECK(content.find(" rg") == std::string::npos);
}

TEST_CASE("print: CMYK output has an OutputIntent and no RGB", "[print][cli]") {
    if (!have("gs")) return;
    test::TempDir dir;
    const std::string pdf = (dir / "earth.pdf").string();
    const auto result =
        test::run_vexil({"render", design_path("earth"), "-o", pdf, "--width", "90cm", "--colors", "cmyk"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    const std::string content = uncompressed(pdf, dir);
    CHECK(content.find("/OutputIntents") != std::string::npos);
    CHECK(content.find("/S /GTS_PDFX") != std::string::npos);
    CHECK(content.find("/DestOutputProfile") != std::string::npos);
    CHECK(content.find(" rg") == std::string::npos);
    CHECK(content.find(" RG") == std::string::npos);
    CHECK(content.find("DeviceRGB") == std::string::npos);
    CHECK(std::regex_search(content, std::regex("[0-9] k[ \n]")));
    const auto cmyk = ink_coverage(pdf);
    CHECK(cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3] > 0.5);
    CHECK(test::run_tool({"qpdf", "--check", pdf}).status == 0);
}

TEST_CASE("print: a colour's own CMYK is written as given, others through the profile", "[print][cli]") {
    test::TempDir dir;
    const std::string pdf = (dir / "eu.pdf").string();
    REQUIRE(
        test::run_vexil({"render", design_path("european-union"), "-o", pdf, "--colors", "cmyk"}).status ==
        0);
    const std::string content = uncompressed(pdf, dir);
    CHECK(content.find("1 0.8 0 0 k") != std::string::npos); // blue: the Council of Europe's 100-80-0-0
    CHECK(content.find("0 0 1 0 k") != std::string::npos);   // gold: 0-0-100-0
    // The colour bar's and the separations' names, and the print values, in the XMP.
    CHECK(content.find("<xmpG:swatchName>PANTONE Reflex Blue C</xmpG:swatchName>") != std::string::npos);
    CHECK(content.find("<xmp:CreatorTool>vexil") != std::string::npos);
}

TEST_CASE("print: a non-rectangular flag is cut along its outline in CutContour", "[print][cli]") {
    if (!have("gs")) return;
    test::TempDir dir;
    const std::string pdf = (dir / "nepal.pdf").string();
    REQUIRE(test::run_vexil({"render", design_path("nepal"), "-o", pdf, "--width", "60cm", "--bleed", "5mm"})
                .status == 0);
    const auto names = plates(pdf, dir);
    REQUIRE(names.count("CutContour"));
    CHECK(names.at("CutContour") > 1);
}

TEST_CASE("print: bleed per edge, scale, and pages past 200 in", "[print][cli]") {
    test::TempDir dir;
    const std::string pdf = (dir / "jp.pdf").string();
    auto result = test::run_vexil(
        {"render", design_path("japan"), "-o", pdf, "--width", "90cm", "--bleed", "5mm,hoist=3cm"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    PdfBox trim = page_box(pdf, "TrimBox"), bleed = page_box(pdf, "BleedBox");
    CHECK(trim.x0 - bleed.x0 == Approx(3 * kPointsPerCm).margin(0.02));
    CHECK(bleed.x1 - trim.x1 == Approx(0.5 * kPointsPerCm).margin(0.02));
    CHECK(trim.y0 - bleed.y0 == Approx(0.5 * kPointsPerCm).margin(0.02));

    // 1:10 draws a tenth: a 9 cm trim for a 90 cm flag, and the bleed shrinks with it.
    result = test::run_vexil(
        {"render", design_path("japan"), "-o", pdf, "--width", "90cm", "--bleed", "1cm", "--scale", "1:10"});
    REQUIRE(result.status == 0);
    trim = page_box(pdf, "TrimBox");
    bleed = page_box(pdf, "BleedBox");
    CHECK(trim.width() == Approx(9 * kPointsPerCm).margin(0.02));
    CHECK(trim.x0 - bleed.x0 == Approx(0.1 * kPointsPerCm).margin(0.02));

    // 20 m is past a PDF page's 14,400 units: each unit is made 4 points (UserUnit), so the page
    // says 20 m exactly.
    result = test::run_vexil({"render", design_path("japan"), "-o", pdf, "--width", "20m"});
    REQUIRE(result.status == 0);
    const std::string content = uncompressed(pdf, dir);
    CHECK(content.find("/UserUnit 4") != std::string::npos);
    CHECK(page_box(pdf, "MediaBox").width() * 4 == Approx(2000 * kPointsPerCm).margin(0.1));
    CHECK(test::run_tool({"qpdf", "--check", pdf}).status == 0);
}

TEST_CASE("print: a print profile grows the art and writes a proof with its guides", "[print][cli]") {
    test::TempDir dir;
    const std::string pdf = (dir / "uk.pdf").string();
    const std::string profile = (test::source_dir() / "profiles" / "sleeve-and-grommets.toml").string();
    const auto result = test::run_vexil({"render", design_path("united-kingdom"), "-o", pdf, "--width",
                                         "150cm", "--bleed", "1cm", "--profile", profile});
    INFO(result.err);
    REQUIRE(result.status == 0);
    // The cut piece: 150 cm + a 7 cm sleeve and its 2 cm turn-under at the hoist + a 3 cm fly hem;
    // 75 cm + 2 cm hems top and bottom.
    const PdfBox trim = page_box(pdf, "TrimBox");
    CHECK(trim.width() == Approx(162 * kPointsPerCm).margin(0.05));
    CHECK(trim.height() == Approx(79 * kPointsPerCm).margin(0.05));
    // The production art carries no guides: the proof does, in colours no flag here uses.
    const std::string proof = (dir / "uk.proof.pdf").string();
    REQUIRE(std::filesystem::exists(proof));
    const PdfBox media = page_box(proof, "MediaBox");
    const int width = static_cast<int>(media.width() / 2), height = static_cast<int>(media.height() / 2);
    const test::Image proof_page = test::rasterise_pdf(proof, width, height);
    const test::Image art = test::rasterise_pdf(pdf, width, height);
    const auto count = [&](const test::Image& image, const char* hex) {
        int n = 0;
        for (const auto& pixel : image.pixels)
            n += test::near(pixel, hex, 30) ? 1 : 0;
        return n;
    };
    CHECK(count(proof_page, "#e65a00") > 10); // grommets
    CHECK(count(proof_page, "#d900d9") > 10); // folds
    CHECK(count(proof_page, "#0073f2") > 10); // stitching
    CHECK(count(art, "#e65a00") == 0);
    CHECK(count(art, "#d900d9") == 0);
    CHECK(count(art, "#0073f2") == 0);
}

TEST_CASE("print: bad print options and profiles exit 2, name the value, and write nothing", "[print][cli]") {
    test::TempDir dir;
    const std::string pdf = (dir / "out.pdf").string();
    const std::string png = (dir / "out.png").string();
    auto result = test::run_vexil({"render", design_path("japan"), "-o", png, "--marks"});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Contains("are for PDF output"));
    result = test::run_vexil({"render", design_path("japan"), "-o", pdf, "--scale", "10:1"});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Contains("'10:1' is not a scale"));
    result = test::run_vexil({"render", design_path("japan"), "-o", pdf, "--bleed", "hoist=1cm,hoist=2cm"});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Contains("'hoist=1cm,hoist=2cm' is not a bleed"));
    const auto not_icc = dir.write("not.icc", "this is not a colour profile");
    result = test::run_vexil(
        {"render", design_path("japan"), "-o", pdf, "--colors", "cmyk", "--icc", not_icc.string()});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Contains("not.icc' is not an ICC profile"));
    const auto profile = dir.write("shop.toml", "name = \"Shop\"\n[hem]\nallowence = \"2cm\"\nfly = 3\n");
    result = test::run_vexil({"render", design_path("japan"), "-o", pdf, "--profile", profile.string()});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Contains("shop.toml:3:1: error:") && Contains("did you mean 'allowance'"));
    CHECK_THAT(result.err, Contains("shop.toml:4:7: error:") && Contains("a length with its unit"));
    CHECK_FALSE(std::filesystem::exists(pdf));
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST_CASE("print: colours with print values load, and bad ones are errors at their place", "[print]") {
    const Design design = load_design_text(R"(
[flag]
size = [3, 2]
[colors]
red = { rgb = "#c8102e", pantone = "186 C", cmyk = [0, 100, 81, 4], source = "a sheet" }
ink = { rgb = "#123456", spot = "Shop Green" }
white = "#ffffff"
[[layer]]
kind = "field"
color = "red"
)",
                                           "print.toml");
    REQUIRE(design.colours.size() == 3);
    CHECK(design.colours[0].name == "red");
    CHECK(design.colours[0].spot == "PANTONE 186 C");
    REQUIRE(design.colours[0].cmyk);
    CHECK(design.colours[0].cmyk->y == Approx(0.81));
    CHECK(design.colours[0].source == "a sheet");
    CHECK(design.colours[1].spot == "Shop Green");
    CHECK_FALSE(design.colours[2].has_print_values());
    CHECK(design.palette.at("red").r == Approx(0xc8 / 255.0));

    const auto error_of = [](const std::string& entry) {
        try {
            load_design_text("[flag]\nsize = [3, 2]\n[colors]\n" + entry + "\n", "bad.toml");
        } catch (const InputError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of(R"(red = { rgb = "#c8102e", cmyk = [0, 100, 181, 4] })"),
               Contains("bad.toml:4:33") && Contains("each ink is a percentage from 0 to 100"));
    CHECK_THAT(error_of(R"(red = { rgb = "#c8102e", pantone = "186 C", spot = "Red" })"),
               Contains("give pantone or spot, not both"));
    CHECK_THAT(error_of(R"(red = { pantone = "186 C" })"), Contains("bad.toml:4:7") && Contains("rgb"));
    CHECK_THAT(error_of(R"(red = { rgb = "#c8102e", pantone = "186 C", cymk = [0, 0, 0, 0] })"),
               Contains("did you mean 'cmyk'"));
    CHECK_THAT(error_of(R"(red = { rgb = "#c8102e" })"),
               Contains("for a screen colour alone write the string"));
}

TEST_CASE("print: lengths per edge", "[print]") {
    const auto all = parse_edge_lengths("3mm");
    REQUIRE(all);
    CHECK(all->hoist.points() == Approx(3 * 72 / 25.4));
    CHECK(all->bottom.points() == Approx(3 * 72 / 25.4));
    const auto some = parse_edge_lengths("hoist=2cm,fly=1cm");
    REQUIRE(some);
    CHECK(some->hoist.points() == Approx(2 * kPointsPerCm));
    CHECK(some->top.value == 0);
    const auto mixed = parse_edge_lengths("1cm,top=0");
    REQUIRE(mixed);
    CHECK(mixed->top.value == 0);
    CHECK(mixed->fly.points() == Approx(kPointsPerCm));
    for (const char* bad : {"", "1cm,2cm", "left=1cm", "hoist=1cm,hoist=1cm", "1cm,fly=3", "-1cm", "1 cm"})
        CHECK_FALSE(parse_edge_lengths(bad));
}

TEST_CASE("print: a print PDF is the same bytes twice with SOURCE_DATE_EPOCH", "[print][cli]") {
    test::TempDir dir;
    const std::string a = (dir / "a.pdf").string(), b = (dir / "b.pdf").string();
    for (const auto& out : {a, b})
        REQUIRE(test::run_tool({"env", "SOURCE_DATE_EPOCH=1700000000", (test::build_dir() / "vexil").string(),
                                "render", design_path("european-union"), "-o", out, "--width", "60cm",
                                "--bleed", "3mm", "--marks", "--colors", "spot"})
                    .status == 0);
    CHECK(test::read_text(a) == test::read_text(b));
}

TEST_CASE("print: check --print names the colours that have no print values", "[print][cli]") {
    const auto result = test::run_vexil({"check", "--print", design_path("united-states")});
    CHECK(result.status == 0);
    CHECK_THAT(result.err, Contains("united-states.toml:8:9: warning: colors.red has no print values"));
    CHECK(result.err.find("colors.blue") == std::string::npos); // 282 C, from the State Department
}
