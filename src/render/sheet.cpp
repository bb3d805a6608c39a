// Contact sheets and catalogues: many scenes on one surface, each with a caption set with Pango
// (text/words.h): real text in a PDF, so a reader can search the catalogue.
#include "diag/diag.h"
#include "render/draw.h"
#include "render/surfaces.h"
#include "text/words.h"
#include "vexil/render.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>

namespace vexil {
namespace {

/// A contact sheet is drawn whole (4 bytes a pixel), unlike a flag's PNG, drawn in bands: 400 MiB at most.
constexpr long long kMaxSheetPixels = 100'000'000;
constexpr double kMaxSheetSide = 20'000;
constexpr double kMargin = 16;      // around the sheet and between cells, in output units
constexpr double kCaptionSize = 12; // caption font size
constexpr double kCaptionLines = 2; // room left under each flag
constexpr double kA4Width = 841.89; // points, landscape
constexpr double kA4Height = 595.28;

/// Draws `caption` centred under a flag, wrapped at the cell's width into at most two lines.
void draw_caption(cairo_t* cr, const std::string& caption, double centre_x, double top, double width,
                  double size) {
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    render::Words words;
    words.text = caption;
    words.size = size;
    words.wrap = width;
    words.max_lines = static_cast<int>(kCaptionLines);
    words.centred = true;
    render::draw_words(cr, centre_x, top, words, render::WordsAs::Text);
}

/// Draws a scene inside a box, scaled to fit with its ratio kept, framed by a hairline.
void draw_fitted(cairo_t* cr, const Scene& scene, double x, double y, double box_w, double box_h) {
    const double scale = std::min(box_w / scene.width, box_h / scene.height);
    const double w = scene.width * scale, h = scene.height * scale;
    cairo_save(cr);
    cairo_translate(cr, x + (box_w - w) / 2, y + (box_h - h) / 2);
    render::draw_scene(scene, cr, w, h);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.25);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    cairo_restore(cr);
}

} // namespace

std::string render_contact_sheet(const std::vector<SheetCell>& cells, Format format, int columns,
                                 int cell_width) {
    if (format == Format::Svg) throw IoError("contact sheets are PNG or PDF");
    columns = std::max(1, std::min(columns, static_cast<int>(cells.size())));
    const int rows = (static_cast<int>(cells.size()) + columns - 1) / columns;
    double flag_height = 0; // the tallest flag at cell_width sets every row's height
    for (const auto& cell : cells)
        flag_height = std::max(flag_height, cell_width * cell.scene->height / cell.scene->width);
    flag_height = std::min(flag_height, 1.5 * cell_width);
    const double cell_height = flag_height + kCaptionSize * (1.2 * kCaptionLines + 0.6);
    const double width = kMargin + columns * (cell_width + kMargin);
    const double height = kMargin + rows * (cell_height + kMargin);
    if (width * height > static_cast<double>(kMaxSheetPixels) || width > kMaxSheetSide ||
        height > kMaxSheetSide)
        diag::raise(diag::bad_usage(
            "vexil", "the contact sheet would be " + std::to_string(static_cast<long long>(width)) + " x " +
                         std::to_string(static_cast<long long>(height)) +
                         ", over vexil's raster limit: use fewer flags, narrower cells or more columns"));
    std::string bytes;
    render::SurfacePtr surface(
        format == Format::Png
            ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(std::ceil(width)),
                                         static_cast<int>(std::ceil(height)))
            : cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes, width, height));
    render::check(surface.get(), "contact sheet");
    if (format == Format::Pdf) render::set_pdf_metadata(surface.get(), "vexil contact sheet");
    {
        render::ContextPtr cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const double x = kMargin + static_cast<double>(i % columns) * (cell_width + kMargin);
            const double y = kMargin + static_cast<double>(i / columns) * (cell_height + kMargin);
            draw_fitted(cr.get(), *cells[i].scene, x, y, cell_width, flag_height);
            draw_caption(cr.get(), cells[i].caption, x + cell_width / 2.0, y + flag_height + 2, cell_width,
                         kCaptionSize);
        }
        render::check(cr.get(), "contact sheet");
    }
    if (format == Format::Png) {
        cairo_surface_flush(surface.get());
        return render::encode_png(surface.get());
    }
    cairo_surface_finish(surface.get());
    render::check(surface.get(), "contact sheet");
    return bytes;
}

std::string render_catalogue(const std::vector<SheetCell>& cells) {
    std::string bytes;
    render::SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes, kA4Width, kA4Height));
    render::set_pdf_metadata(surface.get(), "vexil catalogue");
    render::check(surface.get(), "catalogue");
    {
        render::ContextPtr cr(cairo_create(surface.get()));
        const double margin = 56; // about 2 cm
        for (const auto& cell : cells) {
            draw_fitted(cr.get(), *cell.scene, margin, margin, kA4Width - 2 * margin,
                        kA4Height - 2 * margin - 48);
            draw_caption(cr.get(), cell.caption, kA4Width / 2, kA4Height - margin - 40, kA4Width - 2 * margin,
                         14);
            cairo_show_page(cr.get());
        }
        render::check(cr.get(), "catalogue");
    }
    cairo_surface_finish(surface.get());
    render::check(surface.get(), "catalogue");
    return bytes;
}

} // namespace vexil
