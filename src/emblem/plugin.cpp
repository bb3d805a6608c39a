// See plugin.h: emblem.cpp's functions, their exceptions turned into outcomes.
#include "emblem/plugin.h"

#include "vexil/diagnostic.h"

namespace {

template <typename F> void guarded(vexil::emblem::Outcome& outcome, F&& f) {
    using Failure = vexil::emblem::Outcome::Failure;
    try {
        f();
        outcome.failure = Failure::None;
    } catch (const vexil::emblem::LoadError& error) {
        outcome.failure = Failure::Load;
        outcome.message = error.what();
    } catch (const std::exception& error) {
        outcome.failure = Failure::Io;
        outcome.message = error.what();
    }
}

} // namespace

extern "C" __attribute__((visibility("default"))) void
vexil_emblem_read_v1(const std::filesystem::path& file, std::string& bytes, vexil::emblem::Outcome& outcome) {
    guarded(outcome, [&] { bytes = vexil::emblem::read(file); });
}

extern "C" __attribute__((visibility("default"))) void
vexil_emblem_parse_v1(std::string svg, const std::string& name, const std::vector<vexil::Recolour>& recolour,
                      vexil::Artwork& artwork, vexil::emblem::Outcome& outcome) {
    guarded(outcome, [&] { artwork = vexil::emblem::parse(std::move(svg), name, recolour); });
}

extern "C" __attribute__((visibility("default"))) void
vexil_emblem_draw_v1(const vexil::emblem::Document& document, cairo_t* cr, const vexil::Affine& to_design,
                     vexil::emblem::Outcome& outcome) {
    guarded(outcome, [&] { vexil::emblem::draw(document, cr, to_design); });
}
