// The markup scanner: see svg_markup.h. Positions are byte offsets into the document's text.
#include "emblem/svg_markup.h"

#include <algorithm>

namespace vexil::emblem::svg::markup {
namespace {

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

} // namespace

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

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = lower(c);
    return out;
}

std::vector<Token> scan(std::string_view text) {
    return Scanner(text).tokens();
}

std::string_view local_name(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

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

std::string css_unescaped(std::string_view text) {
    const auto hex_value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    const auto append_utf8 = [](std::string& out, std::uint32_t code) {
        if (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xc0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3f));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xe0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        }
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 >= text.size()) {
            out += text[i];
            continue;
        }
        const char next = text[i + 1];
        if (next == '\n' || next == '\r' || next == '\f') { // a line continuation
            i += (next == '\r' && i + 2 < text.size() && text[i + 2] == '\n') ? 2 : 1;
            continue;
        }
        if (hex_value(next) < 0) { // any other character stands for itself
            out += next;
            ++i;
            continue;
        }
        std::uint32_t code = 0;
        std::size_t j = i + 1;
        for (; j < text.size() && j < i + 7 && hex_value(text[j]) >= 0; ++j)
            code = code * 16 + static_cast<std::uint32_t>(hex_value(text[j]));
        if (j < text.size() && is_space(text[j])) ++j; // one space ends the escape
        append_utf8(out, code);
        i = j - 1;
    }
    return out;
}

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

} // namespace vexil::emblem::svg::markup
