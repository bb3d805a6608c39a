// See svg_text.h. Positions are byte offsets into the document's text.
#include "emblem/svg_text.h"

#include "model/colour.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>

namespace vexil::emblem::svg {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(text[i]) != lower(prefix[i])) return false;
    return true;
}

bool equals_nocase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_nocase(a, b);
}

Colour from_bytes(int r, int g, int b, int a) {
    return Colour{r / 255.0, g / 255.0, b / 255.0, a / 255.0};
}

int to_byte(double c) {
    if (!(c > 0)) return 0; // also NaN
    if (c >= 1) return 255;
    return static_cast<int>(std::lround(c * 255.0));
}

bool same_colour(const Colour& x, const Colour& y) {
    return to_byte(x.r) == to_byte(y.r) && to_byte(x.g) == to_byte(y.g) && to_byte(x.b) == to_byte(y.b) &&
           to_byte(x.a) == to_byte(y.a);
}

/// "#rrggbb" when opaque, else "rgba(r,g,b,a)" (librsvg reads CSS colours in attributes too).
std::string colour_text(const Colour& colour) {
    char buffer[48];
    const int r = to_byte(colour.r), g = to_byte(colour.g), b = to_byte(colour.b), a = to_byte(colour.a);
    if (a == 255)
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r, g, b);
    else
        std::snprintf(buffer, sizeof buffer, "rgba(%d,%d,%d,%.4g)", r, g, b, a / 255.0);
    return buffer;
}

// ---------------------------------------------------------------------------------------------
// Markup: the start tags with their attributes, the text of <style> elements, the DOCTYPE and
// processing instructions, in document order. Comments and other text are skipped.

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

std::string_view local_name(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool name_char(char c) {
    return !is_space(c) && c != '/' && c != '>' && c != '=' && c != '<';
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        bool in_style = false;
        std::size_t i = 0;
        while (i < text_.size()) {
            const std::size_t lt = text_.find('<', i);
            const std::size_t stop = lt == std::string_view::npos ? text_.size() : lt;
            if (in_style && stop > i) out.push_back(span(Token::StyleText, i, stop));
            if (lt == std::string_view::npos) break;
            const std::string_view rest = text_.substr(lt);
            if (rest.substr(0, 4) == "<!--") {
                i = after(lt + 4, "-->");
            } else if (rest.substr(0, 9) == "<![CDATA[") {
                const std::size_t end = std::min(text_.find("]]>", lt + 9), text_.size());
                if (in_style) out.push_back(span(Token::StyleText, lt + 9, end));
                i = after(lt + 9, "]]>");
            } else if (rest.substr(0, 2) == "<!") {
                const std::size_t end = declaration_end(lt + 2);
                out.push_back(span(Token::Doctype, lt, end));
                i = std::min(end + 1, text_.size());
            } else if (rest.substr(0, 2) == "<?") {
                const std::size_t end = std::min(text_.find("?>", lt + 2), text_.size());
                out.push_back(span(Token::Instruction, lt + 2, end));
                i = after(lt + 2, "?>");
            } else if (rest.substr(0, 2) == "</") {
                std::size_t j = lt + 2;
                while (j < text_.size() && name_char(text_[j]))
                    ++j;
                Token token = span(Token::EndTag, lt, j);
                token.name = text_.substr(lt + 2, j - lt - 2);
                if (local_name(token.name) == "style") in_style = false;
                out.push_back(std::move(token));
                i = after(j, ">");
            } else {
                Token token = start_tag(lt, i);
                if (!token.self_closing && local_name(token.name) == "style") in_style = true;
                out.push_back(std::move(token));
            }
        }
        return out;
    }

  private:
    Token span(Token::Kind kind, std::size_t begin, std::size_t end) const {
        Token token;
        token.kind = kind;
        token.begin = begin;
        token.end = end;
        return token;
    }

    std::size_t after(std::size_t from, std::string_view closing) const {
        const std::size_t at = text_.find(closing, from);
        return at == std::string_view::npos ? text_.size() : at + closing.size();
    }

    /// The '>' that ends a <!…> declaration, past quoted strings and an internal subset [ … ].
    std::size_t declaration_end(std::size_t from) const {
        int depth = 0;
        char quote = 0;
        for (std::size_t j = from; j < text_.size(); ++j) {
            const char c = text_[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                ++depth;
            } else if (c == ']') {
                depth = std::max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return j;
            }
        }
        return text_.size();
    }

    /// A start tag at `lt`; sets `next` past it. A malformed tag ends at its next '>'.
    Token start_tag(std::size_t lt, std::size_t& next) const {
        Token token;
        std::size_t j = lt + 1;
        while (j < text_.size() && name_char(text_[j]))
            ++j;
        token.name = text_.substr(lt + 1, j - lt - 1);
        token.begin = token.end = j;
        while (j < text_.size()) {
            while (j < text_.size() && is_space(text_[j]))
                ++j;
            if (j >= text_.size()) break;
            if (text_[j] == '>') {
                ++j;
                break;
            }
            if (text_[j] == '/' && j + 1 < text_.size() && text_[j + 1] == '>') {
                token.self_closing = true;
                j += 2;
                break;
            }
            const std::size_t name_begin = j;
            while (j < text_.size() && name_char(text_[j]))
                ++j;
            const std::string_view name = text_.substr(name_begin, j - name_begin);
            while (j < text_.size() && is_space(text_[j]))
                ++j;
            if (name.empty() || j >= text_.size() || text_[j] != '=') {
                j = after(j, ">"); // not XML: librsvg will say so
                break;
            }
            ++j;
            while (j < text_.size() && is_space(text_[j]))
                ++j;
            if (j >= text_.size() || (text_[j] != '"' && text_[j] != '\'')) {
                j = after(j, ">");
                break;
            }
            const char quote = text_[j];
            const std::size_t value_end = std::min(text_.find(quote, j + 1), text_.size());
            token.attributes.push_back({name, j + 1, value_end});
            j = value_end + 1;
        }
        next = std::min(j, text_.size());
        return token;
    }

    std::string_view text_;
};

