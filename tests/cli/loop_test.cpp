// The designer's loop: variants side by side, seeded random designs, and watch.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>
#include <thread>

using vexil::test::read_text;
using vexil::test::run_vexil;
using vexil::test::TempDir;
namespace fs = std::filesystem;

namespace {

const char* kRings =
    "[flag]\ntitle = \"Rings\"\nsize = [3, 2]\n[params]\nband = 0.05\n[[layer]]\nkind = \"field\"\n"
    "color = \"navy\"\n[[layer]]\nid = \"rings\"\nkind = \"rings\"\npattern = \"row\"\ncount = 3\n"
    "radius = 0.3\nwidth = \"band\"\ngap = 0.02\ncolors = [\"white\"]\n";

std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

/// Runs vexil with stdout and stderr going to the given files as it runs (so a test can watch them),
/// and returns its exit status.
int run_logged(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    std::string command = quote(VEXIL_BINARY);
    for (const auto& arg : args)
        command.append(" ").append(quote(arg));
    command.append(" </dev/null >").append(quote(out.string()));
    command.append(" 2>").append(quote(err.string()));
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

/// Polls `done` until it holds or `deadline` passes; returns whether it held.
template <typename F>
bool wait_until(const F& done, std::chrono::seconds deadline = std::chrono::seconds(10)) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return done();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

int count_lines_with(const std::string& text, const std::string& words) {
    std::istringstream lines(text);
    std::string line;
    int n = 0;
    while (std::getline(lines, line))
        n += line.find(words) != std::string::npos;
    return n;
}

} // namespace

TEST_CASE("variants: the cross product as files and one captioned contact sheet", "[cli][variants]") {
    TempDir dir;
    const auto design = dir.write("rings.toml", kRings);
    const auto out = dir / "out";
    const auto result = run_vexil({"variants", design.string(), "--vary", "band=0.03,0.05,0.08", "--vary",
                                   "rings.weave=alternate,none", "-o", out.string(), "--width", "150"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.out.find("6 variants") != std::string::npos);
    // A colour keeps its digits and a character a file name should not hold is %XX, so the name
    // reads back as the value: colors.ring=fca311, spacing=W%2F5.
    const auto gold =
        dir.write("gold.toml", "[flag]\nsize = [3, 2]\n[params]\nr = 0.5\n[colors]\n"
                               "gold = \"#ffd700\"\n[[layer]]\nkind = \"circle\"\nradius = \"r\"\n"
                               "color = \"gold\"\n");
    const auto named = run_vexil({"variants", gold.string(), "--vary", "r=W/5", "--vary",
                                  "colors.gold=#fca311", "-o", (dir / "named").string(), "--width", "60"});
    INFO(named.err);
    CHECK(named.status == 0);
    CHECK(fs::exists(dir / "named" / "gold_r=W%2F5_colors.gold=fca311.png"));
    CHECK(fs::exists(out / "rings_band=0.08_rings.weave=none.png"));
    int pngs = 0;
    for (const auto& entry : fs::directory_iterator(out))
        pngs += entry.path().extension() == ".png";
    CHECK(pngs == 7); // six variants and the sheet
    const auto sheet = vexil::test::read_png(out / "rings-variants.png");
    CHECK(sheet.width > 3 * 150); // up to four columns of 150 px cells, three here
    CHECK(read_text(out / "rings-variants.pdf").rfind("%PDF-", 0) == 0);
    // Deterministic: the same call makes the same sheet, byte for byte.
    const std::string first = read_text(out / "rings-variants.png");
    REQUIRE(run_vexil({"variants", design.string(), "--vary", "band=0.03,0.05,0.08", "--vary",
                       "rings.weave=alternate,none", "-o", out.string(), "--width", "150"})
                .status == 0);
    CHECK(read_text(out / "rings-variants.png") == first);
    // A bad value is a bad design: exit 2 with the position in the override.
    const auto bad = run_vexil({"variants", design.string(), "--vary", "band=0.05,oops", "-o", out.string()});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("<--set band=oops>") != std::string::npos);
    // A sheet over the raster limit: the command names the options that shrink it, and writes nothing.
    std::string many = "band=0.01";
    for (int i = 2; i <= 60; ++i)
        many += ",0.0" + std::to_string(i % 10);
    const auto big = run_vexil({"variants", design.string(), "--vary", many, "--columns", "60", "--width",
                                "400", "-o", (dir / "big").string()});
    CHECK(big.status == 2);
    CHECK(big.err.find("over vexil's raster limit: use fewer flags, narrower cells or more columns "
                       "(--vary, --width, --columns)") != std::string::npos);
    CHECK(!fs::exists(dir / "big"));
}

TEST_CASE("random: a seed always gives the same design, which records its seed and version",
          "[cli][random]") {
    CHECK(vexil::random_design(7) == vexil::random_design(7));
    CHECK(vexil::random_design(7) != vexil::random_design(8));
    const std::string seven = vexil::random_design(7);
    CHECK(seven.find("seed 7") != std::string::npos);
    CHECK(seven.find(std::string("vexil ") + vexil::kVersion) != std::string::npos);
    // Every seed makes a design that loads and lays out: the generator only writes valid TOML.
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        INFO("seed " << seed);
        CHECK_NOTHROW(vexil::build_scene(vexil::load_design_text(vexil::random_design(seed), "random.toml")));
    }
    TempDir dir;
    const auto result =
        run_vexil({"random", "--seed", "7", "--count", "3", "-o", dir.path().string(), "--width", "90"});
    REQUIRE(result.status == 0);
    for (const char* name : {"random-7", "random-8", "random-9"})
        for (const char* suffix : {".toml", ".svg", ".png"})
            CHECK(fs::exists(dir / (std::string(name) + suffix)));
    CHECK(read_text(dir / "random-7.toml") == seven);
}

