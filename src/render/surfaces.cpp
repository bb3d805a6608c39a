#include "render/surfaces.h"
#include "diag/diag.h"
#include "render/draw.h"
#include "render/large_buffer.h"
#include "render/png.h"
#include "vexil/diagnostic.h"
#include "vexil/version.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <variant>

namespace vexil::render {
namespace {

/// Draws onto a vector surface and finishes it, so every byte is in `bytes` when this returns.
void draw_and_finish(const Scene& scene, cairo_surface_t* surface, double width, double height,
                     const char* what) {
    check(surface, what);
    {
        ContextPtr cr(cairo_create(surface));
        draw_scene(scene, cr.get(), width, height);
        check(cr.get(), what);
    }
    cairo_surface_finish(surface);
    check(surface, what);
}

/// SOURCE_DATE_EPOCH as a PDF date (ISO 8601, UTC), or "" when it is not set.
std::string source_date() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return {};
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(epoch, &end, 10);
    std::tm utc{};
    const auto time = static_cast<std::time_t>(seconds);
    if (*end != '\0' || errno != 0 || seconds < 0 || !gmtime_r(&time, &utc))
        diag::raise(diag::error(SourceRegion{"SOURCE_DATE_EPOCH", {}, {}}, "bad-environment",
                                "'" + std::string(epoch) + "' is not a time: give whole seconds since 1970"));
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

cairo_svg_unit_t svg_unit(LengthUnit unit) {
    switch (unit) {
    case LengthUnit::Pt:
        return CAIRO_SVG_UNIT_PT;
    case LengthUnit::Mm:
        return CAIRO_SVG_UNIT_MM;
    case LengthUnit::Cm:
    case LengthUnit::M: // output_size gives an SVG metres as centimetres
        return CAIRO_SVG_UNIT_CM;
    case LengthUnit::In:
    case LengthUnit::Ft: // and feet as inches
        return CAIRO_SVG_UNIT_IN;
    case LengthUnit::Px:
        break;
    }
    return CAIRO_SVG_UNIT_USER;
}

} // namespace

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_surface_t* surface, const char* what) {
    if (const auto status = cairo_surface_status(surface); status != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string(what) + ": " + cairo_status_to_string(status));
}

void check(cairo_t* cr, const char* what) {
    if (const auto status = cairo_status(cr); status != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string(what) + ": " + cairo_status_to_string(status));
}

std::string encode_png(cairo_surface_t* image, std::optional<double> dpi) {
    cairo_surface_flush(image);
    const int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
    // The smallest colour type the pixels fit: a palette, else RGB, else RGBA (which always fits).
    for (const PngColour colour : {PngColour::Indexed, PngColour::Rgb}) {
        PngWriter writer(width, height, colour, dpi);
        if (writer.add_rows(image, 0, height)) return writer.finish();
    }
    PngWriter translucent(width, height, PngColour::Rgba, dpi);
    translucent.add_rows(image, 0, height);
    return translucent.finish();
}

namespace {

/// Whether every pixel of the scene's raster will be opaque: no outline, and a first layer of
/// opaque rectangles (a field, bands) that covers the page. Then a PNG drawn in bands is RGB (a
/// wrong guess costs a second pass, never a wrong file: PngWriter refuses a translucent pixel).
bool covers_page(const Scene& scene) {
    if (scene.outline || scene.groups.empty()) return false;
    const Group& first = scene.groups.front();
    if (first.opacity < 1 || first.clip) return false;
    const Box page = scene.page();
    std::vector<std::pair<double, double>> across, down; // full-width rows, full-height columns
    for (const Item& item : first.items) {
        const auto* fill = std::get_if<FillPath>(&item);
        if (!fill || fill->colour.a < 1 || fill->path.points().size() != 4) continue;
        const Box box = fill->path.bounds();
        if (box.x <= page.x && box.x + box.w >= page.x + page.w) across.emplace_back(box.y, box.y + box.h);
        if (box.y <= page.y && box.y + box.h >= page.y + page.h) down.emplace_back(box.x, box.x + box.w);
    }
    const auto covered = [](std::vector<std::pair<double, double>> spans, double from, double to) {
        std::sort(spans.begin(), spans.end());
        double reached = from;
        for (const auto& [start, end] : spans)
            if (start <= reached) reached = std::max(reached, end);
        return reached >= to;
    };
    return covered(across, page.y, page.y + page.h) || covered(down, page.x, page.x + page.w);
}

/// Pixels drawn at once: a larger raster is drawn and encoded a band of rows at a time, so memory
/// stays at one band (kBandPixels × 4 bytes, 64 MiB) plus the compressed file, however large it is.
constexpr long long kBandPixels = 16'000'000;

} // namespace

