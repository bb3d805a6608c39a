#include "model/colour.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using vexil::Colour;
using vexil::colour_to_hex;
using vexil::css_colour_names;
using vexil::parse_colour_literal;

namespace {

Colour rgba(int r, int g, int b, int a = 255) {
    return Colour{r / 255.0, g / 255.0, b / 255.0, a / 255.0};
}

} // namespace

TEST_CASE("colour: hex literals", "[spec][colour]") {
    CHECK(parse_colour_literal("#abc") == rgba(0xaa, 0xbb, 0xcc));
    CHECK(parse_colour_literal("#aabbcc") == rgba(0xaa, 0xbb, 0xcc));
    CHECK(parse_colour_literal("#AABBCC") == rgba(0xaa, 0xbb, 0xcc));
    CHECK(parse_colour_literal("#aAbBcC") == rgba(0xaa, 0xbb, 0xcc));
    CHECK(parse_colour_literal("#aabbcc80") == rgba(0xaa, 0xbb, 0xcc, 0x80));
    CHECK(parse_colour_literal("#000") == Colour{0, 0, 0, 1});
    CHECK(parse_colour_literal("#fff") == Colour{1, 1, 1, 1});
    CHECK(parse_colour_literal("#ffffff00") == Colour{1, 1, 1, 0});
    CHECK(parse_colour_literal("#0052B4") == rgba(0x00, 0x52, 0xb4));

    const auto c = parse_colour_literal("#aabbcc80");
    REQUIRE(c);
    CHECK(c->a == Approx(128.0 / 255));
}

TEST_CASE("colour: bad literals", "[spec][colour]") {
    for (const char* text : {"",
                             "#",
                             "#1",
                             "#12",
                             "#1234",
                             "#12345",
                             "#1234567",
                             "#123456789",
                             "#ggg",
                             "#12345g",
                             "123456",
                             "abc",
                             "# abc",
                             "#abc ",
                             " #abc",
                             "##abc",
                             "notacolour",
                             "re d",
                             "red ",
                             " red",
                             "reds",
                             "gray1",
                             "lightgoldenrodyellowx",
                             "currentcolor",
                             "none",
                             "#+12",
                             "#-12"}) {
        INFO("text: '" << text << "'");
        CHECK_FALSE(parse_colour_literal(text));
    }
    CHECK_FALSE(parse_colour_literal(std::string_view("red\0", 4)));
}

TEST_CASE("colour: CSS names, case-insensitive", "[spec][colour]") {
    CHECK(parse_colour_literal("red") == rgba(255, 0, 0));
    CHECK(parse_colour_literal("RED") == rgba(255, 0, 0));
    CHECK(parse_colour_literal("Red") == rgba(255, 0, 0));
    CHECK(parse_colour_literal("white") == rgba(255, 255, 255));
    CHECK(parse_colour_literal("black") == rgba(0, 0, 0));
    CHECK(parse_colour_literal("green") == rgba(0, 0x80, 0)); // CSS green, not X11 green
    CHECK(parse_colour_literal("lime") == rgba(0, 0xff, 0));
    CHECK(parse_colour_literal("navy") == rgba(0, 0, 0x80));
    CHECK(parse_colour_literal("gold") == rgba(0xff, 0xd7, 0));
    CHECK(parse_colour_literal("RebeccaPurple") == rgba(0x66, 0x33, 0x99));
    CHECK(parse_colour_literal("gray") == rgba(0x80, 0x80, 0x80));
    CHECK(parse_colour_literal("grey") == parse_colour_literal("gray"));
    CHECK(parse_colour_literal("darkslategrey") == parse_colour_literal("DarkSlateGray"));
    CHECK(parse_colour_literal("LIGHTGOLDENRODYELLOW") == rgba(0xfa, 0xfa, 0xd2));
    CHECK(parse_colour_literal("transparent") == Colour{0, 0, 0, 0});
    CHECK(parse_colour_literal("Transparent") == Colour{0, 0, 0, 0});
    CHECK(parse_colour_literal("aliceblue") == rgba(0xf0, 0xf8, 0xff));
    CHECK(parse_colour_literal("yellowgreen") == rgba(0x9a, 0xcd, 0x32));
}

TEST_CASE("colour: the name table", "[spec][colour]") {
    const auto& names = css_colour_names();
    // 148 CSS Color 4 named colours (the 147 of SVG 1.1, both grey spellings, plus rebeccapurple)
    // and "transparent".
    CHECK(names.size() == 149);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    CHECK(std::find(names.begin(), names.end(), "transparent") != names.end());
    CHECK(std::find(names.begin(), names.end(), "rebeccapurple") != names.end());
    CHECK(std::count_if(names.begin(), names.end(), [](std::string_view n) {
              return n.find("grey") != n.npos;
          }) == std::count_if(names.begin(), names.end(), [](std::string_view n) {
              return n.find("gray") != n.npos;
          }));
    for (const auto name : names) {
        INFO(std::string(name));
        CHECK(std::none_of(name.begin(), name.end(), [](char c) { return c < 'a' || c > 'z'; }));
        std::string upper(name);
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](char c) { return static_cast<char>(c - 32); });
        const auto lower = parse_colour_literal(name);
        REQUIRE(lower);
        CHECK(parse_colour_literal(upper) == lower);
        // Every name's value is a whole byte per channel, so it survives the hex round trip.
        const auto hex = colour_to_hex(*lower);
        CHECK(parse_colour_literal(hex) == lower);
    }
}

TEST_CASE("colour: colour_to_hex", "[spec][colour]") {
    CHECK(colour_to_hex(Colour{1, 0, 0, 1}) == "#ff0000");
    CHECK(colour_to_hex(Colour{0, 0, 0, 0}) == "#00000000");
    CHECK(colour_to_hex(rgba(0xaa, 0xbb, 0xcc, 0x80)) == "#aabbcc80");
    CHECK(colour_to_hex(Colour{0.5, 0.5, 0.5, 1}) == "#808080");    // 127.5 rounds up
    CHECK(colour_to_hex(Colour{0.999, 0, 0, 0.9999}) == "#ff0000"); // alpha rounds to opaque: omitted
    CHECK(colour_to_hex(Colour{-1, 2, 0, 1}) == "#00ff00");         // clamped
    for (const char* hex :
         {"#000000", "#ffffff", "#0052b4", "#d52b1e", "#aabbcc80", "#12345600", "#fedcba98"}) {
        const auto c = parse_colour_literal(hex);
        REQUIRE(c);
        CHECK(colour_to_hex(*c) == hex);
    }
    CHECK(colour_to_hex(*parse_colour_literal("#ABC")) == "#aabbcc");
    CHECK(colour_to_hex(*parse_colour_literal("RebeccaPurple")) == "#663399");
}
