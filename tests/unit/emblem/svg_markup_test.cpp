// emblem/svg_markup.h: the token stream the reference checks and the recolouring both read.

#include "emblem/svg_markup.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace vexil::emblem::svg::markup;

namespace {

std::string_view text_of(std::string_view svg, std::size_t begin, std::size_t end) {
    return svg.substr(begin, end - begin);
}

} // namespace

TEST_CASE("svg markup: tags, attributes, style text and declarations in document order", "[emblem][svg]") {
    const std::string_view svg =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"]>\">]>"
        "<svg:svg xmlns:svg='x'><!-- <rect fill=\"red\"/> -->"
        "<style><![CDATA[rect{fill:red}]]></style><rect fill = \"#000\" id='r'/></svg:svg>";
    const std::vector<Token> tokens = scan(svg);
    std::vector<Token::Kind> kinds;
    for (const Token& token : tokens)
        kinds.push_back(token.kind);
    CHECK(kinds == std::vector<Token::Kind>{Token::Instruction, Token::Doctype, Token::StartTag,
                                            Token::StartTag, Token::StyleText, Token::EndTag, Token::StartTag,
                                            Token::EndTag});
    // The DOCTYPE ends at its own '>', past the quoted "]>" inside its internal subset.
    CHECK(text_of(svg, tokens[1].begin, tokens[1].end).substr(0, 9) == "<!DOCTYPE");
    CHECK(text_of(svg, tokens[1].begin, tokens[1].end).back() == ']');
    CHECK(tokens[2].name == "svg:svg");
    CHECK(local_name(tokens[2].name) == "svg");
    CHECK(text_of(svg, tokens[4].begin, tokens[4].end) == "rect{fill:red}");
    const Token& rect = tokens[6];
    CHECK(rect.self_closing);
    REQUIRE(rect.attributes.size() == 2);
    CHECK(rect.attributes[0].name == "fill");
    CHECK(text_of(svg, rect.attributes[0].begin, rect.attributes[0].end) == "#000");
    CHECK(text_of(svg, rect.attributes[1].begin, rect.attributes[1].end) == "r");
}

TEST_CASE("svg markup: entities, url(…) and text helpers", "[emblem][svg]") {
    CHECK(decode("&#35;a &amp; &lt;&#x2F;&gt; &unknown; &#99999999;") == "#a & </> &unknown; &#99999999;");
    CHECK(urls_in("fill: URL( '#a' ) ; mask:url(b.svg)") == std::vector<std::string_view>{"#a", "b.svg"});
    CHECK(css_unescaped("\\75 rl(a) u\\rl \\000075rl \\0 \\\nx \\") == "url(a) url url \xef\xbf\xbdx \\");
    CHECK(trim(" \t x y \n") == "x y");
    CHECK(starts_with_nocase("Data:image/png", "data:"));
    CHECK(equals_nocase("FILL", "fill"));
    CHECK_FALSE(equals_nocase("fills", "fill"));
    CHECK(lowered("@IMPORT") == "@import");
    CHECK(hex_value('F') == 15);
    CHECK(hex_value('g') == -1);
}
