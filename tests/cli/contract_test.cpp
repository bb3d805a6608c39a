// The command line's contract with scripts and editors: `-` for standard input and output,
// diagnostics as JSON Lines, colour only when asked or on a terminal, exit statuses in --help.
#include "support.h"

#include <catch2/catch.hpp>

using vexil::test::run_vexil;
using vexil::test::TempDir;

namespace {

const char* kMisspelt = R"([flag]
size = [3, 2]
[[layer]]
kind = "field"
color = "white"
[[layer]]
kind = "circle"
raduis = 0.3
color = "#bc002d"
)";

} // namespace

TEST_CASE("cli: a design from standard input to standard output is the file's render, byte for byte",
          "[cli]") {
    TempDir dir;
    const std::string design = vexil::test::read_text(vexil::test::source_dir() / "designs" / "japan.toml");
    for (const char* format : {"png", "svg", "pdf"}) {
        const auto piped =
            run_vexil({"render", "-", "-o", "-", "--format", format, "--width", "300"}, design);
        INFO(piped.err);
        REQUIRE(piped.status == 0);
        const auto file = dir / (std::string("japan.") + format);
        REQUIRE(run_vexil({"render", (vexil::test::source_dir() / "designs" / "japan.toml").string(), "-o",
                           file.string(), "--width", "300"})
                    .status == 0);
        if (std::string(format) != "pdf") // a PDF records its creation time
            CHECK(piped.out == vexil::test::read_text(file));
        else
            CHECK(piped.out.rfind("%PDF-", 0) == 0);
    }
    const auto png = run_vexil({"render", "-", "-o", "-", "--format", "png", "--width", "300"}, design);
    const auto image = vexil::test::decode_png(png.out);
    CHECK(image.width == 300);
    CHECK(image.height == 200);
}

TEST_CASE("cli: standard input is named <stdin> in messages, and -o - needs --format", "[cli]") {
    const auto bad = run_vexil({"check", "-"}, kMisspelt);
    CHECK(bad.status == 2);
    CHECK(bad.err.find("<stdin>:8:1: error: unknown key 'raduis'") != std::string::npos);
    const auto no_format = run_vexil({"render", "-", "-o", "-"}, kMisspelt);
    CHECK(no_format.status == 2);
    CHECK(no_format.err.find("needs --format") != std::string::npos);
    const auto twice = run_vexil({"render", "-", "-o", "-", "-o", "-", "--format", "svg"}, kMisspelt);
    CHECK(twice.status == 2);
    CHECK(twice.err.find("only one output can be standard output") != std::string::npos);
    const auto watch = run_vexil({"watch", "-", "-o", "x.png"});
    CHECK(watch.status == 2);
}

TEST_CASE("cli: --diagnostics json prints one object a line with place, code and suggestion", "[cli]") {
    const auto result = run_vexil({"check", "-", "--diagnostics", "json"}, kMisspelt);
    CHECK(result.status == 2);
    CHECK(result.err == "{\"file\":\"<stdin>\",\"line\":8,\"column\":1,\"end_line\":8,\"end_column\":7,"
                        "\"severity\":\"error\",\"code\":\"unknown-key\",\"message\":\"unknown key 'raduis' "
                        "in layer 2 (circle) — did you mean 'radius'?\",\"suggestion\":\"radius\"}\n");
    // Before the command too, and for the command line's own mistakes and for failures.
    const auto usage = run_vexil({"--diagnostics=json", "render", "-", "--bogus"}, kMisspelt);
    CHECK(usage.status == 2);
    CHECK(usage.err.rfind("{\"file\":null,\"line\":null,", 0) == 0);
    CHECK(usage.err.find("\"code\":\"usage\"") != std::string::npos);
    const auto missing = run_vexil({"render", "no-such.toml", "-o", "x.svg", "--diagnostics", "json"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("\"severity\":\"error\",\"code\":\"failure\"") != std::string::npos);
}

TEST_CASE("cli: diagnostics are coloured when asked, plain otherwise, and --help gives the exit statuses",
          "[cli]") {
    const auto plain = run_vexil({"check", "-"}, kMisspelt); // standard error is not a terminal here
    CHECK(plain.err.find('\033') == std::string::npos);
    const auto coloured = run_vexil({"check", "-", "--color", "always"}, kMisspelt);
    CHECK(coloured.err.find("\033[1;31merror:\033[0m") != std::string::npos);
    const auto never = run_vexil({"check", "-", "--color=never"}, kMisspelt);
    CHECK(never.err == plain.err);
    const auto help = run_vexil({"--help"});
    CHECK(help.out.find("Exit status: 0 success; 1 ") != std::string::npos);
}

namespace {

/// What the bash completion offers for the words typed so far (the last is being completed).
std::string bash_completes(const std::string& typed) {
    const auto script = run_vexil({"completions", "bash"});
    REQUIRE(script.status == 0);
    TempDir dir;
    const auto file = dir.write("vexil.bash", script.out);
    const auto result = vexil::test::run_tool(
        {"bash", "-c",
         "source " + file.string() + "; COMP_WORDS=(" + typed +
             "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _vexil; echo \"${COMPREPLY[*]}\""});
    return result.out;
}

} // namespace

TEST_CASE("cli: bash completion offers the commands, a command's options and an option's choices", "[cli]") {
    CHECK(bash_completes("vexil ren") == "render\n");
    CHECK(bash_completes("vexil render --form") == "--format\n");
    CHECK(bash_completes("vexil render d.toml --format ''") == "svg png pdf\n");
    CHECK(bash_completes("vexil --diagnostics j") == "json\n");
    CHECK(bash_completes("vexil check --pr") == "--print\n");
}

TEST_CASE("cli: the zsh and fish completions and the manual page are well formed and name every command",
          "[cli]") {
    const std::vector<std::string> commands = {"render", "check",    "scene",  "crossings", "gallery",
                                               "schema", "variants", "random", "watch",     "sheet"};
    for (const char* shell : {"zsh", "fish"}) {
        const auto script = run_vexil({"completions", shell});
        REQUIRE(script.status == 0);
        for (const auto& command : commands)
            CHECK(script.out.find(command) != std::string::npos);
        if (vexil::test::run_tool({"sh", "-c", std::string("command -v ") + shell}).status != 0) {
            if (vexil::test::in_ci()) FAIL(shell << " is not installed (scripts/setup.sh installs it)");
            continue;
        }
        TempDir dir;
        const auto file = dir.write("completion", script.out);
        const auto checked = vexil::test::run_tool({shell, "-n", file.string()});
        INFO(shell << ": " << checked.err);
        CHECK(checked.status == 0);
    }
    const auto page = run_vexil({"man"});
    REQUIRE(page.status == 0);
    CHECK(page.out.rfind(".TH VEXIL 1", 0) == 0);
    for (const auto& command : commands)
        CHECK(page.out.find(".SS \"vexil " + command) != std::string::npos);
    CHECK(page.out.find(".SH \"EXIT STATUS\"") != std::string::npos);
    TempDir dir;
    const auto file = dir.write("vexil.1", page.out);
    // -ww: every warning; -z: no output. groff (groff-base) comes with man, which Debian always has.
    const auto lint = vexil::test::run_tool({"groff", "-man", "-Tutf8", "-ww", "-z", file.string()});
    CHECK(lint.status == 0);
    CHECK(lint.err.empty());
}
