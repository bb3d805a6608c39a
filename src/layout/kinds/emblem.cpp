// kind = "emblem": SVG artwork from a file, scaled (aspect kept) into a box centred on `at`.
#include "emblem/emblem.h"
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace vexil::layout {

Shape emblem_layer(const Layer& layer, const Context&) {
    const Vec2 at = layer.pair("at");
    const bool by_height = layer.has("height"), by_size = layer.has("size");
    if (by_height == by_size)
        fail(
            layer, by_size ? "size" : "height", "emblem-size", // neither: at the layer
            by_size
                ? "an emblem takes `height` or `size`, not both"
                : "an emblem needs its size: `height = …` (the width follows the artwork) or `size = [w, h]` "
                  "(the artwork fits inside)");
    if (by_size) {
        const Vec2 size = layer.pair("size");
        if (!(size.x >= 0 && size.y >= 0))
            fail(layer, "size", "out-of-range", "size: the box's width and height must be at least 0");
    }

    const std::string& file = layer.text("file");
    emblem::Artwork artwork;
    try {
        artwork =
            emblem::load(file, layer.has("recolor") ? layer.recolours("recolor") : std::vector<Recolour>{});
    } catch (const emblem::LoadError& error) {
        fail(layer, "file", "bad-emblem", std::string("file: ") + error.what());
    }

    // The artwork's own box (its viewBox), scaled uniformly and centred on `at`.
    const Box& own = artwork.intrinsic;
    double scale = 0;
    if (by_height) {
        scale = layer.number("height") / own.h;
    } else {
        const Vec2 size = layer.pair("size");
        scale = std::min(size.x / own.w, size.y / own.h);
    }
    const Box placed{at.x - own.w * scale / 2, at.y - own.h * scale / 2, own.w * scale, own.h * scale};
    const Affine to_design{scale, 0, 0, scale, placed.x - own.x * scale, placed.y - own.y * scale};

    Shape shape;
    shape.items.push_back(EmblemDraw{std::move(artwork.document), to_design,
                                     std::filesystem::path(file).filename().string(), artwork.elements});
    shape.silhouette = rect_path(placed); // what `outline` and `clip` see: the artwork's box
    shape.pivot = at;
    return shape;
}

} // namespace vexil::layout
