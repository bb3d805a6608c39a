#pragma once
// The Cairo handle owners (src/cairo/handles.h) and the check that turns a Cairo failure into IoError.

#include "cairo/handles.h"

namespace vexil::render {

using cairo::ContextPtr;
using cairo::SurfacePtr;

/// Throws IoError when Cairo reports a failure on the surface.
void check(cairo_surface_t* surface, const char* what);
void check(cairo_t* cr, const char* what);

} // namespace vexil::render