/// The five XML entities and character references decoded (others kept as written), so that
/// `href="&#35;a"` is seen as "#a" and `href="&#47;etc"` as "/etc".
std::string decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += text[i];
            continue;
        }
        const std::string_view entity = text.substr(i + 1, semi - i - 1);
        static const std::pair<std::string_view, char> kNamed[] = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        char decoded = 0;
        for (const auto& [name, c] : kNamed)
            if (entity == name) decoded = c;
        if (!decoded && entity.size() > 1 && entity[0] == '#') {
            long code = 0;
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            bool ok = entity.size() > (hex ? 2u : 1u);
            for (std::size_t k = hex ? 2 : 1; ok && k < entity.size(); ++k) {
                const int digit = hex ? hex_value(entity[k])
                                      : (entity[k] >= '0' && entity[k] <= '9' ? entity[k] - '0' : -1);
                ok = digit >= 0 && code < 0x110000;
                code = code * (hex ? 16 : 10) + digit;
            }
            if (ok) decoded = (code > 0 && code < 128) ? static_cast<char>(code) : '?';
        }
        if (!decoded) {
            out += text[i];
            continue;
        }
        out += decoded;
        i = semi;
    }
    return out;
}

/// Whether a URL stays inside the document: a fragment, a data: URL, or nothing.
bool internal_url(std::string_view url) {
    url = trim(url);
    return url.empty() || url.front() == '#' || starts_with_nocase(url, "data:");
}

/// `text` in lower case, byte for byte (CSS function names and at-rules are case-insensitive).
std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = lower(c);
    return out;
}

/// The targets of every url(…) (or URL(…)) in `text`, unquoted.
std::vector<std::string_view> urls_in(std::string_view text) {
    std::vector<std::string_view> urls;
    const std::string lower_text = lowered(text);
    for (std::size_t at = 0; (at = lower_text.find("url(", at)) != std::string::npos;) {
        std::size_t j = at + 4;
        while (j < text.size() && is_space(text[j]))
            ++j;
        const char quote = j < text.size() && (text[j] == '"' || text[j] == '\'') ? text[j] : 0;
        if (quote) ++j;
        std::size_t end = j;
        while (end < text.size() && (quote ? text[end] != quote : text[end] != ')'))
            ++end;
        urls.push_back(text.substr(j, end - j));
        at = end;
    }
    return urls;
}

