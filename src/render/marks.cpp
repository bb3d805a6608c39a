// Printer's marks around the bleed, all in the registration colour (Separation /All, on every
// plate) but the colour bar's swatches, which are painted in the design's own inks.
#include "model/colour.h"
#include "render/print_page.h"
#include "text/words.h"
#include "vexil/version.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace vexil::render {
namespace {

// In points of the printed page (marks do not scale with the flag).
constexpr double kMarkLine = 0.3;   // crop and registration marks' line width
constexpr double kCropOffset = 3;   // crop marks start this far outside the bleed…
constexpr double kCropLength = 18;  // …and run this long
constexpr double kTargetRadius = 5; // registration target's circle
constexpr double kSlugSize = 6.5;   // slug line's text
constexpr double kLabelSize = 5;    // colour bar labels
constexpr double kSwatchHeight = 12;
constexpr double kMaxCellWidth = 84;

void registration(cairo_t* cr) {
    cairo_set_source_rgb(cr, kRegistration.r, kRegistration.g, kRegistration.b);
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
}

/// Crop marks: at each corner of the cut, a short line on the line of each edge, outside the bleed.
void crop_marks(cairo_t* cr, const PrintPage& page, double pt) {
    const Box& cut = page.cut;
    const Box& bleed = page.bleed;
    const double near = kCropOffset * pt, far = (kCropOffset + kCropLength) * pt;
    for (double x : {cut.x, cut.x + cut.w}) {
        line(cr, x, bleed.y - near, x, bleed.y - far);
        line(cr, x, bleed.y + bleed.h + near, x, bleed.y + bleed.h + far);
    }
    for (double y : {cut.y, cut.y + cut.h}) {
        line(cr, bleed.x - near, y, bleed.x - far, y);
        line(cr, bleed.x + bleed.w + near, y, bleed.x + bleed.w + far, y);
    }
    cairo_stroke(cr);
}

/// A registration target (circle and cross) centred at `x`, `y`.
void target(cairo_t* cr, double x, double y, double pt) {
    const double r = kTargetRadius * pt;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, r, 0, 2 * std::numbers::pi);
    line(cr, x - 1.6 * r, y, x + 1.6 * r, y);
    line(cr, x, y - 1.6 * r, x, y + 1.6 * r);
    cairo_stroke(cr);
}

std::string percent(double ink) {
    return std::to_string(static_cast<int>(std::lround(ink * 100)));
}

/// What the colour bar prints under a swatch: its print values, or its screen value.
std::string print_values(const NamedColour& colour) {
    std::string text;
    if (!colour.spot.empty()) text = colour.spot;
    if (colour.cmyk) {
        const Cmyk& c = *colour.cmyk;
        text += (text.empty() ? "" : "  ") + std::string("C") + percent(c.c) + " M" + percent(c.m) + " Y" +
                percent(c.y) + " K" + percent(c.k);
    }
    return text.empty() ? colour_to_hex(colour.screen) + " (no print values)" : text;
}

/// The colour bar: a swatch of each colour in its own ink, its name and print values beneath.
void colour_bar(cairo_t* cr, const Scene& scene, const PrintPage& page, double pt) {
    const std::vector<NamedColour> colours = colours_of(scene);
    if (colours.empty()) return;
    const double left = page.cut.x + (kCropOffset + kCropLength + 6) * pt;
    const double right = page.bleed.x + page.bleed.w;
    const double cell = std::min(kMaxCellWidth * pt, (right - left) / static_cast<double>(colours.size()));
    const double top = page.bleed.y + page.bleed.h + (kCropOffset + 2) * pt;
    const double label = std::min(kLabelSize * pt, cell / 14);
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const double x = left + static_cast<double>(i) * cell;
        cairo_rectangle(cr, x, top, cell * 0.9, kSwatchHeight * pt);
        cairo_set_source_rgb(cr, colours[i].screen.r, colours[i].screen.g, colours[i].screen.b);
        cairo_fill_preserve(cr);
        registration(cr);
        cairo_set_line_width(cr, kMarkLine * pt / 2);
        cairo_stroke(cr);
        draw_outlined_text(cr, x, top + kSwatchHeight * pt + 1.3 * label, label, colours[i].name);
        draw_outlined_text(cr, x, top + kSwatchHeight * pt + 2.6 * label, label, print_values(colours[i]));
    }
}

std::string measure(double points, LengthUnit unit) {
    const double value = points / Length{1.0, unit}.points();
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out;
}

/// The slug line: what the file is, so a sheet off the press can be matched to it.
std::string slug(const Scene& scene, const OutputSize& size, const RenderOptions& options) {
    const LengthUnit unit = size.page_unit_is_physical() ? size.page_unit : LengthUnit::Pt;
    const double per_unit = size.page_width_points() * options.scale / scene.width; // full size
    const std::string name = unit_name(unit).data();
    std::string text = (scene.title.empty() ? std::string("Untitled") : scene.title) + "  |  finished " +
                       measure(scene.width * per_unit, unit) + " x " +
                       measure(scene.height * per_unit, unit) + " " + name;
    text += "  |  scale 1:" + measure(options.scale, LengthUnit::Pt);
    const Edges& b = scene.bleed;
    text += "  |  bleed " +
            (b.hoist == b.top && b.top == b.fly && b.fly == b.bottom
                 ? measure(b.hoist * per_unit, unit) + " " + name
                 : "hoist " + measure(b.hoist * per_unit, unit) + ", top " + measure(b.top * per_unit, unit) +
                       ", fly " + measure(b.fly * per_unit, unit) + ", bottom " +
                       measure(b.bottom * per_unit, unit) + " " + name);
    if (options.profile)
        text += "  |  " + (options.profile->name.empty() ? options.profile->path : options.profile->name);
    const char* modes[] = {"RGB", "CMYK", "spot + CMYK"};
    text += "  |  " + std::string(modes[static_cast<int>(options.colours)]);
    text += "  |  vexil " + std::string(kVersion);
    if (!options.design_hash.empty()) text += "  |  design " + options.design_hash;
    return text;
}

} // namespace

void draw_outlined_text(cairo_t* cr, double x, double y, double size, const std::string& text) {
    Words words; // `y` is the baseline; Pango places a layout by its top
    words.text = text;
    words.size = size;
    draw_words(cr, x, y - words_baseline(cr, words), words, WordsAs::Outlines);
}

void draw_marks(cairo_t* cr, const Scene& scene, const PrintPage& page, const OutputSize& size,
                const RenderOptions& options) {
    const double pt = 1 / page.user_unit; // marks are sized on the printed page, not with the flag
    cairo_save(cr);
    cairo_new_path(cr);
    registration(cr);
    cairo_set_line_width(cr, kMarkLine * pt);
    crop_marks(cr, page, pt);
    const double off = (kCropOffset + kTargetRadius * 1.6 + 2) * pt;
    const double middle = page.cut.y + page.cut.h / 2;
    target(cr, page.bleed.x - off, middle, pt);
    target(cr, page.bleed.x + page.bleed.w + off, middle, pt);
    registration(cr);
    draw_outlined_text(cr, page.cut.x + (kCropOffset + kCropLength + 6) * pt,
                       page.bleed.y - (kCropOffset + 3) * pt, kSlugSize * pt, slug(scene, size, options));
    colour_bar(cr, scene, page, pt);
    cairo_restore(cr);
}

} // namespace vexil::render
