// libFuzzer target: an SVG emblem's bytes → emblem::parse (the checks on size, encoding, external
// references and data: URLs, the recolouring, librsvg's parse, the count of elements a drawing
// visits and the trial drawing) → emblem::draw into a 64 × 64 image, as an `emblem` layer does.
// The target is linked with the emblem plugin's own sources (fuzz/CMakeLists.txt), so it calls
// them directly, not through dlopen.
//
// A LoadError (an emblem refused, with a message for the designer) is an expected outcome. Any
// other exception, a crash, a sanitizer report, a hang or a blow-up in memory is a finding.
// librsvg itself is not instrumented: coverage guides the fuzzer through vexil's own code.
#include "cairo/handles.h"
#include "emblem/emblem.h"
#include "emblem/svg_text.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace vexil;

namespace {

/// The recolouring an `emblem` layer would ask for, picked by the input's length so that one input
/// is always read the same way: none, black to red (which also fills a root without a fill), or a
/// table of several colours, transparent among them.
std::vector<Recolour> recolouring(std::size_t size) {
    const Colour black{0, 0, 0, 1}, white{1, 1, 1, 1}, red{1, 0, 0, 1}, clear{0, 0, 0, 0};
    switch (size % 3) {
    case 1:
        return {{black, red}};
    case 2:
        return {{white, black}, {red, clear}, {Colour{0, 0, 1, 1}, Colour{0.5, 0.25, 0.125, 0.5}}};
    default:
        return {};
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string svg(reinterpret_cast<const char*>(data), size);
    try {
        const Artwork artwork = emblem::parse(std::move(svg), "fuzz.svg", recolouring(size));
        if (!artwork.document) std::abort();
        const Box box = artwork.intrinsic;
        if (!(box.w > 0 && box.h > 0)) {
            std::fprintf(stderr, "fuzz_emblem: an artwork of no size was accepted\n");
            std::abort();
        }
        // An IoError from draw (librsvg refusing what parse's trial drawing accepted) escapes: a finding.
        const cairo::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64));
        const cairo::ContextPtr cr(cairo_create(surface.get()));
        const Affine to_design{64 / box.w, 0, 0, 64 / box.h, -box.x * 64 / box.w, -box.y * 64 / box.h};
        emblem::draw(*artwork.document, cr.get(), to_design);
    } catch (const emblem::LoadError&) {
    }
    return 0;
}