/// The quoted value after `href` = in free text (an instruction, a DOCTYPE), or nullopt.
std::vector<std::string_view> pseudo_hrefs(std::string_view text) {
    std::vector<std::string_view> values;
    for (std::size_t at = 0; (at = text.find("href", at)) != std::string_view::npos;) {
        std::size_t j = at + 4;
        while (j < text.size() && is_space(text[j]))
            ++j;
        at = j;
        if (j >= text.size() || text[j] != '=') continue;
        ++j;
        while (j < text.size() && is_space(text[j]))
            ++j;
        if (j >= text.size() || (text[j] != '"' && text[j] != '\'')) continue;
        const std::size_t end = std::min(text.find(text[j], j + 1), text.size());
        values.push_back(text.substr(j + 1, end - j - 1));
        at = end;
    }
    return values;
}

/// An external entity declaration (<!ENTITY x SYSTEM "…">) in a DOCTYPE, quoted, or "".
std::string external_entity(std::string_view doctype) {
    for (std::size_t at = 0; (at = doctype.find("<!ENTITY", at)) != std::string_view::npos;) {
        char quote = 0;
        std::size_t j = at + 8;
        std::string outside; // the declaration without its quoted strings
        for (; j < doctype.size(); ++j) {
            const char c = doctype[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            } else {
                outside += c;
            }
        }
        if (outside.find("SYSTEM") != std::string::npos || outside.find("PUBLIC") != std::string::npos)
            return std::string(doctype.substr(at, std::min(j + 1, doctype.size()) - at));
        at = j;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Recolouring

bool colour_property(std::string_view name) {
    for (std::string_view property :
         {"fill", "stroke", "stop-color", "color", "flood-color", "lighting-color"})
        if (equals_nocase(name, property)) return true;
    return false;
}

struct Edit {
    std::size_t begin = 0, end = 0; ///< replaced range (empty for an insertion)
    std::string text;
};

class Recolourer {
  public:
    Recolourer(std::string_view svg, const std::vector<Recolour>& table) : svg_(svg), table_(table) {}

    /// The replacement for the colour written in [begin, end), trimmed of spaces, if it is in the table.
    void value(std::size_t begin, std::size_t end) {
        while (begin < end && is_space(svg_[begin]))
            ++begin;
        while (end > begin && is_space(svg_[end - 1]))
            --end;
        const auto colour = parse_colour(svg_.substr(begin, end - begin));
        if (!colour) return;
        for (const Recolour& entry : table_)
            if (same_colour(*colour, entry.from)) {
                edits_.push_back({begin, end, colour_text(entry.to)});
                return;
            }
    }

    /// A CSS declaration list (`fill: #000; stroke: red !important`) in [begin, end). Returns
    /// whether it declares `fill`.
    bool declarations(std::size_t begin, std::size_t end) {
        bool fill = false;
        while (begin < end) {
            std::size_t stop = begin;
            while (stop < end && svg_[stop] != ';')
                ++stop;
            const std::string_view declaration = svg_.substr(begin, stop - begin);
            if (const auto colon = declaration.find(':'); colon != std::string_view::npos) {
                const std::string_view property = trim(declaration.substr(0, colon));
                fill = fill || equals_nocase(property, "fill");
                if (colour_property(property)) {
                    std::size_t value_end = stop;
                    if (const auto bang = declaration.rfind('!');
                        bang != std::string_view::npos && bang > colon &&
                        equals_nocase(trim(declaration.substr(bang + 1)), "important"))
                        value_end = begin + bang;
                    value(begin + colon + 1, value_end);
                }
            }
            begin = stop + 1;
        }
        return fill;
    }

    /// A style sheet: the declaration lists inside { … } blocks (selectors and @-rules skipped).
    void sheet(std::size_t begin, std::size_t end) {
        bool inside = false;
        std::size_t from = begin;
        for (std::size_t j = begin; j <= end; ++j) {
            if (j < end && svg_[j] != '{' && svg_[j] != '}') continue;
            if (inside) declarations(from, j);
            inside = j < end && svg_[j] == '{';
            from = j + 1;
        }
    }

    void insert(std::size_t at, std::string text) { edits_.push_back({at, at, std::move(text)}); }

    std::string result() {
        std::sort(edits_.begin(), edits_.end(),
                  [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
        std::string out;
        out.reserve(svg_.size() + 16 * edits_.size());
        std::size_t at = 0;
        for (const Edit& edit : edits_) {
            if (edit.begin < at) continue; // overlapping (cannot happen): keep the first
            out.append(svg_.substr(at, edit.begin - at));
            out += edit.text;
            at = edit.end;
        }
        out.append(svg_.substr(at));
        return out;
    }

  private:
    std::string_view svg_;
    const std::vector<Recolour>& table_;
    std::vector<Edit> edits_;
};

} // namespace

std::optional<Colour> parse_colour(std::string_view text) {
    text = trim(text);
    // SVG (CSS Color 4) also has #rgba, which design files do not; the rest is the loader's parser.
    if (text.size() == 5 && text.front() == '#') {
        std::array<int, 4> v{};
        for (std::size_t i = 0; i < 4; ++i)
            if ((v[i] = hex_value(text[i + 1])) < 0) return std::nullopt;
        return from_bytes(v[0] * 17, v[1] * 17, v[2] * 17, v[3] * 17);
    }
    return parse_colour_literal(text);
}

namespace {

/// A URL the document refers to, decoded, and how to quote it in a message.
struct Reference {
    std::string url;
    std::string quoted; ///< "x.png", "url(x.png)"
};

/// Every reference of the document: href values (but those of <a>, hyperlinks that load nothing),
/// url(…) in attributes and style sheets, and href pseudo-attributes of instructions and DOCTYPEs.
/// `special` is set to "@import" or an external entity declaration when there is one.
std::vector<Reference> references_of(std::string_view svg, std::string& special) {
    std::vector<Reference> out;
    const auto add_urls = [&](const std::string& text) {
        for (std::string_view url : urls_in(text))
            out.push_back({std::string(trim(url)), "url(" + std::string(url) + ")"});
    };
    const auto add_href = [&](std::string_view value) {
        std::string decoded(trim(decode(value)));
        out.push_back({decoded, decoded});
    };
    for (const Token& token : Scanner(svg).tokens()) {
        const std::string_view text = svg.substr(token.begin, token.end - token.begin);
        switch (token.kind) {
        case Token::StartTag:
            for (const Attribute& attribute : token.attributes) {
                const std::string_view value = svg.substr(attribute.begin, attribute.end - attribute.begin);
                if (local_name(attribute.name) == "href" && local_name(token.name) != "a") add_href(value);
                add_urls(decode(value));
            }
            break;
        case Token::StyleText: {
            const std::string decoded = decode(text);
            if (lowered(decoded).find("@import") != std::string::npos && special.empty()) special = "@import";
            add_urls(decoded);
            break;
        }
        case Token::Doctype:
        case Token::Instruction:
            if (token.kind == Token::Doctype && special.empty()) special = external_entity(text);
            for (std::string_view href : pseudo_hrefs(text))
                add_href(href);
            add_urls(std::string(text));
            break;
        case Token::EndTag:
            break;
        }
    }
    return out;
}

/// The first `limit` bytes of a data: URL's payload (base64 or percent-encoded), and its media type.
std::string data_payload(std::string_view url, std::size_t limit, std::string& media_type) {
    url.remove_prefix(5); // "data:"
    const std::size_t comma = url.find(',');
    const std::string_view header = url.substr(0, comma == std::string_view::npos ? url.size() : comma);
    const std::string_view body =
        comma == std::string_view::npos ? std::string_view() : url.substr(comma + 1);
    media_type.clear();
    for (char c : header.substr(0, header.find(';')))
        media_type += lower(c);
    const bool base64 = header.size() >= 7 && equals_nocase(header.substr(header.size() - 7), ";base64");
    std::string bytes;
    if (base64) {
        const auto sextet = [](char c) -> int {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '+' || c == '-') return 62;
            if (c == '/' || c == '_') return 63;
            return -1;
        };
        std::uint32_t buffer = 0;
        int bits = 0;
        for (char c : body) {
            const int v = sextet(c);
            if (v < 0) continue; // whitespace, padding
            buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes += static_cast<char>((buffer >> bits) & 0xff);
                if (bytes.size() >= limit) break;
            }
        }
    } else {
        for (std::size_t i = 0; i < body.size() && bytes.size() < limit; ++i) {
            if (body[i] == '%' && i + 2 < body.size() && hex_value(body[i + 1]) >= 0 &&
                hex_value(body[i + 2]) >= 0) {
                bytes += static_cast<char>(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2]));
                i += 2;
            } else {
                bytes += body[i];
            }
        }
    }
    return bytes;
}

