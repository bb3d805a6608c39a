// text.h and words.h in the library: each function calls the text plugin (libvexil-text.so, loaded
// the first time a design has words or a page has captions), so Pango and its stack (HarfBuzz,
// FriBidi) are not loaded by every run.
#include "plugin/plugin.h"
#include "text/plugin.h"
#include "vexil/diagnostic.h"

#include <algorithm>
#include <cctype>

namespace vexil::text {
namespace {

constexpr const char* kLibrary = "libvexil-text.so";

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

} // namespace

Lettering shape(const Request& request) {
    static const auto shape_v1 =
        plugin::entry<decltype(&vexil_text_shape_v1)>(kLibrary, "vexil_text_shape_v1");
    Lettering lettering;
    Outcome outcome;
    shape_v1(request, lettering, outcome);
    if (outcome.failed) throw IoError("shaping text: " + outcome.message);
    return lettering;
}

std::vector<std::string> installed_families() {
    static const auto families_v1 =
        plugin::entry<decltype(&vexil_text_families_v1)>(kLibrary, "vexil_text_families_v1");
    std::vector<std::string> families;
    families_v1(families);
    return families;
}

std::string installed_family(std::string_view family) {
    for (const std::string& name : installed_families())
        if (lower(name) == lower(family)) return name;
    return {};
}

std::string add_font_file(const std::string& path) {
    static const auto add_v1 =
        plugin::entry<decltype(&vexil_text_add_font_file_v1)>(kLibrary, "vexil_text_add_font_file_v1");
    std::string family;
    add_v1(path, family);
    return family;
}

} // namespace vexil::text

namespace vexil::render {
namespace {

void measure(cairo_t* cr, const Words& words, Vec2& size, double& baseline) {
    static const auto measure_v1 =
        plugin::entry<decltype(&vexil_words_measure_v1)>(text::kLibrary, "vexil_words_measure_v1");
    measure_v1(cr, words, size, baseline);
}

} // namespace

double draw_words(cairo_t* cr, double x, double y, const Words& words, WordsAs as) {
    static const auto draw_v1 =
        plugin::entry<decltype(&vexil_words_draw_v1)>(text::kLibrary, "vexil_words_draw_v1");
    double height = 0;
    draw_v1(cr, x, y, words, as, height);
    return height;
}

Vec2 words_size(cairo_t* cr, const Words& words) {
    Vec2 size;
    double baseline = 0;
    measure(cr, words, size, baseline);
    return size;
}

double words_baseline(cairo_t* cr, const Words& words) {
    Vec2 size;
    double baseline = 0;
    measure(cr, words, size, baseline);
    return baseline;
}

} // namespace vexil::render