std::string render_png(const Scene& scene, const OutputSize& size) {
    // The page's pixels past the flag on each side, each rounded on its own.
    const Box page = scene.page();
    const auto pixels = [](double units, double per_unit) {
        return static_cast<int>(std::lround(units * per_unit));
    };
    const double across = size.width / scene.width, down = size.height / scene.height;
    const int width = size.width + pixels(-page.x, across) + pixels(page.x + page.w - scene.width, across);
    const int height = size.height + pixels(-page.y, down) + pixels(page.y + page.h - scene.height, down);
    const int band = static_cast<int>(std::clamp<long long>(kBandPixels / width, 1, height));
    // The pixels in memory of our own (see large_buffer.h), so that touching them is cheap.
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
    const LargeBuffer memory(static_cast<std::size_t>(stride) * static_cast<std::size_t>(band));
    SurfacePtr surface(
        cairo_image_surface_create_for_data(memory.data(), CAIRO_FORMAT_ARGB32, width, band, stride));
    check(surface.get(), "PNG surface");
    const auto draw_band = [&](int top, bool clear) { // (a fresh buffer is clear already)
        ContextPtr cr(cairo_create(surface.get()));
        if (clear) {
            cairo_set_operator(cr.get(), CAIRO_OPERATOR_CLEAR);
            cairo_paint(cr.get());
            cairo_set_operator(cr.get(), CAIRO_OPERATOR_OVER);
        }
        cairo_translate(cr.get(), 0, -top); // this band of the page
        draw_scene(scene, cr.get(), size.width, size.height);
        check(cr.get(), "PNG drawing");
    };
    if (band == height) {
        draw_band(0, false);
        return encode_png(surface.get(), size.dpi);
    }
    // In several bands, the scene must say whether the image is opaque; a wrong guess costs a
    // second pass, never a wrong file.
    bool drawn = false;
    for (const PngColour colour : {covers_page(scene) ? PngColour::Rgb : PngColour::Rgba, PngColour::Rgba}) {
        PngWriter writer(width, height, colour, size.dpi, true);
        bool written = true;
        for (int top = 0; top < height && written; top += band) {
            draw_band(top, drawn);
            drawn = true;
            written = writer.add_rows(surface.get(), 0, std::min(band, height - top));
        }
        if (written) return writer.finish();
    }
    throw IoError("PNG encoding: no pass wrote the image");
}

std::string render_svg(const Scene& scene, const OutputSize& size) {
    std::string bytes;
    const Box page = scene.page();
    SurfacePtr surface(cairo_svg_surface_create_for_stream(append_to_string, &bytes,
                                                           page.w * size.page_width / scene.width,
                                                           page.h * size.page_height / scene.height));
    // Cairo writes width="{page_width}{unit}" with viewBox="0 0 {page_width} {page_height}": a bare
    // size stays unitless (user units, CSS pixels); a physical one reads "150cm" and its user units
    // are centimetres.
    cairo_svg_surface_set_document_unit(surface.get(), svg_unit(size.page_unit));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
    draw_and_finish(scene, surface.get(), size.page_width, size.page_height, "SVG output");
    return move_clip_rules(std::move(bytes));
}

std::string move_clip_rules(std::string svg) {
    // Cairo 1.16 writes an even-odd clip as <g clip-path="url(#clipN)" clip-rule="evenodd">, but
    // SVG takes clip-rule from the clip path's own shapes, so readers use nonzero and fill the
    // holes back in. Put the rule on the path inside <clipPath id="clipN"> too.
    const std::string marker = "clip-rule=\"evenodd\"";
    for (std::size_t at = svg.find(marker); at != std::string::npos;
         at = svg.find(marker, at + marker.size())) {
        const std::size_t open = svg.rfind("<g clip-path=\"url(#", at);
        if (open == std::string::npos || svg.find('>', open) < at) continue;
        const std::size_t id_start = open + std::string("<g clip-path=\"url(#").size();
        const std::string id = svg.substr(id_start, svg.find(')', id_start) - id_start);
        const std::size_t clip = svg.find("<clipPath id=\"" + id + "\">");
        if (clip == std::string::npos) continue;
        const std::size_t path = svg.find("<path ", clip);
        if (path == std::string::npos || svg.compare(path + 6, marker.size(), marker) == 0) continue;
        svg.insert(path + 6, marker + " ");
        if (path < at) at += marker.size() + 1; // the insertion moved the text after it
    }
    return svg;
}

void set_pdf_metadata(cairo_surface_t* pdf, const std::string& title, const std::string& author,
                      const std::string& subject) {
    const std::string creator = std::string("vexil ") + kVersion;
    const std::string date = source_date();
    for (auto [key, value] : {std::pair{CAIRO_PDF_METADATA_TITLE, &title},
                              {CAIRO_PDF_METADATA_AUTHOR, &author},
                              {CAIRO_PDF_METADATA_SUBJECT, &subject},
                              {CAIRO_PDF_METADATA_CREATOR, &creator},
                              {CAIRO_PDF_METADATA_CREATE_DATE, &date},
                              {CAIRO_PDF_METADATA_MOD_DATE, &date}})
        if (!value->empty()) cairo_pdf_surface_set_metadata(pdf, key, value->c_str());
}

std::string render_pdf(const Scene& scene, const OutputSize& size) {
    std::string bytes;
    const double width = size.page_width_points(), height = size.page_height_points();
    const Box page = scene.page();
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(
        append_to_string, &bytes, page.w * width / scene.width, page.h * height / scene.height));
    set_pdf_metadata(surface.get(), scene.title, scene.author, scene.subject);
    draw_and_finish(scene, surface.get(), width, height, "PDF output");
    return bytes;
}

} // namespace vexil::render
