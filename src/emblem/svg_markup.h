#pragma once
// The lexical layer under svg_text.h: SVG markup read as a stream of tokens (start tags with their
// attributes, end tags, <style> text, DOCTYPEs, processing instructions), plus the character-level
// helpers the checks and the recolouring share. It exists so that the checks on an emblem's
// references (svg_references.cpp) and its recolouring (svg_recolour.cpp) read the document the same
// way, without either carrying the scanner. Not an XML parser: librsvg parses the document itself.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vexil::emblem::svg::markup {

/// The value of a hexadecimal digit, or -1.
inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// ASCII lower case (markup and CSS keywords are ASCII).
inline char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// XML white space (and form feed, which CSS also allows).
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// `text` without the white space around it.
std::string_view trim(std::string_view text);
bool starts_with_nocase(std::string_view text, std::string_view prefix);
bool equals_nocase(std::string_view a, std::string_view b);
/// `text` in lower case, byte for byte (CSS function names and at-rules are case-insensitive).
std::string lowered(std::string_view text);

struct Attribute {
    std::string_view name;
    std::size_t begin = 0, end = 0; ///< the value, without its quotes
};

struct Token {
    enum Kind { StartTag, EndTag, StyleText, Doctype, Instruction } kind = StartTag;
    std::string_view name;             ///< the element's qualified name (tags)
    std::vector<Attribute> attributes; ///< start tags
    bool self_closing = false;         ///< start tags: <x/>
    std::size_t begin = 0, end = 0;    ///< start tags: just after the name; others: their text
};

/// The markup of `text`: the start tags with their attributes, the end tags, the text of <style>
/// elements, the DOCTYPE and processing instructions, in document order. Comments and other text
/// are skipped. Positions are byte offsets into `text`, which the tokens' views point into.
std::vector<Token> scan(std::string_view text);

/// The local part of a qualified name: "xlink:href" → "href".
std::string_view local_name(std::string_view name);

/// The five XML entities and character references decoded (others kept as written), so that
/// `href="&#35;a"` is seen as "#a" and `href="&#47;etc"` as "/etc".
std::string decode(std::string_view text);

/// The targets of every url(…) (or URL(…)) in `text`, unquoted.
std::vector<std::string_view> urls_in(std::string_view text);
/// `text` with CSS escapes undone as a CSS parser undoes them (CSS Syntax 3, §4.3.7): `\75 rl(`
/// is `url(`, `\@` is `@`, an escaped newline vanishes. librsvg reads style sheets, style
/// attributes and presentation attributes with such a parser, so a check for url(…) or @import
/// must look at what it will see, not at the escaped text.
std::string css_unescaped(std::string_view text);

} // namespace vexil::emblem::svg::markup
