// Path data with {expressions}: values substituted, errors at their columns.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

using namespace vexil;
using Catch::Detail::Approx;

namespace {

const char* kHead = "[flag]\nsize = [3, 2]\n[params]\nr = 0.5\n[[layer]]\nkind = \"path\"\ncolor = \"red\"\n";

Diagnostic first_error(const std::string& d_line) {
    try {
        build_scene(load_design_text(std::string(kHead) + d_line + "\n", "t.toml"));
    } catch (const InputError& error) {
        return error.diagnostics().front();
    }
    FAIL("expected an error for " << d_line);
    return {};
}

} // namespace

TEST_CASE("path data: {expressions} over params, W and H", "[load][path]") {
    const Scene scene = build_scene(load_design_text(
        std::string(kHead) + "d = \"M 0 0 H {W/2} V {H/2 + r} H {-sqrt(4)/2 + 1} Z\"\n", "t.toml"));
    const Box box = std::get<FillPath>(scene.groups.at(0).items.at(0)).path.bounds();
    CHECK(box.w == Approx(1.5));
    CHECK(box.h == Approx(1.5));
    // The flag outline takes them too.
    const Scene outlined = build_scene(load_design_text(
        "[flag]\nsize = [3, 2]\noutline = \"M 0 0 H {W} L {2*W/3} {H/2} L {W} {H} H 0 Z\"\n", "t.toml"));
    REQUIRE(outlined.outline);
    CHECK(outlined.outline->bounds().w == Approx(3));
}

TEST_CASE("path data: errors point into the string", "[load][path][errors]") {
    // d = "M 0 0 L {raduis} 0": the value's quote is at column 5, so 'raduis' starts at column 15.
    Diagnostic d = first_error("d = \"M 0 0 L {raduis} 0\"");
    CHECK(d.code == "unknown-name");
    CHECK(d.region.begin.line == 8);
    CHECK(d.region.begin.column == 15);
    CHECK(d.message.find("did you mean 'r'?") == std::string::npos); // too far from 'r' to suggest
    // A path error after a substituted value: X is at column 16 of the original text.
    d = first_error("d = \"M {r*2} 0 X 2\"");
    CHECK(d.code == "bad-path");
    CHECK(d.region.begin.column == 16);
    // An unclosed brace.
    d = first_error("d = \"M 0 0 L {r 0\"");
    CHECK(d.code == "bad-path");
    CHECK(d.region.begin.column == 14);
    CHECK(d.message.find("no '}' closes") != std::string::npos);
}
