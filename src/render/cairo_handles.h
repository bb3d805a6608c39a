#pragma once
// RAII owners for Cairo handles: every surface and context is released on every path, errors included.

#include <cairo.h>

#include <memory>

namespace vexil::render {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

/// Throws IoError when Cairo reports a failure on the surface.
void check(cairo_surface_t* surface, const char* what);
void check(cairo_t* cr, const char* what);

} // namespace vexil::render
