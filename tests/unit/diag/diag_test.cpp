// Diagnostics: the compiler-style format, InputError's text, edit distance and did-you-mean.
#include "diag/diag.h"
#include "vexil/diagnostic.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace vexil;

namespace {

Diagnostic at(std::string file, std::uint32_t line, std::uint32_t column, std::string message) {
    return diag::error(SourceRegion{std::move(file), {line, column}, {line, column + 1}}, "test",
                       std::move(message));
}

} // namespace

TEST_CASE("format_diagnostic uses the FILE:LINE:COL: error: form", "[diag]") {
    CHECK(format_diagnostic(at("f.toml", 3, 7, "msg")) == "f.toml:3:7: error: msg");
    CHECK(format_diagnostic(at("dir/f.toml", 120, 1, "x")) == "dir/f.toml:120:1: error: x");
}

TEST_CASE("format_diagnostic leaves out an unknown position", "[diag]") {
    CHECK(format_diagnostic(at("f.toml", 0, 0, "msg")) == "f.toml: error: msg");
    CHECK(format_diagnostic(at("f.toml", 0, 9, "msg")) ==
          "f.toml: error: msg"); // a column alone means nothing
    CHECK(format_diagnostic(at("f.toml", 4, 0, "msg")) == "f.toml:4: error: msg");
    CHECK(format_diagnostic(at("", 0, 0, "msg")) == "vexil: error: msg");
}

TEST_CASE("format_diagnostic names the severity", "[diag]") {
    Diagnostic d = at("f.toml", 1, 2, "msg");
    d.severity = Severity::Warning;
    CHECK(format_diagnostic(d) == "f.toml:1:2: warning: msg");
    d.severity = Severity::Note;
    CHECK(format_diagnostic(d) == "f.toml:1:2: note: msg");
}

TEST_CASE("InputError carries every diagnostic and what() joins them one per line", "[diag]") {
    const InputError one({at("a.toml", 1, 1, "first")});
    CHECK(std::string(one.what()) == "a.toml:1:1: error: first");
    const InputError two({at("a.toml", 1, 1, "first"), at("a.toml", 2, 5, "second")});
    REQUIRE(two.diagnostics().size() == 2);
    CHECK(two.diagnostics()[1].message == "second");
    CHECK(std::string(two.what()) == "a.toml:1:1: error: first\na.toml:2:5: error: second");
}

TEST_CASE("diag::raise throws InputError with the diagnostic", "[diag]") {
    try {
        diag::raise(at("r.toml", 2, 3, "boom"));
        FAIL("raise returned");
    } catch (const InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        CHECK(error.diagnostics()[0].code == "test");
        CHECK(std::string(error.what()) == "r.toml:2:3: error: boom");
    }
}

TEST_CASE("edit_distance is Damerau-Levenshtein (optimal string alignment), case-insensitive", "[diag]") {
    CHECK(diag::edit_distance("", "") == 0);
    CHECK(diag::edit_distance("abc", "") == 3);
    CHECK(diag::edit_distance("", "abc") == 3);
    CHECK(diag::edit_distance("radius", "radius") == 0);
    CHECK(diag::edit_distance("raduis", "radius") == 1); // one transposition
    CHECK(diag::edit_distance("cirle", "circle") == 1);  // one insertion
    CHECK(diag::edit_distance("whit", "white") == 1);
    CHECK(diag::edit_distance("colour", "color") == 1); // one deletion
    CHECK(diag::edit_distance("kitten", "sitting") == 3);
    CHECK(diag::edit_distance("Radius", "RADIUS") == 0);
    CHECK(diag::edit_distance("ab", "ba") == 1);
    CHECK(diag::edit_distance("ca", "abc") == 3); // OSA, not unrestricted Damerau (which gives 2)
    CHECK(diag::edit_distance("abc", "xyz") == 3);
    // Symmetric.
    CHECK(diag::edit_distance("sitting", "kitten") == diag::edit_distance("kitten", "sitting"));
}

TEST_CASE("did_you_mean suggests only close candidates", "[diag]") {
    const std::vector<std::string_view> fields = {"kind",    "color",  "at",  "radius",
                                                  "opacity", "rotate", "clip"};
    CHECK(diag::did_you_mean("raduis", fields) == "radius");
    CHECK(diag::did_you_mean("colour", fields) == "color");
    CHECK(diag::did_you_mean("OPACITY", fields) == "opacity");
    CHECK(diag::did_you_mean("rotat", fields) == "rotate");
    // Unrelated words get nothing.
    CHECK(diag::did_you_mean("banana", fields) == "");
    CHECK(diag::did_you_mean("width", fields) == "");
    CHECK(diag::did_you_mean("zzzzzz", fields) == "");
    CHECK(diag::did_you_mean("", std::vector<std::string_view>{}) == "");
    CHECK(diag::did_you_mean("radius", std::vector<std::string_view>{}) == "");
}

