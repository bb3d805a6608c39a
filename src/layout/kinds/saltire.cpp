// kind = "saltire": two diagonal bands, corner to corner. Counterchanged, each arm keeps only the
// half on its anticlockwise side (seen from the centre), turning like a pinwheel: St Patrick's
// saltire in the Union Flag, whose upper-hoist arm has the broad white above the red.
#include "geom/polygon_clip.h"
#include "layout/unit.h"

namespace vexil::layout {
namespace {

Path half_arm(Vec2 centre, Vec2 corner, double width, const std::vector<Vec2>& quarter) {
    const Vec2 along = normalized(corner - centre);
    // Anticlockwise of the arm's direction on a y-down page.
    const Vec2 side = Vec2{along.y, -along.x} * width;
    const Vec2 far = corner + along * width * 4;
    return polygon_path(
        geom::clockwise(geom::clip_to_convex({centre, far, far + side, centre + side}, quarter)));
}

} // namespace

Shape saltire_layer(const Layer& layer, const Context& context) {
    const double width = layer.get(fields::width);
    const Box box = context.flag_box();
    const Vec2 c = context.centre();
    const Vec2 tl{0, 0}, tr{box.w, 0}, br{box.w, box.h}, bl{0, box.h};
    Path path;
    if (!layer.get(fields::counterchanged)) {
        path.append(polygon_path(geom::clockwise(geom::band_in_box(tl, br, width, box))));
        path.append(polygon_path(geom::clockwise(geom::band_in_box(bl, tr, width, box))));
    } else {
        // The diagonals cut the field into four triangles; each half-arm lies in one of them.
        const double half = width / 2;
        path.append(half_arm(c, tl, half, {c, bl, tl})); // upper hoist arm → hoist triangle
        path.append(half_arm(c, tr, half, {c, tl, tr})); // upper fly arm → top triangle
        path.append(half_arm(c, br, half, {c, tr, br})); // lower fly arm → fly triangle
        path.append(half_arm(c, bl, half, {c, br, bl})); // lower hoist arm → bottom triangle
    }
    // The arms' width, across an arm (a diagonal: a callout, not a chain).
    const Vec2 along = normalized(tr - bl), across{-along.y, along.x};
    return measured(single_fill(std::move(path), layer.get(fields::color), c),
                    {span(c - across * (width / 2), c + across * (width / 2), "saltire's arm")});
}

} // namespace vexil::layout
