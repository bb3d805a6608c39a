// The command line as a build script sees it: exit statuses, messages on stderr, files written or
// (on failure) not written and not replaced.
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using vexil::test::run_vexil;
using vexil::test::TempDir;
namespace fs = std::filesystem;

namespace {

const char* kGood = R"([flag]
title = "Test"
size = [3, 2]
[params]
r = 0.5
[[layer]]
kind = "field"
color = "white"
[[layer]]
id = "disc"
kind = "circle"
radius = "r"
color = "#bc002d"
)";

} // namespace

TEST_CASE("cli: render writes every requested format", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    const auto result =
        run_vexil({"render", design.string(), "-o", (dir / "a.svg").string(), "-o", (dir / "a.png").string(),
                   "-o", (dir / "a.PDF").string(), "--width", "150"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    CHECK(vexil::test::read_text(dir / "a.svg").find("<svg") != std::string::npos);
    CHECK(vexil::test::read_text(dir / "a.PDF").rfind("%PDF-", 0) == 0);
    const auto png = vexil::test::read_png(dir / "a.png");
    CHECK(png.width == 150);
    CHECK(png.height == 100);
    CHECK(vexil::test::near(png.at(75, 50), "#bc002d"));
    // No temporary files are left beside the outputs.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++files;
    CHECK(files == 4);
}

TEST_CASE("cli: --set overrides a param, a colour and a layer field", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    const auto out = (dir / "a.png").string();
    auto result = run_vexil({"render", design.string(), "-o", out, "--width", "150", "--set", "r=0.1",
                             "--set", "disc.color=#0000ff"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    auto png = vexil::test::read_png(out);
    CHECK(vexil::test::near(png.at(75, 50), "#0000ff"));
    CHECK(vexil::test::near(png.at(75, 30), "#ffffff")); // r = 0.1 → 5 px
}

TEST_CASE("cli: a bad design exits 2 with FILE:LINE:COL and writes nothing", "[cli]") {
    TempDir dir;
    const auto design = dir.write(
        "bad.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"circle\"\nraduis = 1\ncolor = \"red\"\n");
    const auto out = dir / "bad.png";
    const auto result = run_vexil({"render", design.string(), "-o", out.string()});
    CHECK(result.status == 2);
    CHECK(result.err.rfind(design.string() + ":5:1: error: unknown key 'raduis'", 0) == 0);
    CHECK(result.err.find("did you mean 'radius'?") != std::string::npos);
    CHECK(!fs::exists(out));
}

TEST_CASE("cli: a failed render never replaces an existing output", "[cli]") {
    TempDir dir;
    const auto design = dir.write("bad.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"feild\"\n");
    const auto out = dir.write("keep.png", "previous contents");
    const auto result = run_vexil({"render", design.string(), "-o", out.string()});
    CHECK(result.status == 2);
    CHECK(result.err.find("did you mean 'field'?") != std::string::npos);
    CHECK(vexil::test::read_text(out) == "previous contents");
}

TEST_CASE("cli: I/O failures exit 1", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    SECTION("missing design") {
        const auto result =
            run_vexil({"render", (dir / "nope.toml").string(), "-o", (dir / "x.png").string()});
        CHECK(result.status == 1);
        CHECK(result.err.find("nope.toml") != std::string::npos);
    }
    SECTION("output folder does not exist") {
        const auto result =
            run_vexil({"render", design.string(), "-o", (dir / "no/such/dir/x.png").string()});
        CHECK(result.status == 1);
        CHECK(result.err.find("vexil: error:") == 0);
    }
    SECTION("one bad output among good ones writes none of them") {
        const auto result = run_vexil({"render", design.string(), "-o", (dir / "ok.png").string(), "-o",
                                       (dir / "no/such/dir/x.svg").string()});
        CHECK(result.status == 1);
        CHECK(!fs::exists(dir / "ok.png"));
        for (const auto& entry : fs::directory_iterator(dir.path()))
            CHECK(entry.path().filename().string().find(".vexil-") == std::string::npos);
    }
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    CHECK(run_vexil({}).status == 2);
    CHECK(run_vexil({"frobnicate"}).status == 2);
    CHECK(run_vexil({"render", design.string()}).status == 2); // no -o
    const auto unknown_format = run_vexil({"render", design.string(), "-o", (dir / "x.gif").string()});
    CHECK(unknown_format.status == 2);
    CHECK(unknown_format.err.find(".svg, .png or .pdf") != std::string::npos);
    CHECK(run_vexil(
              {"render", design.string(), "-o", (dir / "x.png").string(), "--width", "10", "--height", "10"})
              .status == 2);
    const auto huge =
        run_vexil({"render", design.string(), "-o", (dir / "x.png").string(), "--width", "999999"});
    CHECK(huge.status == 2);
    CHECK(huge.err.find("limit") != std::string::npos);
    CHECK(!fs::exists(dir / "x.png"));
    // Too many pixels for the flag's ratio: the command line names the options that change it.
    const auto square = dir.write("square.toml", "[flag]\nsize = [1, 1]\n");
    const auto too_many =
        run_vexil({"render", square.string(), "-o", (dir / "x.png").string(), "--width", "40000"});
    CHECK(too_many.status == 2);
    CHECK(too_many.err.find("give a smaller output size or resolution (--width, --height, --dpi)") !=
          std::string::npos);
    CHECK(!fs::exists(dir / "x.png"));
    const auto bad_set =
        run_vexil({"render", design.string(), "-o", (dir / "x.png").string(), "--set", "rr=1"});
    CHECK(bad_set.status == 2);
    CHECK(bad_set.err.find("did you mean 'r'?") != std::string::npos);
}

TEST_CASE("cli: --set and -o take one value each, so the design may come after them", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    const auto out = (dir / "a.png").string();
    const auto result = run_vexil({"render", "--set", "r=0.2", "--set", "disc.color=#000000", "-o", out,
                                   design.string(), "--width", "60"});
    INFO(result.err);
    CHECK(result.status == 0);
    CHECK(vexil::test::near(vexil::test::read_png(out).at(30, 20), "#000000"));
    CHECK(vexil::test::near(vexil::test::read_png(out).at(2, 2), "#ffffff"));
}

TEST_CASE("cli: --set colors.NAME must name a palette entry, with a did-you-mean", "[cli]") {
    TempDir dir;
    const auto design = dir.write("palette.toml", "[flag]\nsize = [3, 2]\n[colors]\nsea = \"#0b4da2\"\n"
                                                  "[[layer]]\nkind = \"field\"\ncolor = \"sea\"\n");
    const auto out = dir / "a.png";
    const auto typo =
        run_vexil({"render", design.string(), "-o", out.string(), "--set", "colors.sae=#ff0000"});
    CHECK(typo.status == 2);
    CHECK(typo.err.rfind("<--set colors.sae=#ff0000>:1:1: error: the design's palette has no colour 'sae' — "
                         "did you mean 'sea'?",
                         0) == 0);
    CHECK(!fs::exists(out));
    // The entry it has is overridden.
    const auto good = run_vexil(
        {"render", design.string(), "-o", out.string(), "--width", "30", "--set", "colors.sea=#ff0000"});
    INFO(good.err);
    CHECK(good.status == 0);
    CHECK(vexil::test::near(vexil::test::read_png(out).at(15, 10), "#ff0000"));
}

TEST_CASE("cli: --help and --version", "[cli]") {
    const auto version = run_vexil({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.rfind("vexil 0.", 0) == 0);
    for (const char* command : {"render", "check", "scene", "crossings"}) {
        const auto help = run_vexil({command, "--help"});
        CHECK(help.status == 0);
        CHECK(help.out.find("Usage") != std::string::npos);
    }
}

TEST_CASE("cli: only the command asked for is set up, and nothing shows it", "[cli]") {
    // main.cpp defines just the command argv names (a quarter of a start's work otherwise); the
    // help, a wrong name and an option before the command must read as when all twelve are defined.
    const std::vector<std::string> all = {"render",   "check",  "scene", "crossings", "gallery",     "schema",
                                          "variants", "random", "watch", "sheet",     "completions", "man"};
    const auto help = run_vexil({"--help"});
    CHECK(help.status == 0);
    for (const auto& command : all)
        CHECK(help.out.find("\n  " + command + " ") != std::string::npos);
    const auto render_help = run_vexil({"--color", "never", "render", "--help"});
    CHECK(render_help.status == 0);
    CHECK(render_help.out.find("--width") != std::string::npos);
    CHECK(render_help.out.find("--seed") == std::string::npos); // random's, not render's
    const auto misspelt = run_vexil({"rendr", "design.toml"});
    CHECK(misspelt.status == 2);
    CHECK(misspelt.err.find("A subcommand is required") != std::string::npos);
    const auto json = run_vexil({"--diagnostics", "json", "render"});
    CHECK(json.status == 2);
    CHECK(json.err.find("\"code\":\"usage\"") != std::string::npos);
}

TEST_CASE("cli: check reports every bad file and still checks the rest", "[cli]") {
    TempDir dir;
    const auto good = dir.write("good.toml", kGood);
    const auto bad =
        dir.write("bad.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"whit\"\n");
    const auto result = run_vexil({"check", bad.string(), good.string()});
    CHECK(result.status == 2);
    CHECK(result.err.find(bad.string() + ":5:9: error:") == 0);
    CHECK(result.err.find("did you mean 'white'?") != std::string::npos);
    CHECK(result.out.find(good.string() + ": ok") != std::string::npos);
    CHECK(run_vexil({"check", good.string()}).status == 0);
}

TEST_CASE("cli: scene prints the laid-out geometry", "[cli]") {
    TempDir dir;
    const auto good = dir.write("good.toml", kGood);
    const auto result = run_vexil({"scene", good.string()});
    REQUIRE(result.status == 0);
    CHECK(result.out.rfind("scene 3 x 2 \"Test\"\n", 0) == 0);
    CHECK(result.out.find("fill #ffffffff M 0 0 L 3 0 L 3 2 L 0 2 Z") != std::string::npos);
    CHECK(result.out.find("group id=disc") != std::string::npos);
}

TEST_CASE("cli: an output that is a folder fails before any other output is replaced", "[cli]") {
    TempDir dir;
    const auto design = dir.write("good.toml", kGood);
    const auto keep = dir.write("a.png", "previous contents");
    fs::create_directories(dir / "x.svg");
    const auto result =
        run_vexil({"render", design.string(), "-o", keep.string(), "-o", (dir / "x.svg").string()});
    CHECK(result.status == 1);
    CHECK(result.err.find("cannot replace a folder") != std::string::npos);
    CHECK(vexil::test::read_text(keep) == "previous contents");
}
