#include "render/draw.h"

#include "emblem/emblem.h"

#include <algorithm>
#include <variant>

namespace vexil::render {

void trace_path(cairo_t* cr, const Path& path) {
    cairo_new_path(cr);
    const auto& pts = path.points();
    std::size_t p = 0;
    for (PathVerb verb : path.verbs()) {
        switch (verb) {
        case PathVerb::Move:
            cairo_move_to(cr, pts[p].x, pts[p].y);
            p += 1;
            break;
        case PathVerb::Line:
            cairo_line_to(cr, pts[p].x, pts[p].y);
            p += 1;
            break;
        case PathVerb::Cubic:
            cairo_curve_to(cr, pts[p].x, pts[p].y, pts[p + 1].x, pts[p + 1].y, pts[p + 2].x, pts[p + 2].y);
            p += 3;
            break;
        case PathVerb::Close:
            cairo_close_path(cr);
            break;
        }
    }
}

namespace {

void set_colour(cairo_t* cr, const Colour& c) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

struct ItemPainter {
    cairo_t* cr;
    void operator()(const FillPath& fill) const {
        trace_path(cr, fill.path);
        set_colour(cr, fill.colour);
        cairo_set_fill_rule(cr, fill.rule == FillRule::EvenOdd ? CAIRO_FILL_RULE_EVEN_ODD
                                                               : CAIRO_FILL_RULE_WINDING);
        cairo_fill(cr);
    }
    void operator()(const StrokePath& stroke) const {
        trace_path(cr, stroke.path);
        set_colour(cr, stroke.colour);
        cairo_set_line_width(cr, stroke.width);
        // Mitred, like a tailor's fimbriation around a star; the limit keeps sharp tips bounded.
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_miter_limit(cr, 10);
        cairo_stroke(cr);
    }
    void operator()(const CutoutFill& cutout) const {
        cairo_save(cr);
        // Each hole becomes a clip "everything but the hole": a box around the shape (clockwise) plus
        // the hole drawn anticlockwise, so the nonzero rule leaves the hole out. Clips intersect, so
        // the fill loses the union of the holes, and stays vector. Not the even-odd rule: Cairo's
        // SVG surface writes clip-rule on the clipped group, where SVG ignores it, and every SVG
        // reader then fills the hole back in.
        Box box = cutout.path.bounds();
        for (const Path& hole : cutout.holes) {
            trace_path(cr, hole.signed_area() > 0 ? hole.reversed() : hole);
            const Box b = hole.bounds();
            const double x0 = std::min(box.x, b.x) - 1, y0 = std::min(box.y, b.y) - 1;
            const double x1 = std::max(box.x + box.w, b.x + b.w) + 1,
                         y1 = std::max(box.y + box.h, b.y + b.h) + 1;
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
            cairo_clip(cr);
        }
        trace_path(cr, cutout.path);
        set_colour(cr, cutout.colour);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    void operator()(const EmblemDraw& artwork) const {
        emblem::draw(*artwork.document, cr, artwork.transform);
    }
};

void draw_group(cairo_t* cr, const Group& group) {
    const bool composite = group.opacity < 1;
    cairo_save(cr);
    if (group.clip) {
        trace_path(cr, *group.clip);
        cairo_set_fill_rule(cr, group.clip_rule == FillRule::EvenOdd ? CAIRO_FILL_RULE_EVEN_ODD
                                                                     : CAIRO_FILL_RULE_WINDING);
        cairo_clip(cr);
    }
    if (composite) cairo_push_group(cr);
    for (const Item& item : group.items)
        std::visit(ItemPainter{cr}, item);
    if (composite) {
        cairo_pop_group_to_source(cr);
        cairo_paint_with_alpha(cr, group.opacity);
    }
    cairo_restore(cr);
}

} // namespace

void draw_scene(const Scene& scene, cairo_t* cr, double width, double height) {
    cairo_save(cr);
    cairo_scale(cr, width / scene.width, height / scene.height);
    // The flag starts its allowance and bleed in from the page's corner. The art carried into the
    // bleed runs a little past it (layout's overrun): the surface's edge, or the caller, cuts it.
    const Box page = scene.page();
    cairo_translate(cr, -page.x, -page.y);
    if (scene.outline) {
        // Cut to the flag's edge; with a bleed, also let through what runs on past the flag's
        // rectangle (the art carried into the bleed along its straight sides): the outline, plus
        // the page outside the rectangle, each clockwise and the rectangle anticlockwise.
        const Path& outline = *scene.outline;
        trace_path(cr, outline.signed_area() < 0 ? outline.reversed() : outline);
        if ((scene.allowance + scene.bleed).any()) {
            const Box page = scene.page();
            cairo_rectangle(cr, page.x, page.y, page.w, page.h);
            cairo_move_to(cr, 0, 0);
            cairo_line_to(cr, 0, scene.height);
            cairo_line_to(cr, scene.width, scene.height);
            cairo_line_to(cr, scene.width, 0);
            cairo_close_path(cr);
        }
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        cairo_clip(cr);
    }
    for (const Group& group : scene.groups)
        draw_group(cr, group);
    cairo_restore(cr);
}

} // namespace vexil::render