TEST_CASE("did_you_mean's budget grows with the word: max(1, |word|/3)", "[diag]") {
    const std::vector<std::string> words = {"horizontal", "vertical", "ab"};
    CHECK(diag::did_you_mean("horizontl", words) == "horizontal"); // 1 edit
    CHECK(diag::did_you_mean("horzontl", words) == "horizontal");  // 2 edits, 8 letters: budget 2
    CHECK(diag::did_you_mean("hrzontl", words) == "");             // 3 edits, 7 letters: budget 2
    CHECK(diag::did_you_mean("verticle", words) == "vertical");    // 2 edits (le/al), budget 2
    CHECK(diag::did_you_mean("ax", words) == "ab");                // short words: budget 1
    CHECK(diag::did_you_mean("xy", words) == "");
}

TEST_CASE("did_you_mean does not offer a word that replaces every letter", "[diag]") {
    // 'r' → 'W' is one edit, but it shares nothing with what was written.
    CHECK(diag::did_you_mean("r", std::vector<std::string>{"W", "H"}) == "");
    CHECK(diag::did_you_mean("w", std::vector<std::string>{"W", "H"}) == "W");
    CHECK(diag::did_you_mean("r", std::vector<std::string>{"W", "r2"}) == "r2");
}

TEST_CASE("did_you_mean refuses very long words", "[diag]") {
    const std::string paragraph(200, 'a');
    CHECK(diag::did_you_mean(paragraph, std::vector<std::string>{paragraph}) == "");
}

TEST_CASE("suggestion_suffix", "[diag]") {
    CHECK(diag::suggestion_suffix("") == "");
    CHECK(diag::suggestion_suffix("radius") == " — did you mean 'radius'?");
}

TEST_CASE("factories set the stable codes and word the messages", "[diag]") {
    const SourceRegion r{"f.toml", {2, 3}, {2, 4}};
    const auto key = diag::unknown_key(r, "raduis", "layer 'flower'", {"radius", "at"});
    CHECK(key.code == "unknown-key");
    CHECK(key.message == "unknown key 'raduis' in layer 'flower' — did you mean 'radius'?");
    CHECK(key.region.begin.line == 2);
    CHECK(key.region.begin.column == 3);

    const auto kind = diag::unknown_kind(r, "cirle", {"circle", "star"});
    CHECK(kind.code == "unknown-kind");
    CHECK(kind.message == "unknown layer kind 'cirle' — did you mean 'circle'?");
    CHECK(diag::unknown_kind(r, "spaceship", {"circle", "star"}).message == "unknown layer kind 'spaceship'");

    const auto missing = diag::missing_key(r, "radius", "layer 2 (circle)");
    CHECK(missing.code == "missing-key");
    CHECK(missing.message == "layer 2 (circle) needs 'radius', which is missing");

    const auto type = diag::wrong_type(r, "radius", "a number", "true");
    CHECK(type.code == "wrong-type");
    CHECK(type.message == "radius: expected a number but found true");

    const auto range = diag::out_of_range(r, "opacity", 1.5, "from 0 to 1");
    CHECK(range.code == "out-of-range");
    CHECK(range.message == "opacity: 1.5 is out of range (from 0 to 1)");
    // Large whole numbers are written out, not in exponent form.
    CHECK(diag::out_of_range(r, "sides", 1e6, "from 3 to 1000").message ==
          "sides: 1000000 is out of range (from 3 to 1000)");

    const auto colour = diag::bad_colour(r, "whit", "white");
    CHECK(colour.code == "bad-colour");
    CHECK(colour.message.rfind("'whit' is not a colour", 0) == 0);
    CHECK_THAT(colour.message, Catch::EndsWith(" — did you mean 'white'?"));
    CHECK_THAT(diag::bad_colour(r, "#12", "").message, !Catch::Contains("did you mean"));

    const auto choice = diag::bad_choice(r, "direction", "verticle", {"horizontal", "vertical"});
    CHECK(choice.code == "bad-choice");
    CHECK(choice.message == "direction: expected one of 'horizontal', 'vertical' but found 'verticle' — did "
                            "you mean 'vertical'?");

    const auto limit = diag::too_many(r, "the number of layers", 10000);
    CHECK(limit.code == "limit");
    CHECK(limit.message == "the number of layers exceeds vexil's limit of 10000");

    const auto usage = diag::bad_usage("vexil render", "give --width or --height");
    CHECK(usage.code == "usage");
    CHECK(format_diagnostic(usage) == "vexil render: error: give --width or --height");
}
