// Colours in an emblem's SVG text (svg_text.h): reading them as SVG writes them, and `recolor`,
// which rewrites them in place in attributes, style="…" and <style> sheets. Apart from the
// reference checks (svg_references.cpp) because it edits the document where they only read it.
#include "emblem/svg_markup.h"
#include "emblem/svg_text.h"

#include "model/colour.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace vexil::emblem::svg {
namespace {

using namespace markup;

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

std::string recolour(std::string_view svg, const std::vector<Recolour>& table) {
    if (table.empty()) return std::string(svg);
    Recolourer recolourer(svg, table);
    bool root = true;
    for (const Token& token : scan(svg)) {
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
