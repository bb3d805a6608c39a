// Whether an emblem's SVG text is self-contained and bounded (svg_text.h): what it refers to outside
// itself, what it embeds as data: URLs, and how many elements drawing it visits once <use> is
// expanded. Apart from the recolouring (svg_recolour.cpp): these only read the document, to refuse
// it before librsvg loads anything.
#include "emblem/svg_markup.h"
#include "emblem/svg_text.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace vexil::emblem::svg {
namespace {

using namespace markup;

/// Whether a URL stays inside the document: a fragment, a data: URL, or nothing.
bool internal_url(std::string_view url) {
    url = trim(url);
    return url.empty() || url.front() == '#' || starts_with_nocase(url, "data:");
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
    const auto add_urls = [&](const std::string& escaped) {
        const std::string text = css_unescaped(escaped);
        for (std::string_view url : urls_in(text))
            out.push_back({std::string(trim(url)), "url(" + std::string(url) + ")"});
    };
    const auto add_href = [&](std::string_view value) {
        std::string decoded(trim(decode(value)));
        out.push_back({decoded, decoded});
    };
    for (const Token& token : scan(svg)) {
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
            if (lowered(css_unescaped(decoded)).find("@import") != std::string::npos && special.empty())
                special = "@import";
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
    for (const Token& token : scan(svg)) {
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

    // weight(n) = 1 + Σ weight(edge targets), saturating at cap + 1; iterative and memoised. An
    // edge back into the current path closes a cycle, which child edges alone cannot (they form a
    // tree): the document refers to itself, and is refused as such.
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
                    } else if (state[target] == kOnPath) {
                        return kReferenceCycle;
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

} // namespace vexil::emblem::svg
