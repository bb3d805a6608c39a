#pragma once
// Draws a Scene onto any Cairo context: the one drawing routine shared by SVG, PNG and PDF.

#include "vexil/scene.h"

#include <cairo.h>

namespace vexil::render {

/// Paints `scene`'s trim into the rectangle [0, width] × [0, height] of `cr`'s user space, moved
/// right and down by its bleed (so a page one bleed larger on every side holds all of it).
void draw_scene(const Scene& scene, cairo_t* cr, double width, double height);

} // namespace vexil::render
