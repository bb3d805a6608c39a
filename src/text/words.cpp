#include "text/words.h"

#include <pango/pangocairo.h>

#include <memory>

namespace vexil::render {
namespace {

struct LayoutDeleter {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

LayoutPtr layout_of(cairo_t* cr, const Words& words) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, "DejaVu Sans");
    pango_font_description_set_weight(font, words.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, words.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    if (words.wrap > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(words.wrap * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        if (words.max_lines > 0) {
            pango_layout_set_height(layout.get(), -words.max_lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
        if (words.centred) pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    }
    pango_layout_set_text(layout.get(), words.text.c_str(), static_cast<int>(words.text.size()));
    return layout;
}

} // namespace

double draw_words(cairo_t* cr, double x, double y, const Words& words, WordsAs as) {
    const LayoutPtr layout = layout_of(cr, words);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    const double width = logical.width / double(PANGO_SCALE);
    // A wrapped layout is centred within its width; a single centred line is placed on x.
    const double left = words.centred ? (words.wrap > 0 ? x - words.wrap / 2 : x - width / 2) : x;
    cairo_save(cr);
    cairo_move_to(cr, left, y);
    if (as == WordsAs::Outlines) {
        cairo_new_path(cr);
        cairo_move_to(cr, left, y);
        pango_cairo_layout_path(cr, layout.get());
        cairo_fill(cr);
    } else {
        pango_cairo_show_layout(cr, layout.get());
    }
    cairo_restore(cr);
    return logical.height / double(PANGO_SCALE);
}

Vec2 words_size(cairo_t* cr, const Words& words) {
    const LayoutPtr layout = layout_of(cr, words);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {logical.width / double(PANGO_SCALE), logical.height / double(PANGO_SCALE)};
}

double words_baseline(cairo_t* cr, const Words& words) {
    return pango_layout_get_baseline(layout_of(cr, words).get()) / double(PANGO_SCALE);
}

} // namespace vexil::render
