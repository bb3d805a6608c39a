// build_scene: one group per layer. Each kind's unit makes the shape; this file applies what every
// layer shares — rotate, outline (fimbriation), clip and opacity — so a kind never repeats it.
#include "vexil/layout.h"
#include "diag/diag.h"
#include "layout/repeat.h"
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace vexil {
namespace layout {
namespace {

const std::map<std::string_view, KindUnit>& units() {
    static const std::map<std::string_view, KindUnit> table = {
        {"field", field_layer},       {"bands", bands_layer},
        {"cross", cross_layer},       {"saltire", saltire_layer},
        {"triangle", triangle_layer}, {"bend", bend_layer},
        {"canton", canton_layer},     {"border", border_layer},
        {"rect", rect_layer},         {"circle", circle_layer},
        {"ellipse", ellipse_layer},   {"ring", ring_layer},
        {"polygon", polygon_layer},   {"star", star_layer},
        {"path", path_layer},         {"rings", rings_layer},
        {"crescent", crescent_layer}, {"hammer", hammer_layer},
        {"sickle", sickle_layer},     {"hammer_and_sickle", hammer_and_sickle_layer},
        {"emblem", emblem_layer},
    };
    return table;
}

void transform_shape(Shape& shape, const Affine& m) {
    for (auto& item : shape.items)
        std::visit(
            [&](auto& drawn) {
                using Drawn = std::decay_t<decltype(drawn)>;
                if constexpr (std::is_same_v<Drawn, EmblemDraw>) {
                    drawn.transform = drawn.transform.then(m);
                } else {
                    drawn.path = drawn.path.transformed(m);
                    if constexpr (std::is_same_v<Drawn, CutoutFill>)
                        for (Path& hole : drawn.holes)
                            hole = hole.transformed(m);
                }
            },
            item);
    shape.silhouette = shape.silhouette.transformed(m);
}

struct Silhouette {
    Path path;
    FillRule rule;
};

void set_clip(Group& group, const Layer& layer,
              const std::map<std::string, Silhouette, std::less<>>& silhouettes,
              const std::map<std::string, std::uint32_t, std::less<>>& later) {
    if (!layer.has("clip")) return;
    const FieldValue& value = layer.fields.find("clip")->second.value;
    if (const auto* box = std::get_if<std::vector<double>>(&value)) {
        group.clip = rect_path({(*box)[0], (*box)[1], (*box)[2], (*box)[3]});
        return;
    }
    const std::string& id = std::get<std::string>(value);
    auto it = silhouettes.find(id);
    if (it == silhouettes.end() && later.count(id))
        fail(layer, "clip", "clip-order",
             "clip: layer '" + id + "' (line " + std::to_string(later.at(id)) +
                 ") is painted after this one; a layer can only be clipped to one painted before it");
    if (it == silhouettes.end()) {
        std::vector<std::string> known;
        for (const auto& [name, path] : silhouettes)
            known.push_back(name);
        fail(layer, "clip", "unknown-id",
             "clip: no earlier layer has the id '" + id + "'" +
                 diag::suggestion_suffix(diag::did_you_mean(id, known)));
    }
    group.clip = it->second.path;
    group.clip_rule = it->second.rule;
}

/// Geometry may reach this many flag sizes beyond the flag: plenty for shapes cut by its edges,
/// and well inside the range Cairo's fixed-point coordinates hold at the largest output size.
constexpr double kMaxReach = 100;
/// Most path points one design may make (ten thousand 1000-point stars would be 20 million).
constexpr std::size_t kMaxPoints = 2'000'000;
/// An emblem's SVG element costs about what ten path points do (most are short paths).
constexpr std::size_t kPointsPerEmblemElement = 10;

} // namespace

void check_extent(const Layer& layer, const Shape& shape, const Context& context, std::size_t& points) {
    const double reach = kMaxReach * std::max(context.width(), context.height());
    const auto check = [&](const Path& path) {
        points += path.points().size();
        for (Vec2 p : path.points())
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > reach || std::abs(p.y) > reach)
                fail(layer, "kind", "too-far",
                     "this layer reaches more than " + std::to_string(static_cast<int>(kMaxReach)) +
                         " flag sizes beyond the flag: check its sizes and positions");
    };
    for (const Item& item : shape.items)
        std::visit(
            [&](const auto& drawn) {
                if constexpr (std::is_same_v<std::decay_t<decltype(drawn)>, EmblemDraw>) {
                    points += cost(item);
                    const Affine& m = drawn.transform;
                    if (!std::isfinite(m.a + m.b + m.c + m.d + m.e + m.f))
                        fail(layer, "kind", "too-far", "this emblem's placement is not finite");
                } else {
                    check(drawn.path);
                }
            },
            item);
    check(shape.silhouette);
    check_budget(layer, points);
}

std::size_t cost(const Item& item) {
    return std::visit(
        [](const auto& drawn) -> std::size_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(drawn)>, EmblemDraw>)
                return kPointsPerEmblemElement * drawn.elements;
            else
                return drawn.path.points().size();
        },
        item);
}

