// kind = "text": a line of shaped lettering (load_resources shaped it with Pango; this only places
// it), on a straight line through `at` or along a circle around it. Each glyph is its own filled
// outline, in reading order, so the scene says which letter is where.
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace vexil::layout {
namespace {

/// How far along the line (ems, from its visual left end) the anchor lies: where reading starts,
/// the middle, or where it ends — a right-to-left line starts at its right end.
double anchor_x(const Layer& layer, const Lettering& lettering) {
    const std::string& anchor = layer.get(fields::anchor);
    if (anchor == "middle") return lettering.width / 2;
    const bool at_left = (anchor == "start") != lettering.right_to_left;
    return at_left ? 0 : lettering.width;
}

/// How far below the letters' baseline (ems, y down) the line through `at` runs.
double baseline_shift(const Layer& layer, const Lettering& lettering) {
    const std::string& baseline = layer.get(fields::baseline);
    if (baseline == "middle") return lettering.cap_height / 2;
    if (baseline == "top") return lettering.cap_height;
    return 0;
}

/// Each glyph's placement: ems (the glyph's own frame, baseline at y = 0) to design units.
std::vector<Affine> on_line(const Lettering& lettering, double scale, Vec2 at, double start, double shift) {
    std::vector<Affine> placed;
    for (const ShapedGlyph& glyph : lettering.glyphs)
        placed.push_back(Affine::translate({glyph.x - start, glyph.y + shift})
                             .then(Affine::scale(scale, scale))
                             .then(Affine::translate(at)));
    return placed;
}

/// On a circle of `radius` around `at`: each glyph's advance centre goes to the point of the circle
/// as far along it as it was along the line, the glyph turned to the tangent there — standing on
/// the circle and reading clockwise (outside), or hanging inside and reading anticlockwise.
std::vector<Affine> on_circle(const Layer& layer, const Lettering& lettering, double scale, Vec2 at,
                              double start, double shift, double radius) {
    const bool outside = layer.get(fields::side) == "outside";
    const double angle = layer.get(fields::angle);
    std::vector<Affine> placed;
    for (const ShapedGlyph& glyph : lettering.glyphs) {
        const double middle = glyph.x + glyph.advance / 2; // along the line, ems
        const double degrees = (middle - start) * scale / radius * 180 / std::numbers::pi;
        const double theta = outside ? angle + degrees : angle - degrees; // clockwise from the top
        const double turn = outside ? theta : theta - 180;                // the glyph's own up
        const double rad = theta * std::numbers::pi / 180;
        const Vec2 on_arc{at.x + radius * std::sin(rad), at.y - radius * std::cos(rad)};
        placed.push_back(Affine::translate({glyph.x - middle, glyph.y + shift})
                             .then(Affine::scale(scale, scale))
                             .then(Affine::rotate(turn))
                             .then(Affine::translate(on_arc)));
    }
    return placed;
}

} // namespace

Shape text_layer(const Layer& layer, const Context& context) {
    const std::string& words = layer.get(fields::text);
    if (words.empty()) fail(layer, fields::text, "empty-text", "text: there are no words to set");
    if (words.find('\n') != std::string::npos)
        fail(layer, fields::text, "multi-line-text", "text: one line only; give each line its own layer");
    const Lettering* found = context.resources.lettering(layer);
    if (!found) // load_resources shapes every text first; reaching here is a caller's mistake
        throw std::logic_error("text '" + words + "' was not shaped: call load_resources before build_scene");
    const Lettering& lettering = *found;
    if (lettering.cap_height <= 0)
        fail(layer, fields::font, "bad-font", "font: the font has no capital H to size by");
    if (lettering.glyphs.empty()) fail(layer, fields::text, "empty-text", "text: nothing in it can be drawn");
    const double size = layer.get(fields::letter_size);
    if (!(size > 0))
        fail(layer, fields::letter_size, "bad-size", "size: the capitals' height must be more than 0");
    const double scale = size / lettering.cap_height; // design units per em
    const Vec2 at = layer.get(fields::at);
    const double start = anchor_x(layer, lettering), shift = baseline_shift(layer, lettering);
    std::vector<Affine> placed;
    if (layer.has(fields::radius)) {
        const double radius = layer.get(fields::radius);
        if (!(radius > 0))
            fail(layer, fields::radius, "bad-radius", "radius: the circle's radius must be more than 0");
        const double turn = lettering.width * scale / radius * 180 / std::numbers::pi;
        if (turn > 360)
            fail(layer, fields::text, "text-too-long",
                 "text: at this size the words run " + std::to_string(static_cast<int>(std::lround(turn))) +
                     "° round a circle of radius " + (std::ostringstream() << radius).str() +
                     ", more than once round: make the size smaller or the radius larger");
        placed = on_circle(layer, lettering, scale, at, start, shift, radius);
    } else {
        placed = on_line(lettering, scale, at, start, shift);
    }

    // Reading order: by the character each glyph draws (the glyphs come in visual order).
    std::vector<std::size_t> order(lettering.glyphs.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return lettering.glyphs[a].cluster < lettering.glyphs[b].cluster;
    });
    Shape shape;
    const Colour colour = layer.get(fields::color);
    for (std::size_t i : order) {
        Path outline = lettering.glyphs[i].outline.transformed(placed[i]);
        shape.silhouette.append(outline);
        shape.items.push_back(FillPath{std::move(outline), colour, FillRule::NonZero});
    }
    shape.pivot = at;
    if (layer.has(fields::radius))
        shape.measures = {centre_mark(at, "text's circle"),
                          radius_of(at, layer.get(fields::radius),
                                    "text's circle (to the " + layer.get(fields::baseline) + ")")};
    else
        shape.measures = {centre_mark(at, "text's anchor")};
    shape.measures.push_back(span(at, at - Vec2{0, size}, "capitals' height"));
    return shape;
}

} // namespace vexil::layout
