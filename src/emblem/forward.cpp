// emblem.h's read, parse and draw in the library: each calls the emblem plugin (libvexil-emblem.so,
// loaded the first time a design has an emblem), so librsvg and its stack (GIO, gdk-pixbuf,
// libxml2) are not loaded by every run. Failures come back as values and are thrown here again.
#include "emblem/emblem.h"
#include "emblem/plugin.h"
#include "plugin/plugin.h"
#include "vexil/diagnostic.h"

namespace vexil::emblem {
namespace {

constexpr const char* kLibrary = "libvexil-emblem.so";

void rethrow(const Outcome& outcome) {
    if (outcome.failure == Outcome::Failure::Load) throw LoadError(outcome.message);
    if (outcome.failure == Outcome::Failure::Io) throw IoError(outcome.message);
}

} // namespace

std::string read(const std::filesystem::path& file) {
    static const auto read_v1 =
        plugin::entry<decltype(&vexil_emblem_read_v1)>(kLibrary, "vexil_emblem_read_v1");
    std::string bytes;
    Outcome outcome;
    read_v1(file, bytes, outcome);
    rethrow(outcome);
    return bytes;
}

Artwork parse(std::string svg, const std::string& name, const std::vector<Recolour>& recolour) {
    static const auto parse_v1 =
        plugin::entry<decltype(&vexil_emblem_parse_v1)>(kLibrary, "vexil_emblem_parse_v1");
    Artwork artwork;
    Outcome outcome;
    parse_v1(std::move(svg), name, recolour, artwork, outcome);
    rethrow(outcome);
    return artwork;
}

void draw(const Document& document, cairo_t* cr, const Affine& to_design) {
    static const auto draw_v1 =
        plugin::entry<decltype(&vexil_emblem_draw_v1)>(kLibrary, "vexil_emblem_draw_v1");
    Outcome outcome;
    draw_v1(document, cr, to_design, outcome);
    rethrow(outcome);
}

} // namespace vexil::emblem
