#pragma once
// RAII owners for Cairo handles: every surface and context is released on every path, errors
// included. Header-only, below both modules that hold Cairo handles (emblem and render).

#include <cairo.h>

#include <memory>

namespace vexil::cairo {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

} // namespace vexil::cairo
