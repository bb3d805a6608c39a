// kind = "hammer", "sickle", "hammer_and_sickle": the charge of the Soviet state flag, drawn by
// geom/charges in a unit square and placed here in the square of side `size` centred on `at`.
// `hammer` and `sickle` are the two parts of `hammer_and_sickle`, in the same square: a hammer
// layer and a sickle layer with the same `at` and `size` overlay to exactly the whole charge.
#include "geom/charges.h"
#include "layout/unit.h"

namespace vexil::layout {
namespace {

geom::HammerSickle proportions(const Layer& layer) {
    geom::HammerSickle p;
    if (layer.has(fields::blade)) p.blade = layer.get(fields::blade);
    if (layer.has(fields::handle)) p.handle = layer.get(fields::handle);
    if (layer.has(fields::head)) p.head = layer.get(fields::head);
    return p;
}

/// The unit-square outline placed in the layer's square, mirrored left-right if asked. A mirror
/// image runs the other way round, so it is reversed to stay clockwise.
Shape place(const Layer& layer, const Path& unit) {
    const Vec2 at = layer.get(fields::at);
    const double size = layer.get(fields::square_size);
    const bool mirror = layer.get(fields::mirror);
    const Affine m = Affine::translate({-0.5, -0.5})
                         .then(Affine::scale(mirror ? -size : size, size))
                         .then(Affine::translate(at));
    Path placed = unit.transformed(m);
    if (mirror) placed = placed.reversed();
    const Box square{at.x - size / 2, at.y - size / 2, size, size};
    return measured(single_fill(std::move(placed), layer.get(fields::color), at),
                    {centre_mark(at, std::string(kind_name(layer.kind))),
                     span({square.x, square.y}, {square.x + size, square.y}, "the square it is drawn in")});
}

} // namespace

Shape hammer_layer(const Layer& layer, const Context&) {
    return place(layer, geom::hammer_path(proportions(layer)));
}

Shape sickle_layer(const Layer& layer, const Context&) {
    return place(layer, geom::sickle_path(proportions(layer)));
}

Shape hammer_and_sickle_layer(const Layer& layer, const Context&) {
    const geom::HammerSickle p = proportions(layer);
    Path both = geom::sickle_path(p);
    both.append(geom::hammer_path(p)); // the hammer over the sickle; one colour, so their union
    return place(layer, both);
}

} // namespace vexil::layout
