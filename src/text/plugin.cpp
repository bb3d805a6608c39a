// See plugin.h.
#include "text/plugin.h"

#define VEXIL_ENTRY extern "C" __attribute__((visibility("default"))) void

VEXIL_ENTRY vexil_text_shape_v1(const vexil::text::Request& request, vexil::Lettering& lettering,
                                vexil::text::Outcome& outcome) {
    try {
        lettering = vexil::text::shape(request);
    } catch (const std::exception& error) {
        outcome.failed = true;
        outcome.message = error.what();
    }
}

VEXIL_ENTRY vexil_text_families_v1(std::vector<std::string>& families) {
    families = vexil::text::installed_families();
}

VEXIL_ENTRY vexil_text_add_font_file_v1(const std::string& path, std::string& family) {
    family = vexil::text::add_font_file(path);
}

VEXIL_ENTRY vexil_words_draw_v1(cairo_t* cr, double x, double y, const vexil::render::Words& words,
                                vexil::render::WordsAs as, double& height) {
    height = vexil::render::draw_words(cr, x, y, words, as);
}

VEXIL_ENTRY vexil_words_measure_v1(cairo_t* cr, const vexil::render::Words& words, vexil::Vec2& size,
                                   double& baseline) {
    size = vexil::render::words_size(cr, words);
    baseline = vexil::render::words_baseline(cr, words);
}
