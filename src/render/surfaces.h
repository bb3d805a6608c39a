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

/// The PNG encoder, behind one function: encoding, not drawing, is where a raster render spends its
/// time, and a faster encoder can replace this without touching anything else.
/// `dpi`, when given, is recorded in the file (pHYs).
std::string encode_png(cairo_surface_t* image, std::optional<double> dpi = std::nullopt);
/// A PNG file with its resolution recorded: a pHYs chunk, in pixels per metre, after the header.
std::string with_resolution(std::string png, double dpi);

/// A cairo_write_func_t for the *_for_stream surfaces and PNG writer: appends the bytes to the
/// std::string that `closure` points to.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

} // namespace vexil::render
