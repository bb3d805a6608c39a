// extends: a design built on another, merged before it is read, every value keeping its own file.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

using namespace vexil;
using vexil::test::TempDir;

namespace {

const char* kParent = R"([flag]
title = "Parent"
size  = [3, 2]

[colors]
field = "#0000ff"
mark  = "white"

[params]
r = 0.5

[[layer]]
id    = "ground"
kind  = "field"
color = "field"

[[layer]]
id     = "disc"
kind   = "circle"
radius = "r"
color  = "mark"

[[layer]]
id    = "bar"
kind  = "rect"
size  = [3, 0.1]
color = "mark"
)";

std::vector<std::string> ids(const Design& d) {
    std::vector<std::string> out;
    for (const auto& layer : d.layers)
        out.push_back(layer.id.empty() ? std::string(layer.kind_name()) : layer.id);
    return out;
}

InputError load_error(const std::filesystem::path& file) {
    try {
        load_design(file);
    } catch (const InputError& error) {
        return error;
    }
    FAIL("expected an error");
    throw;
}

} // namespace

TEST_CASE("extends: palette, params and [flag] merge by name", "[load][extends]") {
    TempDir dir;
    dir.write("parent.toml", kParent);
    const auto child =
        dir.write("child.toml", "extends = \"parent.toml\"\n[flag]\ntitle = \"Child\"\n[colors]\n"
                                "field = \"red\"\n[params]\nr = 0.25\n");
    const Design d = load_design(child);
    CHECK(d.flag.title == "Child");
    CHECK(d.flag.width == 3); // kept from the parent
    CHECK(d.palette.at("field") == Colour{1, 0, 0, 1});
    CHECK(d.palette.at("mark") == Colour{1, 1, 1, 1});
    CHECK(d.layers.at(1).get(fields::radius) == 0.25); // the parent's expression, the child's param
    CHECK(ids(d) == std::vector<std::string>{"ground", "disc", "bar"});
}

TEST_CASE("extends: layers merge by id, are added on top or after an id, and can be removed",
          "[load][extends]") {
    TempDir dir;
    dir.write("parent.toml", kParent);
    const auto child = dir.write("child.toml", R"(extends = "parent.toml"
remove  = ["bar"]

[[layer]]
id     = "disc"
radius = 0.75

[[layer]]
id     = "star"
kind   = "star"
radius = 0.2
color  = "mark"
after  = "ground"

[[layer]]
kind   = "border"
width  = 0.1
color  = "mark"
)");
    const Design d = load_design(child);
    CHECK(ids(d) == std::vector<std::string>{"ground", "star", "disc", "border"});
    CHECK(d.layers[2].kind_name() == "circle");
    CHECK(d.layers[2].get(fields::radius) == 0.75);
    CHECK(d.layers[2].get(fields::color) == Colour{1, 1, 1, 1});
    // The merged field keeps the child's position, the rest the parent's.
    CHECK(d.layers[2].where(fields::radius).file == child.string());
    CHECK(d.layers[2].where(fields::color).file.find("parent.toml") != std::string::npos);
}

TEST_CASE("extends: a layer of another kind with the same id replaces the parent's", "[load][extends]") {
    TempDir dir;
    dir.write("parent.toml", kParent);
    const auto child =
        dir.write("child.toml", "extends = \"parent.toml\"\n[[layer]]\nid = \"disc\"\nkind = \"rect\"\n"
                                "size = [1, 1]\ncolor = \"mark\"\n");
    const Design d = load_design(child);
    CHECK(d.layers[1].kind_name() == "rect");
    CHECK_FALSE(d.layers[1].has(fields::radius));
}

TEST_CASE("extends: errors point into the file that has them", "[load][extends][errors]") {
    TempDir dir;
    dir.write("parent.toml", kParent);
    SECTION("a parent's error") {
        dir.write("broken.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"feild\"\n");
        const auto error = load_error(dir.write("child.toml", "extends = \"broken.toml\"\n"));
        const auto& d = error.diagnostics().front();
        CHECK(d.region.file.find("broken.toml") != std::string::npos);
        CHECK(d.region.begin.line == 4);
        CHECK(d.code == "unknown-kind");
    }
    SECTION("a missing parent") {
        const auto error = load_error(dir.write("child.toml", "\nextends = \"nope.toml\"\n"));
        const auto& d = error.diagnostics().front();
        CHECK(d.code == "extends-missing");
        CHECK(d.region.begin.line == 2);
        CHECK(d.region.begin.column == 11);
    }
    SECTION("a cycle") {
        dir.write("a.toml", "extends = \"b.toml\"\n");
        const auto error = load_error(dir.write("b.toml", "extends = \"a.toml\"\n"));
        CHECK(error.diagnostics().front().code == "extends-cycle");
        CHECK(error.diagnostics().front().message.find("b.toml → a.toml → b.toml") != std::string::npos);
    }
    SECTION("removing or placing after an id the parent lacks") {
        const auto error = load_error(
            dir.write("child.toml", "extends = \"parent.toml\"\nremove = [\"disk\"]\n"
                                    "[[layer]]\nkind = \"field\"\ncolor = \"red\"\nafter = \"grund\"\n"));
        REQUIRE(error.diagnostics().size() == 2);
        CHECK(error.diagnostics()[0].region.begin.line == 2);
        CHECK(error.diagnostics()[0].message.find("did you mean 'disc'?") != std::string::npos);
        CHECK(error.diagnostics()[1].region.begin.line == 6);
        CHECK(error.diagnostics()[1].message.find("did you mean 'ground'?") != std::string::npos);
    }
    SECTION("remove without extends") {
        const auto error = load_error(dir.write("lone.toml", "remove = [\"x\"]\n[flag]\nsize = [3, 2]\n"));
        CHECK(error.diagnostics().front().code == "remove-without-extends");
    }
}

TEST_CASE("extends: the shipped socialist Earth builds on the Earth flag", "[load][extends]") {
    const auto path = test::source_dir() / "designs/earth-socialist.toml";
    if (!std::filesystem::exists(path)) return; // added with the charges
    const Design d = load_design(path);
    CHECK(d.layers.at(1).kind_name() == "rings");
}
