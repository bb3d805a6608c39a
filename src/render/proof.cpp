// The proof: the production art with the print profile's guides over it, for the customer and the
// sewing room. Never the production file: its guides would print.
#include "render/draw.h"
#include "render/print_page.h"
#include "render/surfaces.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace vexil::render {
namespace {

struct Guide {
    double r, g, b;
    const char* label;
};
// Distinct from flag colours and from one another, and named in the legend.
constexpr Guide kFinished{0, 0, 0, "finished edge"};
constexpr Guide kFold{0.85, 0, 0.85, "fold"};
constexpr Guide kStitch{0, 0.45, 0.95, "stitching"};
constexpr Guide kSafe{0, 0.6, 0.2, "safe area"};
constexpr Guide kGrommet{0.9, 0.35, 0, "grommet"};

void use(cairo_t* cr, const Guide& guide, double width, bool dashed, double pt) {
    cairo_set_source_rgb(cr, guide.r, guide.g, guide.b);
    cairo_set_line_width(cr, width * pt);
    const double dash[] = {6 * pt, 3 * pt};
    cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
}

void rectangle(cairo_t* cr, const Box& box) {
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
}

std::string centimetres(double points) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f cm", points / 72 * 2.54);
    return text;
}

} // namespace

std::string render_proof_pdf(const Scene& scene, const RenderOptions& options) {
    if (!options.profile) throw IoError("a proof needs a print profile");
    const PrintProfile& profile = *options.profile;
    RenderOptions with_room = options;
    with_room.marks = true; // the margin the marks take holds the proof's labels
    const OutputSize size = output_size(scene, options, Format::Pdf);
    const PrintPage page = print_page(scene, size, with_room);
    const double pt = 1 / page.user_unit;
    const double k = page.per_point; // page units per point of the full-size flag
    const Box& flag = page.flag;

    std::string bytes;
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, page.media.w, page.media.h));
    set_pdf_metadata(surface.get(), "Proof: " + scene.title, scene.author, scene.subject);
    {
        ContextPtr context(cairo_create(surface.get()));
        cairo_t* cr = context.get();
        cairo_save(cr);
        cairo_rectangle(cr, page.bleed.x, page.bleed.y, page.bleed.w, page.bleed.h);
        cairo_clip(cr);
        cairo_translate(cr, page.bleed.x, page.bleed.y);
        draw_scene(scene, cr, scene.width * page.per_design_unit, scene.height * page.per_design_unit);
        cairo_restore(cr);

        // Hems fold at the finished edges and are stitched `stitch` inside them.
        const double hems[4] = {profile.sleeve > 0 ? 0 : profile.hem_hoist, profile.hem_top, profile.hem_fly,
                                profile.hem_bottom};
        use(cr, kFold, 0.8, true, pt);
        if (hems[0] > 0 || profile.sleeve > 0)
            cairo_move_to(cr, flag.x, page.cut.y), cairo_line_to(cr, flag.x, page.cut.y + page.cut.h);
        if (hems[1] > 0)
            cairo_move_to(cr, page.cut.x, flag.y), cairo_line_to(cr, page.cut.x + page.cut.w, flag.y);
        if (hems[2] > 0)
            cairo_move_to(cr, flag.x + flag.w, page.cut.y),
                cairo_line_to(cr, flag.x + flag.w, page.cut.y + page.cut.h);
        if (hems[3] > 0)
            cairo_move_to(cr, page.cut.x, flag.y + flag.h),
                cairo_line_to(cr, page.cut.x + page.cut.w, flag.y + flag.h);
        cairo_stroke(cr);
        use(cr, kStitch, 0.6, true, pt);
        const double s = profile.stitch * k;
        if (profile.stitch > 0) {
            if (hems[0] > 0)
                cairo_move_to(cr, flag.x + s, flag.y), cairo_line_to(cr, flag.x + s, flag.y + flag.h);
            if (hems[1] > 0)
                cairo_move_to(cr, flag.x, flag.y + s), cairo_line_to(cr, flag.x + flag.w, flag.y + s);
            if (hems[2] > 0)
                cairo_move_to(cr, flag.x + flag.w - s, flag.y),
                    cairo_line_to(cr, flag.x + flag.w - s, flag.y + flag.h);
            if (hems[3] > 0)
                cairo_move_to(cr, flag.x, flag.y + flag.h - s),
                    cairo_line_to(cr, flag.x + flag.w, flag.y + flag.h - s);
        }
        // A pole sleeve: folded at the hoist, stitched its depth in.
        if (profile.sleeve > 0)
            cairo_move_to(cr, flag.x + profile.sleeve * k, flag.y),
                cairo_line_to(cr, flag.x + profile.sleeve * k, flag.y + flag.h);
        cairo_stroke(cr);
        if (profile.safe > 0) {
            use(cr, kSafe, 0.6, true, pt);
            const double inset = profile.safe * k;
            const double hoist = inset + profile.sleeve * k;
            rectangle(cr, {flag.x + hoist, flag.y + inset, flag.w - hoist - inset, flag.h - 2 * inset});
            cairo_stroke(cr);
        }
        // The finished edge last, over the folds that lie along it (they run on past its corners).
        use(cr, kFinished, 0.8, false, pt);
        rectangle(cr, flag);
        cairo_stroke(cr);
        use(cr, kGrommet, 1.5, false, pt);
        for (int i = 0; i < profile.grommets; ++i) {
            const double inset = profile.grommet_inset * k;
            const double y = profile.grommets == 1
                                 ? flag.y + flag.h / 2
                                 : flag.y + inset + (flag.h - 2 * inset) * i / (profile.grommets - 1);
            cairo_new_sub_path(cr);
            cairo_arc(cr, flag.x + inset, y, profile.grommet_diameter * k / 2, 0, 2 * std::numbers::pi);
            cairo_move_to(cr, flag.x + inset - profile.grommet_diameter * k, y);
            cairo_line_to(cr, flag.x + inset + profile.grommet_diameter * k, y);
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);

        // Title and legend above the art, what each guide means below it.
        cairo_set_source_rgb(cr, 0, 0, 0);
        draw_outlined_text(cr, page.bleed.x, page.bleed.y - 22 * pt, 11 * pt,
                           "PROOF, not for production: " +
                               (scene.title.empty() ? std::string("untitled") : scene.title));
        draw_outlined_text(cr, page.bleed.x, page.bleed.y - 9 * pt, 7 * pt,
                           (profile.name.empty() ? profile.path : profile.name) + "  |  finished " +
                               centimetres(flag.w / k) + " x " + centimetres(flag.h / k) + "  |  cut " +
                               centimetres(page.cut.w / k) + " x " + centimetres(page.cut.h / k));
        double x = page.bleed.x;
        const double y = page.bleed.y + page.bleed.h + 14 * pt;
        const auto legend = [&](const Guide& guide, const std::string& detail) {
            cairo_set_source_rgb(cr, guide.r, guide.g, guide.b);
            cairo_rectangle(cr, x, y - 6 * pt, 12 * pt, 6 * pt);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            const std::string text = std::string(guide.label) + (detail.empty() ? "" : " " + detail);
            draw_outlined_text(cr, x + 15 * pt, y, 7 * pt, text);
            x += (22 + 4.2 * static_cast<double>(text.size())) * pt;
        };
        legend(kFinished, "");
        if (profile.sleeve > 0)
            legend(kFold, std::string("(sleeve ").append(centimetres(profile.sleeve)).append(" deep)"));
        else
            legend(kFold, "");
        if (profile.stitch > 0 || profile.sleeve > 0) legend(kStitch, "");
        if (profile.safe > 0)
            legend(kSafe, std::string("(").append(centimetres(profile.safe)).append(" in)"));
        if (profile.grommets > 0)
            legend(kGrommet, std::string("x ")
                                 .append(std::to_string(profile.grommets))
                                 .append(" (")
                                 .append(centimetres(profile.grommet_inset))
                                 .append(" in)"));
        check(cr, "proof drawing");
    }
    cairo_surface_finish(surface.get());
    check(surface.get(), "proof output");
    return bytes;
}

} // namespace vexil::render
