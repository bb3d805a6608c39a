// SVG emblems through librsvg (2.54, Debian 12). See emblem.h.
//
// Hostile artwork. A design may name any SVG in its folder, so an emblem is treated as untrusted
// input, and every cost is bounded:
//  - size: at most kMaxEmblemBytes (2 MiB) is read, of plain text: gzip (SVGZ), which librsvg would
//    inflate by itself, is refused, and so is UTF-16, which the text checks below cannot read;
//  - the disk: an emblem must be self-contained. Any href, url(…), @import, xml-stylesheet or
//    external entity that is not a "#fragment" or a data: URL is refused before parsing
//    (svg_text.h). A data: URL must hold a PNG or JPEG of at most 4096 pixels a side, since
//    librsvg decodes it at full size, and not an SVG document, which would escape these checks.
//    Behind that, the document is parsed from memory with no base URL, and librsvg
//    loads no referenced file at all without one ("All URL schemes other than data: in references
//    require a base URL", rsvg.h, "Security and locations of referenced files");
//  - XML: parsed without RSVG_HANDLE_FLAG_UNLIMITED, so libxml2 keeps its safety limits (element
//    depth, name and text sizes, entity amplification: a "billion laughs" file fails with
//    "Detected an entity reference loop"); librsvg declines external entities itself;
//  - elements: librsvg refuses documents of more than 1,000,000 elements while loading
//    (MAX_LOADED_ELEMENTS) and stops rendering after resolving 500,000 references through <use>,
//    patterns and url(#…) (MAX_REFERENCED_ELEMENTS), and it detects reference cycles
//    (src/limits.rs of librsvg, from its fixes for CVE-2015-7558 and issues #323 and #515);
//  - time: those 500,000 references still take about two seconds to draw, so before drawing we
//    count the elements a drawing would visit, <use> expanded (svg::instance_count), and refuse
//    more than kMaxInstances at once. The document is then drawn once, into a 1 × 1 surface, so
//    that anything librsvg refuses while drawing is reported here, against the design's `file`
//    line, and not halfway through writing an output.
#include "emblem/emblem.h"

#include "cairo/handles.h"
#include "emblem/svg_text.h"
#include "vexil/diagnostic.h"

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace vexil::emblem {
namespace {

/// Most elements one drawing of an emblem may visit, each <use> expanded (the message below says
/// it in words): a detailed coat of arms has a few thousand; 200,000 small ones take about half a
/// second to draw on a 2-core machine.
constexpr std::size_t kMaxInstances = 200'000;

struct HandleDeleter {
    void operator()(RsvgHandle* handle) const { g_object_unref(handle); }
};
using HandlePtr = std::unique_ptr<RsvgHandle, HandleDeleter>;

struct ErrorDeleter {
    void operator()(GError* error) const { g_error_free(error); }
};
using ErrorPtr = std::unique_ptr<GError, ErrorDeleter>;

std::string message_of(const GError* error) {
    std::string text = error && error->message ? error->message : "unknown error";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

/// librsvg's "XML parse error: Error domain 1 code 77 on line 2 column 1 of data: Premature end…"
/// as "line 2, column 1: Premature end…".
std::string xml_message(std::string text) {
    if (const auto at = text.find(" on line "); at != std::string::npos) {
        const auto data = text.find(" of data: ", at);
        unsigned line = 0, column = 0;
        if (data != std::string::npos &&
            std::sscanf(text.c_str() + at, " on line %u column %u", &line, &column) == 2)
            return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                   text.substr(data + 10);
    }
    if (const std::string prefix = "XML parse error: "; text.rfind(prefix, 0) == 0)
        return text.substr(prefix.size());
    return text;
}

std::string read_bounded(const std::filesystem::path& file, const std::string& name) {
    std::error_code code;
    const auto size = std::filesystem::file_size(file, code);
    if (code) throw LoadError("'" + name + "' cannot be read: " + code.message());
    if (size > kMaxEmblemBytes)
        throw LoadError("'" + name + "' is larger than 2 MiB (" + std::to_string(size) +
                        " bytes); emblems are at most " + std::to_string(kMaxEmblemBytes) + " bytes");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw LoadError("'" + name + "' cannot be opened");
    std::string bytes(static_cast<std::size_t>(kMaxEmblemBytes) + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) throw LoadError("'" + name + "' cannot be read");
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxEmblemBytes) throw LoadError("'" + name + "' is larger than 2 MiB"); // it grew
    return bytes;
}

HandlePtr parse(const std::string& svg, const std::string& name) {
    // From memory, with no base file: librsvg then resolves no reference outside the document.
    GInputStream* stream =
        g_memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr);
    GError* raw = nullptr;
    RsvgHandle* handle =
        rsvg_handle_new_from_stream_sync(stream, nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw);
    g_object_unref(stream);
    ErrorPtr error(raw);
    if (!handle) {
        const std::string text = message_of(error.get());
        if (text.find("XML parse error") != std::string::npos)
            throw LoadError("'" + name + "' is not an SVG document: it is not well-formed XML (" +
                            xml_message(text) + ")");
        if (text.find("<svg> root") != std::string::npos)
            throw LoadError("'" + name + "' is not an SVG document: its root element is not <svg>");
        throw LoadError("'" + name + "' is not an SVG document: " + text);
    }
    return HandlePtr(handle);
}

/// The artwork's extent in its user units: its viewBox, or else its width and height.
Box intrinsic_box(RsvgHandle* handle, const std::string& name) {
    gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
    RsvgLength width{}, height{};
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &width, &has_height, &height, &has_viewbox,
                                         &viewbox);
    const auto usable = [](double a, double b) {
        return std::isfinite(a) && std::isfinite(b) && a > 0 && b > 0;
    };
    if (has_viewbox) {
        if (!usable(viewbox.width, viewbox.height) || !std::isfinite(viewbox.x) || !std::isfinite(viewbox.y))
            throw LoadError("'" + name + "' has a viewBox of zero size");
        return {viewbox.x, viewbox.y, viewbox.width, viewbox.height};
    }
    double w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h))
        throw LoadError("'" + name +
                        "' has no size: give its <svg> a viewBox, or a width and height that are not "
                        "percentages");
    if (!usable(w, h))
        throw LoadError("'" + name + "' has zero size: its <svg> is " + std::to_string(w) + " × " +
                        std::to_string(h) + " and has no viewBox");
    return {0, 0, w, h};
}

