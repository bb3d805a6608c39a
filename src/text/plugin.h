#pragma once
// The text plugin's entries (libvexil-text.so, the only user of Pango): text.h's shaping and
// fonts, and words.h's words, with failures returned as values. text/forward.cpp, in the
// library, calls them.

#include "text/text.h"
#include "text/words.h"

#include <string>
#include <vector>

namespace vexil::text {

struct Outcome {
    bool failed = false;
    std::string message;
};

} // namespace vexil::text

extern "C" {
void vexil_text_shape_v1(const vexil::text::Request& request, vexil::Lettering& lettering,
                         vexil::text::Outcome& outcome);
void vexil_text_families_v1(std::vector<std::string>& families);
void vexil_text_add_font_file_v1(const std::string& path, std::string& family);
void vexil_words_draw_v1(cairo_t* cr, double x, double y, const vexil::render::Words& words,
                         vexil::render::WordsAs as, double& height);
void vexil_words_measure_v1(cairo_t* cr, const vexil::render::Words& words, vexil::Vec2& size,
                            double& baseline);
}
