#pragma once
// One function per output format: the surface is the only thing that differs between them.

#include "render/cairo_handles.h"
#include "vexil/render.h"

#include <optional>
#include <string>

namespace vexil::render {

std::string render_png(const Scene& scene, const OutputSize& size);
std::string render_svg(const Scene& scene, const OutputSize& size);
/// Works around Cairo 1.16's SVG surface putting clip-rule="evenodd" where SVG ignores it (on the
/// clipped group): copies it onto the path inside the referenced <clipPath>.
std::string move_clip_rules(std::string svg);
std::string render_pdf(const Scene& scene, const OutputSize& size);
/// A PDF's metadata: title, author and subject when not empty, vexil and its version as creator,
/// and, when SOURCE_DATE_EPOCH is set (reproducible-builds.org), that time as its creation and
/// modification date, so one design rendered twice gives the same bytes. Throws InputError when
/// SOURCE_DATE_EPOCH is not a whole number of seconds.
void set_pdf_metadata(cairo_surface_t* pdf, const std::string& title, const std::string& author = {},
                      const std::string& subject = {});

/// A drawn image surface as a PNG (render/png.h: vexil's writer, RGB when every pixel is opaque).
/// `dpi`, when given, is recorded in the file (pHYs).
std::string encode_png(cairo_surface_t* image, std::optional<double> dpi = std::nullopt);

/// A cairo_write_func_t for the *_for_stream surfaces and PNG writer: appends the bytes to the
/// std::string that `closure` points to.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

} // namespace vexil::render