/// Width and height of a PNG or JPEG from its first bytes, or nullopt.
std::optional<std::pair<std::uint32_t, std::uint32_t>> raster_size(std::string_view bytes) {
    const auto byte = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]));
    };
    if (bytes.size() >= 24 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) &&
        bytes.substr(12, 4) == "IHDR")
        return std::pair{byte(16) << 24 | byte(17) << 16 | byte(18) << 8 | byte(19),
                         byte(20) << 24 | byte(21) << 16 | byte(22) << 8 | byte(23)};
    if (bytes.size() >= 4 && byte(0) == 0xff && byte(1) == 0xd8) {
        // JPEG: walk the segments to the first start-of-frame (SOF0…SOF15 but DHT, JPG and DAC).
        for (std::size_t i = 2; i + 9 < bytes.size();) {
            if (byte(i) != 0xff) return std::nullopt;
            const std::uint32_t marker = byte(i + 1);
            if (marker == 0xff) {
                ++i;
                continue;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
                return std::pair{byte(i + 7) << 8 | byte(i + 8), byte(i + 5) << 8 | byte(i + 6)};
            i += 2 + (byte(i + 2) << 8 | byte(i + 3));
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> external_reference(std::string_view svg) {
    std::string special;
    const auto references = references_of(svg, special);
    if (!special.empty()) return special;
    for (const Reference& reference : references)
        if (!internal_url(reference.url)) return reference.quoted;
    return std::nullopt;
}

std::optional<std::string> embedding_problem(std::string_view svg) {
    std::string special;
    for (const Reference& reference : references_of(svg, special)) {
        if (!starts_with_nocase(reference.url, "data:")) continue;
        std::string media_type;
        const std::string bytes = data_payload(reference.url, 64 * 1024, media_type);
        const std::string shown = "data:" + media_type;
        const auto size = raster_size(bytes);
        if (!size) {
            const bool png = bytes.substr(0, 4) == "\x89PNG", jpeg = bytes.substr(0, 2) == "\xff\xd8";
            if (png || jpeg) return "embeds an image whose size cannot be read (" + shown + "…)";
            if (media_type == "image/svg+xml" || trim(bytes).substr(0, 1) == "<")
                return "embeds another SVG document (" + shown + "…): put its elements in the emblem itself";
            return "embeds data that is not a PNG or JPEG image (" + shown + "…)";
        }
        if (size->first == 0 || size->second == 0 || size->first > kMaxEmbeddedSide ||
            size->second > kMaxEmbeddedSide)
            return "embeds a " + std::to_string(size->first) + " × " + std::to_string(size->second) +
                   " pixel image; embedded images are at most " + std::to_string(kMaxEmbeddedSide) +
                   " pixels a side";
    }
    return std::nullopt;
}

std::size_t instance_count(std::string_view svg, std::size_t cap) {
    // The element tree, with each element's references to others by id.
    std::vector<std::vector<std::size_t>> children;
    std::vector<std::vector<std::string>> references;
    std::vector<std::size_t> roots;
    std::map<std::string, std::size_t, std::less<>> ids;
    std::vector<std::size_t> open;
    for (const Token& token : Scanner(svg).tokens()) {
        if (token.kind == Token::EndTag) {
            if (!open.empty()) open.pop_back();
            continue;
        }
        if (token.kind != Token::StartTag) continue;
        const std::size_t node = children.size();
        children.emplace_back();
        references.emplace_back();
        (open.empty() ? roots : children[open.back()]).push_back(node);
        for (const Attribute& attribute : token.attributes) {
            const std::string value = decode(svg.substr(attribute.begin, attribute.end - attribute.begin));
            const std::string_view name = local_name(attribute.name);
            if (name == "id") ids.emplace(std::string(trim(value)), node);
            if (name == "href" && !trim(value).empty() && trim(value).front() == '#')
                references[node].emplace_back(trim(value).substr(1));
            for (std::string_view url : urls_in(value))
                if (!trim(url).empty() && trim(url).front() == '#')
                    references[node].emplace_back(trim(url).substr(1));
        }
        if (!token.self_closing) open.push_back(node);
    }
    std::vector<std::vector<std::size_t>> edges = std::move(children);
    for (std::size_t node = 0; node < edges.size(); ++node)
        for (const std::string& id : references[node])
            if (auto it = ids.find(id); it != ids.end()) edges[node].push_back(it->second);

    // weight(n) = 1 + Σ weight(edge targets), saturating at cap + 1; iterative, memoised, and an
    // edge back into the current path (a cycle) weighs nothing.
    const std::size_t limit = cap + 1;
    const auto add = [limit](std::size_t a, std::size_t b) { return std::min(limit, a + b); };
    enum : std::uint8_t { kUnseen, kOnPath, kDone };
    std::vector<std::uint8_t> state(edges.size(), kUnseen);
    std::vector<std::size_t> weight(edges.size(), 1);
    std::size_t total = 0;
    for (std::size_t root : roots) {
        if (state[root] == kUnseen) {
            std::vector<std::pair<std::size_t, std::size_t>> path{{root, 0}};
            state[root] = kOnPath;
            while (!path.empty()) {
                auto& [node, next] = path.back();
                if (next < edges[node].size()) {
                    const std::size_t target = edges[node][next++];
                    if (state[target] == kUnseen) {
                        state[target] = kOnPath;
                        path.emplace_back(target, 0);
                    } else if (state[target] == kDone) {
                        weight[node] = add(weight[node], weight[target]);
                    }
                    continue;
                }
                state[node] = kDone;
                const std::size_t done = node;
                path.pop_back();
                if (!path.empty()) weight[path.back().first] = add(weight[path.back().first], weight[done]);
            }
        }
        total = add(total, weight[root]);
    }
    return total;
}

std::string recolour(std::string_view svg, const std::vector<Recolour>& table) {
    if (table.empty()) return std::string(svg);
    Recolourer recolourer(svg, table);
    bool root = true;
    for (const Token& token : Scanner(svg).tokens()) {
        if (token.kind == Token::StyleText) recolourer.sheet(token.begin, token.end);
        if (token.kind != Token::StartTag) continue;
        bool fill = false;
        for (const Attribute& attribute : token.attributes) {
            if (attribute.name == "fill") fill = true;
            if (attribute.name == "style")
                fill = recolourer.declarations(attribute.begin, attribute.end) || fill;
            else if (colour_property(attribute.name))
                recolourer.value(attribute.begin, attribute.end);
        }
        if (root && local_name(token.name) == "svg" && !fill) {
            // Black is the default fill: give the root the replacement, so that shapes without a
            // fill of their own inherit it. Any fill the artwork sets, in attributes or style
            // sheets, still wins over this presentation attribute.
            for (const Recolour& entry : table)
                if (same_colour(entry.from, Colour{0, 0, 0, 1})) {
                    recolourer.insert(token.begin, " fill=\"" + colour_text(entry.to) + "\"");
                    break;
                }
        }
        root = false;
    }
    return recolourer.result();
}

} // namespace vexil::emblem::svg
