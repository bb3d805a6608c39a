#pragma once
// A print PDF: the flag at its size with the allowance and bleed the scene was laid out with, and,
// around them, room for the marks. Drawn by Cairo, then finished (page boxes, inks, output intent,
// XMP) by the finish stage.

#include "finish/finish.h"
#include "render/cairo_handles.h"
#include "vexil/render.h"

#include <string>

namespace vexil::render {

/// Where things sit on a print page: page units from its top-left corner, y down (Cairo's), one
/// unit being `user_unit` points (1 unless the page is larger than a PDF page can be in points).
struct PrintPage {
    double user_unit = 1;
    double per_design_unit = 1; ///< page units per design unit (the drawn size, after --scale)
    double per_point = 1;       ///< page units per point of the full-size flag (1/scale/user_unit)
    double margin = 0;          ///< room for marks around the bleed
    Box media, bleed, cut, flag;
};

/// Whether `options` ask for a print page rather than Cairo's plain PDF.
bool is_print_pdf(const Scene& scene, const OutputSize& size, const RenderOptions& options);
/// Throws InputError when the page would be larger than kMaxPdfUserUnit allows.
PrintPage print_page(const Scene& scene, const OutputSize& size, const RenderOptions& options);
std::string render_print_pdf(const Scene& scene, const OutputSize& size, const RenderOptions& options);

/// The proof (vexil::render_proof).
std::string render_proof_pdf(const Scene& scene, const RenderOptions& options);

/// The design's colours as the colour bar lists them: every named colour in the design's order,
/// then any other colour the scene paints, named by its hex value.
std::vector<NamedColour> colours_of(const Scene& scene);

/// Marks outside the bleed: crop marks at the cut's corners, registration targets, the colour bar
/// and the slug line. In the registration colour, which prints on every plate.
void draw_marks(cairo_t* cr, const Scene& scene, const PrintPage& page, const OutputSize& size,
                const RenderOptions& options);
/// Text as filled outlines (no font in the file), left-aligned with its baseline at `x`, `y`.
void draw_outlined_text(cairo_t* cr, double x, double y, double size, const std::string& text);

/// The colours the finish stage recognises (not 8-bit values, so no design colour is ever one):
/// the registration colour (Separation /All) and the cut path (Separation /CutContour).
inline constexpr Colour kRegistration{0.5 / 255, 1.5 / 255, 2.5 / 255, 1};
inline constexpr Colour kCutContour{254.5 / 255, 0.5 / 255, 254.5 / 255, 1};

/// finish::finish_pdf, through the finish plugin, loaded on first use (finish_loader.cpp).
std::string finish_pdf(const std::string& pdf, const finish::Finishing& finishing);

/// The XMP packet of a print PDF: title, author, source, creator and the design's print colours.
std::string xmp_packet(const Scene& scene, const RenderOptions& options);

} // namespace vexil::render
