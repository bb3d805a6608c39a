// Golden tests (practice 7 and 9): every design in designs/ rendered to a small PNG and dumped as a
// scene snapshot, compared with the references committed under tests/golden/designs/. These record
// what vexil drew last, not what is right (fidelity to the construction sheets is checked by the
// pixel, geometry and weave tests); after an intended change, regenerate them with
//     VEXIL_MAKE_REF=1 ctest --test-dir build -L golden
// which also rewrites the design index docs/designs.md (each design, its source, its thumbnail).
// A failed comparison writes expected | mask | actual to build/test-diffs/golden-<name>.png.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>

using namespace vexil;
namespace fs = std::filesystem;

namespace {

/// Width of the reference PNGs (and the index thumbnails).
constexpr int kGoldenWidth = 160;
/// The same renderer on the same Debian packages draws the same pixels; a channel may still move by
/// this much (a different zlib or pixman build), and this share of pixels must stay within it.
constexpr int kGoldenChannelTolerance = 3;
constexpr double kGoldenAgreement = 0.999;

bool making_references() {
    const char* flag = std::getenv("VEXIL_MAKE_REF");
    return flag && std::string(flag) == "1";
}

/// tests/golden/designs/<path under designs/ without .toml>
fs::path reference_stem(const fs::path& design) {
    const fs::path relative = fs::relative(design, test::source_dir() / "designs");
    return test::source_dir() / "tests/golden/designs" / relative.parent_path() / relative.stem();
}

double strict_agreement(const test::Image& a, const test::Image& b) {
    if (a.width != b.width || a.height != b.height) return 0;
    std::size_t alike = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        alike += test::difference(a.pixels[i], b.pixels[i]) <= kGoldenChannelTolerance;
    return static_cast<double>(alike) / static_cast<double>(a.pixels.size());
}

void write_index(const std::vector<fs::path>& all) {
    std::ofstream index(test::source_dir() / "docs/designs.md");
    index
        << "# The designs\n\nEvery design in [designs/](../designs), with the construction sheet, law or "
           "drawing it\n"
           "follows. Thumbnails are the golden-test references (regenerated with\n"
           "`VEXIL_MAKE_REF=1 ctest --test-dir build -L golden`, which also rewrites this page).\n"
           "Where a design's words are set in a font that only approximates the official lettering\n"
           "(Brazil's motto, Iraq's takbir), its source says which font stands in and what is estimated.\n\n"
           "| | design | source |\n|---|---|---|\n";
    for (const auto& design : all) {
        const Design d = load_design(design);
        const fs::path relative = fs::relative(design, test::source_dir());
        const fs::path thumb =
            fs::relative(reference_stem(design), test::source_dir() / "docs").string() + ".png";
        std::string source = d.flag.source;
        std::replace(source.begin(), source.end(), '|', '/');
        index << "| ![" << d.flag.title << "](" << thumb.string() << ") | [" << d.flag.title << "](../"
              << relative.string() << ")" << (d.flag.author.empty() ? "" : "<br>" + d.flag.author) << " | "
              << source << " |\n";
    }
}

/// pdftoppm has no alpha: compare everything as if over white paper.
test::Image over_white(test::Image image) {
    for (auto& p : image.pixels) {
        const auto blend = [&](int c) { return (c * p.a + 255 * (255 - p.a) + 127) / 255; };
        p = {blend(p.r), blend(p.g), blend(p.b), 255};
    }
    return image;
}

std::string trimmed_end(const std::string& text) {
    const auto end = text.find_last_not_of(" \t\r\n");
    return end == std::string::npos ? std::string() : text.substr(0, end + 1);
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

TEST_CASE("golden: every design draws as its reference", "[golden]") {
    const auto all = test::design_files();
    REQUIRE(!all.empty());
    for (const auto& design : all) {
        DYNAMIC_SECTION(fs::relative(design, test::source_dir()).string()) {
            const Scene scene = build_scene(load_design(design));
            RenderOptions options;
            options.width = kGoldenWidth;
            const std::string png = render_bytes(scene, Format::Png, options);
            const std::string text = dump(scene);
            const fs::path stem = reference_stem(design);
            if (making_references()) {
                fs::create_directories(stem.parent_path());
                write_file(stem.string() + ".png", png);
                write_file(stem.string() + ".scene.txt", text);
                continue;
            }
            INFO("no reference for " << design << ": run VEXIL_MAKE_REF=1 ctest --test-dir build -L golden");
            REQUIRE(fs::exists(stem.string() + ".png"));
            REQUIRE(fs::exists(stem.string() + ".scene.txt"));
            const auto expected = test::read_png(stem.string() + ".png");
            const auto actual = test::decode_png(png);
            const double agree = strict_agreement(expected, actual);
            if (agree < kGoldenAgreement)
                test::agreement(expected, actual, "golden-" + stem.filename().string());
            CHECK(agree >= kGoldenAgreement);
            CHECK(test::read_text(stem.string() + ".scene.txt") == text);
        }
    }
    if (making_references()) write_index(all);
}

TEST_CASE("golden: every design names its source and renders in all three formats", "[golden]") {
    // Each format is decoded, not weighed: the PNG by cairo, the SVG by librsvg and the PDF by poppler
    // (independent readers), each at the size asked for, and the two vector formats drawn back to
    // pixels must show what the PNG shows (the cross-format tolerance, kMinAgreement of pixels alike
    // within kChannelTolerance, over white because pdftoppm has no alpha).
    const auto all = test::design_files();
    REQUIRE(!all.empty());
    for (const auto& design : all) {
        DYNAMIC_SECTION(design.filename().string()) {
            const Design d = load_design(design);
            CHECK(!d.flag.title.empty());
            CHECK(d.flag.source.size() > 10);
            const Scene scene = build_scene(d);
            RenderOptions options;
            options.width = kGoldenWidth;
            const OutputSize size = output_size(scene, options);
            REQUIRE(size.width == kGoldenWidth);

            const auto png = over_white(test::decode_png(render_bytes(scene, Format::Png, options)));
            CHECK(png.width == size.width);
            CHECK(png.height == size.height);

            const std::string svg = render_bytes(scene, Format::Svg, options);
            CHECK(svg.find("width=\"" + std::to_string(size.width) + "\"") != std::string::npos);
            CHECK(svg.find("height=\"" + std::to_string(size.height) + "\"") != std::string::npos);
            CHECK(ends_with(trimmed_end(svg), "</svg>")); // complete, not cut off
            const auto from_svg = over_white(test::rasterise_svg(svg, size.width, size.height));

            const std::string pdf = render_bytes(scene, Format::Pdf, options);
            CHECK(pdf.rfind("%PDF-", 0) == 0);
            CHECK(ends_with(trimmed_end(pdf), "%%EOF")); // complete, with its trailer
            CHECK(pdf.find("/MediaBox [ 0 0 " + std::to_string(size.width) + " " +
                           std::to_string(size.height) + " ]") != std::string::npos);
            test::TempDir dir;
            const auto written = dir.write("flag.pdf", pdf);
            // qpdf reads every object and stream: a structurally sound file for a printer's tools.
            const auto check = test::run_tool({"qpdf", "--check", written.string()});
            CHECK(check.status == 0);
            CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
            const auto from_pdf = test::rasterise_pdf(written, size.width, size.height);
            CHECK(from_pdf.width == size.width);
            CHECK(from_pdf.height == size.height);

            const std::string stem = "golden-formats-" + design.stem().string();
            CHECK(test::agreement(png, from_svg, stem + "-svg") >= test::kMinAgreement);
            CHECK(test::agreement(png, from_pdf, stem + "-pdf") >= test::kMinAgreement);
        }
    }
}

TEST_CASE("golden: the catalogue and a contact sheet are sound PDFs", "[golden]") {
    std::vector<Scene> scenes;
    for (const char* name : {"japan", "earth", "united-kingdom"})
        scenes.push_back(
            build_scene(load_design(test::source_dir() / "designs" / (std::string(name) + ".toml"))));
    std::vector<SheetCell> cells;
    for (const Scene& scene : scenes)
        cells.push_back({&scene, scene.title});
    test::TempDir dir;
    for (const auto& [name, bytes] :
         {std::pair{"catalogue.pdf", render_catalogue(cells)},
          std::pair{"sheet.pdf", render_contact_sheet(cells, Format::Pdf, 2, 200)}}) {
        INFO(name);
        const auto check = test::run_tool({"qpdf", "--check", dir.write(name, bytes).string()});
        CHECK(check.status == 0);
        CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    }
}

TEST_CASE("golden: the design index lists every design", "[golden]") {
    const std::string index = test::read_text(test::source_dir() / "docs/designs.md");
    for (const auto& design : test::design_files())
        CHECK(index.find("](../" + fs::relative(design, test::source_dir()).string() + ")") !=
              std::string::npos);
}
