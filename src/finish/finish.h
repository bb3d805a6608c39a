#pragma once
// Print finishing: the stage after the backend that edits the PDF Cairo wrote, for what Cairo 1.16
// cannot say (page boxes now; spot colours and output intents next). The only user of qpdf.

#include <string>

namespace vexil::finish {

/// A rectangle on a PDF page, in points from its lower-left corner.
struct PageBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// The PDF with every page's TrimBox (the finished flag) and BleedBox (the trim plus bleed: the
/// whole page here, so it equals the MediaBox) set. Written with a deterministic /ID, so the same
/// input gives the same bytes. Throws IoError when the PDF cannot be read or written.
std::string set_page_boxes(const std::string& pdf, const PageBox& trim, const PageBox& bleed);

} // namespace vexil::finish
