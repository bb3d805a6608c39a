#include "render/surfaces.h"
#include "diag/diag.h"
#include "render/draw.h"
#include "vexil/diagnostic.h"
#include "vexil/version.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <zlib.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>

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
    std::string bytes;
    const auto status = cairo_surface_write_to_png_stream(image, append_to_string, &bytes);
    if (status != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string("PNG encoding: ") + cairo_status_to_string(status));
    if (dpi) bytes = with_resolution(std::move(bytes), *dpi);
    return bytes;
}

std::string with_resolution(std::string png, double dpi) {
    // Cairo's writer has no way to record a resolution, so the pHYs chunk (PNG 1.2, 4.2.4.2: pixels
    // per metre for x and y, unit 1 = metre) goes in right after IHDR, which PNG puts first: the
    // 8-byte signature, then IHDR's length (4), type (4), 13 bytes of data and its CRC (4).
    constexpr std::size_t kAfterHeader = 8 + 4 + 4 + 13 + 4;
    if (png.size() < kAfterHeader || png.compare(12, 4, "IHDR") != 0)
        throw IoError("PNG encoding: no header to record the resolution after");
    const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string chunk;
    const auto put32 = [&](std::uint32_t value) {
        for (int shift = 24; shift >= 0; shift -= 8)
            chunk += static_cast<char>((value >> shift) & 0xff);
    };
    put32(9);
    chunk += "pHYs";
    put32(per_metre);
    put32(per_metre);
    chunk += '\x01';
    const auto* typed = reinterpret_cast<const Bytef*>(chunk.data() + 4); // the CRC covers type and data
    put32(static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), typed, 4 + 9)));
    png.insert(kAfterHeader, chunk);
    return png;
}

std::string render_png(const Scene& scene, const OutputSize& size) {
    // The page's pixels past the flag on each side, each rounded on its own.
    const Box page = scene.page();
    const auto pixels = [](double units, double per_unit) {
        return static_cast<int>(std::lround(units * per_unit));
    };
    const double across = size.width / scene.width, down = size.height / scene.height;
    const int extra_width = pixels(-page.x, across) + pixels(page.x + page.w - scene.width, across);
    const int extra_height = pixels(-page.y, down) + pixels(page.y + page.h - scene.height, down);
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size.width + extra_width,
                                                  size.height + extra_height));
    check(surface.get(), "PNG surface");
    {
        ContextPtr cr(cairo_create(surface.get()));
        draw_scene(scene, cr.get(), size.width, size.height);
        check(cr.get(), "PNG drawing");
    }
    cairo_surface_flush(surface.get());
    return encode_png(surface.get(), size.dpi);
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