RsvgRectangle viewport_of(const Box& box) {
    return {box.x, box.y, box.w, box.h};
}

} // namespace

/// The parsed artwork. Rendering mutates librsvg's internal caches, so a Document is drawn from one
/// thread at a time (vexil renders one scene on one thread).
struct Document {
    HandlePtr handle;
    Box intrinsic;
    std::string name;
};

std::string read(const std::filesystem::path& file) {
    return read_bounded(file, file.filename().string());
}

Artwork parse(std::string svg, const std::string& name, const std::vector<Recolour>& recolour) {
    if (svg.find_first_not_of(" \t\r\n") == std::string::npos) throw LoadError("'" + name + "' is empty");
    // librsvg would inflate gzip (SVGZ) by itself, past the size limit and past the checks below,
    // which read the text as UTF-8 (or another ASCII-compatible encoding; UTF-16 has NUL bytes).
    if (svg.size() >= 2 && static_cast<unsigned char>(svg[0]) == 0x1f &&
        static_cast<unsigned char>(svg[1]) == 0x8b)
        throw LoadError("'" + name + "' is compressed (SVGZ): emblems are plain SVG text");
    if (svg.find('\0') != std::string::npos)
        throw LoadError("'" + name + "' is not an SVG document: it contains NUL bytes (save it as UTF-8)");
    if (auto reference = svg::external_reference(svg))
        throw LoadError("'" + name + "' references an external file (" + *reference +
                        "): an emblem must be self-contained, with only #fragments and data: URLs");
    if (auto problem = svg::embedding_problem(svg)) throw LoadError("'" + name + "' " + *problem);
    if (!recolour.empty()) svg = svg::recolour(svg, recolour);

    auto document = std::make_shared<Document>();
    document->handle = parse(svg, name);
    document->name = name;
    // After parsing, so that the document is well-formed and nested at most as deep as libxml2 allows.
    const std::size_t elements = svg::instance_count(svg, kMaxInstances);
    if (elements == svg::kReferenceCycle)
        throw LoadError("'" + name +
                        "' refers to itself: a <use> or url(#…) leads back to an element it is in");
    if (elements > kMaxInstances)
        throw LoadError("'" + name +
                        "' draws more than 200,000 elements once its <use> references are expanded");
    document->intrinsic = intrinsic_box(document->handle.get(), name);

    // Draw it once, small, so that what librsvg refuses while drawing is reported now.
    const cairo::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    const cairo::ContextPtr cr(cairo_create(surface.get()));
    const RsvgRectangle trial{0, 0, 1, 1};
    GError* raw = nullptr;
    const bool drawn = rsvg_handle_render_document(document->handle.get(), cr.get(), &trial, &raw);
    ErrorPtr error(raw);
    if (!drawn) throw LoadError("'" + name + "' cannot be drawn: " + message_of(error.get()));

    const Box intrinsic = document->intrinsic;
    return Artwork{std::move(document), intrinsic, elements};
}

void draw(const Document& document, cairo_t* cr, const Affine& to_design) {
    // A singular matrix would put the context into an error state; such an emblem covers no area.
    const double det = to_design.determinant();
    if (!std::isfinite(det) || det == 0) return;
    cairo_save(cr);
    const cairo_matrix_t matrix{to_design.a, to_design.b, to_design.c, to_design.d, to_design.e, to_design.f};
    cairo_transform(cr, &matrix);
    // The viewport is the artwork's own box, so its user units are the context's user units.
    const RsvgRectangle viewport = viewport_of(document.intrinsic);
    GError* raw = nullptr;
    const bool drawn = rsvg_handle_render_document(document.handle.get(), cr, &viewport, &raw);
    ErrorPtr error(raw);
    cairo_restore(cr);
    if (!drawn)
        throw IoError("emblem '" + document.name + "': librsvg cannot draw it: " + message_of(error.get()));
}

} // namespace vexil::emblem