TEST_CASE("watch: re-renders on a change, keeps the last good output through a broken edit", "[cli][watch]") {
    // No fixed sleeps: every step waits for what it can observe (the output's colour, the watcher's
    // report on stderr), up to a generous deadline; each edit gets an mtime set explicitly one second
    // past the last, and lands by a rename so the watcher never sees it half-written or twice.
    TempDir dir;
    const auto design =
        dir.write("disc.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"red\"\n");
    const auto out = dir / "disc.png";
    const auto out_log = dir / "watch.out", err_log = dir / "watch.err";
    int status = -1;
    std::thread watcher([&] {
        status = run_logged({"watch", design.string(), "-o", out.string(), "--width", "30", "--interval",
                             "20", "--renders", "3", "--timeout", "30"},
                            out_log, err_log);
    });
    const auto colour_is = [&](const char* hex) {
        return [&, hex] {
            try {
                return fs::exists(out) && vexil::test::near(vexil::test::read_png(out).at(5, 5), hex);
            } catch (const std::exception&) {
                return false; // not a whole PNG yet
            }
        };
    };
    const auto err_says = [&](const char* words) {
        return [&, words] { return read_text(err_log).find(words) != std::string::npos; };
    };
    const auto stamp = fs::last_write_time(design);
    const auto edit = [&](const std::string& text, int seconds_later) {
        const auto staged = dir.write("disc.toml.new", text);
        fs::last_write_time(staged, stamp + std::chrono::seconds(seconds_later));
        fs::rename(staged, design);
    };
    CHECK(wait_until(colour_is("#ff0000")));
    edit("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"feild\"\ncolor = \"blue\"\n", 1);
    // The watcher reports the broken edit, and the last good output stays.
    CHECK(wait_until(err_says("kept the last good output")));
    CHECK(read_text(err_log).find("disc.toml:4:8: error: unknown layer kind 'feild'") != std::string::npos);
    CHECK(vexil::test::near(vexil::test::read_png(out).at(5, 5), "#ff0000"));
    edit("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"blue\"\n", 2);
    CHECK(wait_until(colour_is("#0000ff")));
    watcher.join();
    INFO("stdout:\n" << read_text(out_log) << "stderr:\n" << read_text(err_log));
    CHECK(status == 0);
    // Exactly the three renders: red, the broken edit, blue.
    CHECK(count_lines_with(read_text(out_log), "rendered ") == 2);
    CHECK(count_lines_with(read_text(err_log), "kept the last good output") == 1);
}

TEST_CASE("watch: wakes on the save itself, not on the next look, in place or by rename", "[cli][watch]") {
    // With a 60 s interval, only the kernel's file events can bring these renders within the
    // deadline: a rename over the design (as most editors save), then a write in place.
    TempDir dir;
    const auto design =
        dir.write("disc.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"red\"\n");
    const auto out = dir / "disc.png";
    int status = -1;
    std::thread watcher([&] {
        status = run_logged({"watch", design.string(), "-o", out.string(), "--width", "30", "--interval",
                             "60000", "--renders", "3", "--timeout", "50"},
                            dir / "watch.out", dir / "watch.err");
    });
    const auto colour_is = [&](const char* hex) {
        return [&, hex] {
            try {
                return fs::exists(out) && vexil::test::near(vexil::test::read_png(out).at(5, 5), hex);
            } catch (const std::exception&) {
                return false;
            }
        };
    };
    CHECK(wait_until(colour_is("#ff0000")));
    const auto staged =
        dir.write("disc.toml.new", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"blue\"\n");
    fs::rename(staged, design);
    CHECK(wait_until(colour_is("#0000ff")));
    dir.write("disc.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"lime\"\n");
    CHECK(wait_until(colour_is("#00ff00")));
    watcher.join();
    CHECK(status == 0); // three renders, well before the interval would have looked once
}

TEST_CASE("watch: mistakes in the command end it at once", "[cli][watch]") {
    TempDir dir;
    const auto design =
        dir.write("disc.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = \"red\"\n");
    CHECK(run_vexil({"watch", design.string(), "-o", (dir / "x.gif").string(), "--timeout", "5"}).status ==
          2);
    CHECK(run_vexil({"watch", (dir / "nope.toml").string(), "-o", (dir / "x.png").string(), "--timeout", "5"})
              .status == 1);
}

TEST_CASE("random: seeds that once drew a colour twice still make valid TOML", "[cli][random]") {
    // Seed 5775 named a colour twice in [colors] (found by fuzzing seeds 1-20000).
    CHECK_NOTHROW(vexil::build_scene(vexil::load_design_text(vexil::random_design(5775), "random.toml")));
}
