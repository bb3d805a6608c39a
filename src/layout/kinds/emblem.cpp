// kind = "emblem": SVG artwork, scaled (aspect kept) into a box centred on `at`. The artwork was
// read and parsed before layout (load_resources); this only places it.
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace vexil::layout {

Shape emblem_layer(const Layer& layer, const Context& context) {
    const Vec2 at = layer.get(fields::at);
    const bool by_height = layer.has(fields::height), by_size = layer.has(fields::size);
    if (by_height == by_size)
        fail(
            by_size ? layer.where(fields::size) : layer.where(fields::height),
            "emblem-size", // neither: at the layer
            by_size
                ? "an emblem takes `height` or `size`, not both"
                : "an emblem needs its size: `height = …` (the width follows the artwork) or `size = [w, h]` "
                  "(the artwork fits inside)");

    const std::string& file = layer.get(fields::file);
    const Artwork* found =
        context.resources.artwork(file, layer.get_or(fields::recolor, std::vector<Recolour>{}));
    if (!found) // load_resources reads every emblem first; reaching here is a caller's mistake
        throw std::logic_error("emblem '" + file +
                               "' was not loaded: call load_resources before build_scene");
    const Artwork& artwork = *found;

    // The artwork's own box (its viewBox), scaled uniformly and centred on `at`.
    const Box& own = artwork.intrinsic;
    double scale = 0;
    if (by_height) {
        scale = layer.get(fields::height) / own.h;
    } else {
        const Vec2 size = layer.get(fields::size);
        scale = std::min(size.x / own.w, size.y / own.h);
    }
    const Box placed{at.x - own.w * scale / 2, at.y - own.h * scale / 2, own.w * scale, own.h * scale};
    const Affine to_design{scale, 0, 0, scale, placed.x - own.x * scale, placed.y - own.y * scale};

    Shape shape;
    shape.items.push_back(EmblemDraw{artwork.document, to_design,
                                     std::filesystem::path(file).filename().string(), artwork.elements});
    shape.silhouette = rect_path(placed); // what `outline` and `clip` see: the artwork's box
    shape.pivot = at;
    shape.measures = box_spans(placed, "emblem's box");
    shape.measures.push_back(centre_mark(at, "emblem"));
    return shape;
}

} // namespace vexil::layout
