// Placeholder: implemented with librsvg by the emblem work.
#include "emblem/emblem.h"

namespace vexil::emblem {

struct Document {};

Artwork load(const std::filesystem::path& file, const std::vector<Recolour>&) {
    throw LoadError(file.string() + ": emblems are not implemented yet");
}

void draw(const Document&, cairo_t*, const Affine&) {}

} // namespace vexil::emblem
