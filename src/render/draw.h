#pragma once
// Draws a Scene onto any Cairo context: the one drawing routine shared by SVG, PNG and PDF.

#include "vexil/scene.h"

#include <cairo.h>

namespace vexil::render {

/// Makes `path` Cairo's current path (replacing any).
void trace_path(cairo_t* cr, const Path& path);

/// Paints the flag into the rectangle [0, width] × [0, height] of `cr`'s user space, moved right
/// and down by its allowance and bleed (so a page that much larger on each side holds all of it).
void draw_scene(const Scene& scene, cairo_t* cr, double width, double height);

} // namespace vexil::render