void check_budget(const Layer& layer, std::size_t points) {
    if (points > kMaxPoints)
        fail(layer, "kind", "limit",
             "the design would make more than " + std::to_string(kMaxPoints) + " path points by this layer");
}

Shape single_fill(Path path, Colour colour, Vec2 pivot) {
    Shape shape;
    shape.silhouette = path;
    shape.items.push_back(FillPath{std::move(path), colour, FillRule::NonZero});
    shape.pivot = pivot;
    return shape;
}

void fail(const Layer& layer, std::string_view field, std::string code, std::string message) {
    diag::raise(diag::error(layer.where(field), std::move(code), std::move(message)));
}

} // namespace layout

Scene build_scene(const Design& design) {
    const layout::Context context{design};
    Scene scene;
    scene.width = design.flag.width;
    scene.height = design.flag.height;
    scene.title = design.flag.title;
    scene.outline = design.flag.outline;
    std::map<std::string, layout::Silhouette, std::less<>> silhouettes;
    std::map<std::string, std::uint32_t, std::less<>> ids_and_lines; // every id, for "comes later"
    for (const Layer& layer : design.layers)
        if (!layer.id.empty()) ids_and_lines.emplace(layer.id, layer.region.begin.line);
    std::size_t points = 0;
    for (const Layer& layer : design.layers) {
        layout::Shape shape;
        try {
            shape = layout::units().at(layer.kind)(layer, context);
            if (const double degrees = layer.number("rotate"); degrees != 0)
                layout::transform_shape(shape, Affine::rotate(degrees, shape.pivot));
            if (layer.has("repeat")) {
                // Count before copying: the copies of a large shape would fill memory first.
                std::size_t one = shape.silhouette.points().size();
                for (const Item& item : shape.items)
                    one += layout::cost(item);
                layout::check_budget(layer, points + one * layout::copy_count(layer.repeat("repeat")));
                shape = layout::replicate(shape, layer.repeat("repeat"), layout::transform_shape);
            }
        } catch (const std::invalid_argument& error) { // the geometry core refuses degenerate input
            layout::fail(layer, "kind", "bad-geometry",
                         "this layer's geometry cannot be drawn: a size or position is too small or too "
                         "large for it (" +
                             std::string(error.what()) + ")");
        }
        layout::check_extent(layer, shape, context, points);
        Group group;
        group.id = layer.id;
        group.opacity = layer.number("opacity");
        layout::set_clip(group, layer, silhouettes, ids_and_lines);
        if (layer.has("outline")) {
            const Outline& outline = layer.outline("outline");
            if (outline.width > std::max(design.flag.width, design.flag.height))
                layout::fail(layer, "outline", "out-of-range",
                             "outline: the width is larger than the flag itself");
            // The stroke is centred on the edge: twice the width leaves `width` showing outside.
            if (outline.width > 0)
                group.items.push_back(StrokePath{shape.silhouette, outline.colour, 2 * outline.width});
        }
        for (auto& item : shape.items)
            group.items.push_back(std::move(item));
        if (!layer.id.empty())
            silhouettes.emplace(layer.id,
                                layout::Silhouette{std::move(shape.silhouette), shape.silhouette_rule});
        scene.groups.push_back(std::move(group));
    }
    return scene;
}

std::vector<RingCrossing> ring_crossings(const Design& design) {
    const layout::Context context{design};
    std::vector<RingCrossing> all;
    for (std::size_t i = 0; i < design.layers.size(); ++i) {
        const Layer& layer = design.layers[i];
        if (layer.kind != "rings") continue;
        const std::string name = layer.id.empty() ? "layer " + std::to_string(i + 1) : layer.id;
        for (auto& crossing : layout::crossings_of_layer(layer, context, name))
            all.push_back(std::move(crossing));
    }
    return all;
}

} // namespace vexil
