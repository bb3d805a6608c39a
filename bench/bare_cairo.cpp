// The floor for vexil's SVG and PDF: a program that links Cairo alone and writes one filled
// rectangle, 1500 × 1000, to the SVG or PDF named on its command line. Issue "Speed" asks for an
// SVG or PDF render within 1.5 × this program's time; bench/run.sh times both side by side.
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <cstring>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const bool pdf = std::strstr(argv[1], ".pdf") != nullptr;
    cairo_surface_t* surface =
        pdf ? cairo_pdf_surface_create(argv[1], 1500, 1000) : cairo_svg_surface_create(argv[1], 1500, 1000);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.74, 0, 0.18);
    cairo_rectangle(cr, 0, 0, 1500, 1000);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok ? 0 : 1;
}
