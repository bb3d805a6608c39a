// The print PDF: page geometry, the drawing, and the finishing plan handed to the finish stage.
#include "render/print_page.h"

#include "diag/diag.h"
#include "finish/finish.h"
#include "model/colour.h"
#include "render/draw.h"
#include "render/surfaces.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <variant>

namespace vexil::render {
namespace {

/// Room for marks around the bleed: crop marks (3 pt off the bleed, 18 pt long), the registration
/// targets, and the colour bar with its labels, as printers' marks usually take.
constexpr double kMarksMargin = 20 * 72 / 25.4; // 20 mm, in points

/// The cut path's line: thin, as cutting plotters read a hairline.
constexpr double kCutContourWidth = 0.25; // points

finish::PageBox pdf_box(const Box& box, const PrintPage& page) {
    // PDF boxes are y-up from the page's lower-left corner.
    return {box.x, page.media.h - box.y - box.h, box.x + box.w, page.media.h - box.y};
}

void add_ink(std::vector<finish::Ink>& inks, const Colour& screen, std::string separation, const Cmyk& cmyk) {
    inks.push_back(finish::Ink{screen, std::move(separation), cmyk});
}

} // namespace

bool is_print_pdf(const Scene& scene, const OutputSize& size, const RenderOptions& options) {
    return size.page_unit_is_physical() || (scene.allowance + scene.bleed).any() || options.marks ||
           options.colours != ColourMode::Rgb || options.scale != 1;
}

PrintPage print_page(const Scene& scene, const OutputSize& size, const RenderOptions& options) {
    PrintPage page;
    const double points_per_unit = size.page_width_points() / scene.width;
    const Box extent = scene.page();
    const double margin = options.marks ? kMarksMargin : 0;
    const double width = extent.w * points_per_unit + 2 * margin;
    const double height = extent.h * points_per_unit + 2 * margin;
    // Past 14,400 points a side, each unit of the page is made several points (UserUnit, PDF 1.6).
    page.user_unit = std::max(1.0, std::ceil(std::max(width, height) / kMaxPdfPagePoints));
    if (page.user_unit > kMaxPdfUserUnit)
        diag::raise(diag::bad_usage(
            "vexil",
            "a PDF page is at most " + std::to_string(static_cast<long long>(kMaxPdfUserUnit * 508 / 100)) +
                " m a side, and this one would be " +
                std::to_string(static_cast<long long>(std::round(width / 72 * 0.0254))) + " m wide"));
    const double u = page.user_unit;
    page.per_design_unit = points_per_unit / u;
    page.per_point = 1 / (options.scale * u);
    page.margin = margin / u;
    page.media = {0, 0, width / u, height / u};
    const auto placed = [&](const Box& box) {
        return Box{page.margin + (box.x - extent.x) * page.per_design_unit,
                   page.margin + (box.y - extent.y) * page.per_design_unit, box.w * page.per_design_unit,
                   box.h * page.per_design_unit};
    };
    page.bleed = placed(extent);
    page.cut = placed(scene.cut());
    page.flag = placed({0, 0, scene.width, scene.height});
    return page;
}

std::vector<NamedColour> colours_of(const Scene& scene) {
    // Every colour the scene paints, once, in painting order (an invisible shape, kept only to clip
    // by, paints nothing); emblems' own colours are the artwork's.
    std::vector<Colour> painted;
    const auto same = [](const Colour& a, const Colour& b) { return a.r == b.r && a.g == b.g && a.b == b.b; };
    for (const Group& group : scene.groups)
        for (const Item& item : group.items)
            std::visit(
                [&](const auto& drawn) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(drawn)>, EmblemDraw>) {
                        const Colour& c = drawn.colour;
                        if (c.a > 0 && std::none_of(painted.begin(), painted.end(),
                                                    [&](const Colour& p) { return same(p, c); }))
                            painted.push_back({c.r, c.g, c.b, 1});
                    }
                },
                item);
    // The design's named colours in its order (one it names but never paints gets no plate), then
    // any other it paints, named by its hex value.
    std::vector<NamedColour> colours;
    for (const NamedColour& named : scene.colours)
        if (std::any_of(painted.begin(), painted.end(),
                        [&](const Colour& p) { return same(p, named.screen); }))
            colours.push_back(named);
    for (const Colour& colour : painted)
        if (std::none_of(scene.colours.begin(), scene.colours.end(),
                         [&](const NamedColour& named) { return same(named.screen, colour); })) {
            NamedColour unnamed;
            unnamed.name = colour_to_hex(colour);
            unnamed.screen = colour;
            colours.push_back(unnamed);
        }
    return colours;
}

} // namespace vexil::render

namespace vexil {

std::vector<Diagnostic> print_colour_warnings(const Design& design, const Scene& scene) {
    std::vector<Diagnostic> warnings;
    for (const NamedColour& colour : render::colours_of(scene)) {
        if (colour.has_print_values()) continue;
        const bool named = colour.region.file.size() > 0;
        Diagnostic warning = diag::error(
            named ? colour.region : design.flag.region, "no-print-values",
            named ? "colors." + colour.name +
                        " has no print values: give pantone, spot or cmyk beside rgb, or it "
                        "is converted through the ICC profile"
                  : "the colour " + colour.name +
                        " is written in a layer and has no print values: name it in [colors] and give them");
        warning.severity = Severity::Warning;
        warnings.push_back(std::move(warning));
    }
    return warnings;
}

} // namespace vexil

namespace vexil::render {

std::string render_print_pdf(const Scene& scene, const OutputSize& size, const RenderOptions& options) {
    const PrintPage page = print_page(scene, size, options);
    std::string bytes;
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, page.media.w, page.media.h));
    set_pdf_metadata(surface.get(), scene.title, scene.author, scene.subject);
    check(surface.get(), "PDF output");
    {
        ContextPtr cr(cairo_create(surface.get()));
        cairo_save(cr.get());
        cairo_rectangle(cr.get(), page.bleed.x, page.bleed.y, page.bleed.w, page.bleed.h);
        cairo_clip(cr.get()); // the art ends at the bleed's edge, clear of the marks
        cairo_translate(cr.get(), page.bleed.x, page.bleed.y);
        draw_scene(scene, cr.get(), scene.width * page.per_design_unit, scene.height * page.per_design_unit);
        cairo_restore(cr.get());
        if (scene.outline) {
            // A non-rectangular flag is printed on its bounding rectangle, and cut along its outline.
            cairo_save(cr.get());
            cairo_translate(cr.get(), page.flag.x, page.flag.y);
            cairo_scale(cr.get(), page.per_design_unit, page.per_design_unit);
            trace_path(cr.get(), *scene.outline);
            cairo_restore(cr.get());
            cairo_set_source_rgb(cr.get(), kCutContour.r, kCutContour.g, kCutContour.b);
            cairo_set_line_width(cr.get(), kCutContourWidth * page.per_point * options.scale);
            cairo_stroke(cr.get());
        }
        if (options.marks) draw_marks(cr.get(), scene, page, size, options);
        check(cr.get(), "PDF drawing");
    }
    cairo_surface_finish(surface.get());
    check(surface.get(), "PDF output");

    finish::Finishing finishing;
    finishing.trim = pdf_box(page.cut, page);
    finishing.bleed = pdf_box(page.bleed, page);
    finishing.user_unit = page.user_unit;
    add_ink(finishing.inks, kRegistration, "All", Cmyk{1, 1, 1, 1});
    add_ink(finishing.inks, kCutContour, "CutContour", Cmyk{0, 1, 0, 0});
    if (options.colours != ColourMode::Rgb) {
        for (const NamedColour& colour : colours_of(scene)) {
            const bool spot = options.colours == ColourMode::Spot && !colour.spot.empty();
            finishing.inks.push_back(
                finish::Ink{colour.screen, spot ? colour.spot : std::string(), colour.cmyk});
        }
        finishing.cmyk_profile =
            options.icc_profile.empty() ? std::string(kDefaultCmykProfile) : options.icc_profile;
    }
    finishing.xmp = xmp_packet(scene, options);
    return render::finish_pdf(bytes, finishing);
}

} // namespace vexil::render
