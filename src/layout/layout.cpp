// build_scene: one group per layer. Each kind's unit makes the shape; this file applies what every
// layer shares — rotate, outline (fimbriation), clip and opacity — so a kind never repeats it.
#include "vexil/layout.h"
#include "diag/diag.h"
#include "geom/bleed.h"
#include "layout/repeat.h"
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace vexil {
namespace layout {
namespace {

/// The unit that lays out a kind. A switch, so that a Kind without a unit fails to compile
/// (-Wswitch, an error under VEXIL_WERROR): adding a kind is its catalogue entry and its file.
KindUnit unit_of(Kind kind) {
    switch (kind) {
    case Kind::Field:
        return field_layer;
    case Kind::Bands:
        return bands_layer;
    case Kind::Cross:
        return cross_layer;
    case Kind::Saltire:
        return saltire_layer;
    case Kind::Triangle:
        return triangle_layer;
    case Kind::Bend:
        return bend_layer;
    case Kind::Canton:
        return canton_layer;
    case Kind::Border:
        return border_layer;
    case Kind::Rect:
        return rect_layer;
    case Kind::Circle:
        return circle_layer;
    case Kind::Ellipse:
        return ellipse_layer;
    case Kind::Ring:
        return ring_layer;
    case Kind::Polygon:
        return polygon_layer;
    case Kind::Star:
        return star_layer;
    case Kind::Path:
        return path_layer;
    case Kind::Rings:
        return rings_layer;
    case Kind::Crescent:
        return crescent_layer;
    case Kind::Hammer:
        return hammer_layer;
    case Kind::Sickle:
        return sickle_layer;
    case Kind::HammerAndSickle:
        return hammer_and_sickle_layer;
    case Kind::Emblem:
        return emblem_layer;
    case Kind::Text:
        return text_layer;
    }
    throw std::logic_error("no layout unit for this kind");
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

/// Thrown when a layer cannot be laid out because of another layer's error, already reported.
struct LayerSkipped {};

/// Every id of the design, with its layer's line and whether that layer laid out: a clip naming a
/// later layer, or one that failed (already reported), is told apart from an unknown id.
struct IdInfo {
    std::uint32_t line = 0;
    bool failed = false;
};

void set_clip(Group& group, const Layer& layer,
              const std::map<std::string, Silhouette, std::less<>>& silhouettes,
              const std::map<std::string, IdInfo, std::less<>>& ids) {
    if (!layer.has(fields::clip)) return;
    const ClipRef& clip = layer.get(fields::clip);
    if (clip.box) {
        group.clip = rect_path(*clip.box);
        return;
    }
    auto it = silhouettes.find(clip.id);
    if (it != silhouettes.end()) {
        group.clip = it->second.path;
        group.clip_rule = it->second.rule;
        return;
    }
    const auto known = ids.find(clip.id);
    if (known != ids.end() && known->second.failed)
        throw LayerSkipped{}; // the layer it names is in error, and that error is reported
    if (known != ids.end())
        fail(layer, fields::clip, "clip-order",
             "clip: layer '" + clip.id + "' (line " + std::to_string(known->second.line) +
                 ") is painted after this one; a layer can only be clipped to one painted before it");
    std::vector<std::string> names;
    for (const auto& [name, path] : silhouettes)
        names.push_back(name);
    fail(layer, fields::clip, "unknown-id",
         "clip: no earlier layer has the id '" + clip.id + "'" +
             diag::suggestion_suffix(diag::did_you_mean(clip.id, names)));
}

/// Geometry may reach this many flag sizes beyond the flag: plenty for shapes cut by its edges,
/// and well inside the range Cairo's fixed-point coordinates hold at the largest output size.
constexpr double kMaxReach = 100;
/// Most path points one design may make (ten thousand 1000-point stars would be 20 million).
constexpr std::size_t kMaxPoints = 2'000'000;
/// An emblem's SVG element costs about what ten path points do (most are short paths).
constexpr std::size_t kPointsPerEmblemElement = 10;
/// A hole of a cutout (the gap either side of a ring passing over another) is drawn as one more clip
/// (render/draw.cpp), which Cairo intersects with the clips before it: measured against stars, a hole
/// costs about what 120 path points do, and 5 more for each hole before it in its cutout.
constexpr std::size_t kPointsPerHole = 120;
constexpr std::size_t kPointsPerEarlierHole = 5;

} // namespace

void check_extent(const Layer& layer, const Shape& shape, const Context& context, std::size_t& points) {
    const double reach = kMaxReach * std::max(context.width(), context.height());
    const auto check_near = [&](const Path& path) {
        for (Vec2 p : path.points())
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > reach || std::abs(p.y) > reach)
                fail(layer, "too-far",
                     "this layer reaches more than " + std::to_string(static_cast<int>(kMaxReach)) +
                         " flag sizes beyond the flag: check its sizes and positions");
    };
    for (const Item& item : shape.items) {
        points += cost(item);
        std::visit(
            [&](const auto& drawn) {
                using Drawn = std::decay_t<decltype(drawn)>;
                if constexpr (std::is_same_v<Drawn, EmblemDraw>) {
                    const Affine& m = drawn.transform;
                    if (!std::isfinite(m.a + m.b + m.c + m.d + m.e + m.f))
                        fail(layer, "too-far", "this emblem's placement is not finite");
                } else {
                    check_near(drawn.path);
                    if constexpr (std::is_same_v<Drawn, CutoutFill>) // its holes are drawn too
                        for (const Path& hole : drawn.holes)
                            check_near(hole);
                }
            },
            item);
    }
    check_near(shape.silhouette);
    points += shape.silhouette.points().size();
    check_budget(layer, points);
}

std::size_t cost(const Item& item) {
    return std::visit(
        [](const auto& drawn) -> std::size_t {
            using Drawn = std::decay_t<decltype(drawn)>;
            if constexpr (std::is_same_v<Drawn, EmblemDraw>) {
                return kPointsPerEmblemElement * drawn.elements;
            } else if constexpr (std::is_same_v<Drawn, CutoutFill>) {
                std::size_t points = drawn.path.points().size();
                for (std::size_t i = 0; i < drawn.holes.size(); ++i)
                    points += drawn.holes[i].points().size() + kPointsPerHole + kPointsPerEarlierHole * i;
                return points;
            } else {
                return drawn.path.points().size();
            }
        },
        item);
}

void check_budget(const Layer& layer, std::size_t points) {
    if (points > kMaxPoints)
        fail(layer, "limit",
             "the design would make more than " + std::to_string(kMaxPoints) + " path points by this layer");
}

Shape single_fill(Path path, Colour colour, Vec2 pivot) {
    Shape shape;
    shape.silhouette = path;
    shape.items.push_back(FillPath{std::move(path), colour, FillRule::NonZero});
    shape.pivot = pivot;
    return shape;
}

void fail(const SourceRegion& region, std::string code, std::string message) {
    diag::raise(diag::error(region, std::move(code), std::move(message)));
}

Measure span(Vec2 a, Vec2 b, std::string what) {
    return {Measure::Type::Span, a, b, distance(a, b), std::move(what)};
}
Measure centre_mark(Vec2 at, std::string what) {
    return {Measure::Type::Centre, at, at, 0, std::move(what)};
}
// The point on the circle a callout leads from: up and toward the fly, at 45°.
Measure radius_of(Vec2 centre, double radius, std::string what) {
    return {Measure::Type::Radius, centre, centre + Vec2{radius, -radius} * std::sqrt(0.5), radius,
            std::move(what)};
}
Measure diameter_of(Vec2 centre, double radius, std::string what) {
    return {Measure::Type::Diameter, centre, centre + Vec2{radius, -radius} * std::sqrt(0.5), 2 * radius,
            std::move(what)};
}
std::vector<Measure> box_spans(const Box& box, const std::string& what) {
    return {span({box.x, box.y}, {box.x + box.w, box.y}, what + " width"),
            span({box.x, box.y}, {box.x, box.y + box.h}, what + " height")};
}
Shape measured(Shape shape, std::vector<Measure> measures) {
    shape.measures.insert(shape.measures.end(), measures.begin(), measures.end());
    return shape;
}

void warn(const Context& context, const SourceRegion& region, std::string code, std::string message) {
    Diagnostic warning = diag::error(region, std::move(code), std::move(message));
    warning.severity = Severity::Warning;
    context.warnings.push_back(std::move(warning));
}

} // namespace layout

namespace layout {
namespace {

/// Copies at given points whose centres a construction sheet marks, at most.
constexpr std::size_t kMaxMarkedCopies = 6;

/// One layer laid out: its shape made by its kind's unit, turned and repeated.
Shape shape_of(const Layer& layer, const Context& context, std::size_t points) {
    try {
        Shape shape = unit_of(layer.kind)(layer, context);
        if (const double degrees = layer.get(fields::rotate); degrees != 0) {
            const Affine turn = Affine::rotate(degrees, shape.pivot);
            transform_shape(shape, turn);
            for (Measure& measure : shape.measures) {
                measure.a = turn.apply(measure.a);
                measure.b = turn.apply(measure.b);
            }
            shape.measures.push_back(
                Measure{Measure::Type::Angle, shape.pivot, shape.pivot, degrees, "turned"});
        }
        if (layer.has(fields::repeat)) {
            // Count before copying: the copies of a large shape would fill memory first.
            std::size_t one = shape.silhouette.points().size();
            for (const Item& item : shape.items)
                one += cost(item);
            check_budget(layer, points + one * copy_count(layer.get(fields::repeat)));
            // The shape's measures are reported once, at the first copy, with the pattern; the
            // shape as laid out (at the pattern's centre, for a circle) is not itself drawn.
            const Repeat& repeat = layer.get(fields::repeat);
            const Vec2 offset = first_copy(repeat, shape.pivot) - shape.pivot;
            std::vector<Measure> measures;
            for (Measure measure : shape.measures) {
                measure.a = measure.a + offset;
                measure.b = measure.b + offset;
                if (measure.type != Measure::Type::Centre || repeat.pattern != "points")
                    measures.push_back(measure);
            }
            measures.push_back(pattern_measure(repeat, shape.pivot));
            // A few copies at points the design gives each stand where it says: their centres are
            // on the sheet (China's four small stars). Many (Brazil's 27) would bury the chains.
            if (repeat.pattern == "points" && repeat.at.size() <= kMaxMarkedCopies)
                for (Vec2 p : repeat.at)
                    measures.push_back(centre_mark(p, "copy"));
            shape = replicate(shape, repeat, transform_shape);
            shape.measures = std::move(measures);
        }
        return shape;
    } catch (const std::invalid_argument& error) { // the geometry core refuses degenerate input
        fail(layer, "bad-geometry",
             "this layer's geometry cannot be drawn: a size or position is too small or too large for it (" +
                 std::string(error.what()) + ")");
    }
}

/// A layer that lies wholly off the flag draws nothing a viewer sees: legal, but rarely meant.
void warn_if_off_flag(const Layer& layer, const Shape& shape, const Context& context) {
    if (shape.silhouette.points().empty()) return;
    const Box b = shape.silhouette.bounds();
    const Box flag = context.flag_box();
    if (b.x >= flag.x + flag.w || b.y >= flag.y + flag.h || b.x + b.w <= flag.x || b.y + b.h <= flag.y)
        warn(context, layer.region, "off-flag",
             "this layer lies wholly outside the flag: nothing of it shows");
}

Group group_of(const Layer& layer, Shape& shape, const Context& context,
               const std::map<std::string, Silhouette, std::less<>>& silhouettes,
               const std::map<std::string, IdInfo, std::less<>>& ids) {
    Group group;
    group.id = layer.id;
    group.kind = std::string(kind_name(layer.kind));
    group.measures = std::move(shape.measures);
    group.opacity = layer.get(fields::opacity);
    if (group.opacity == 0 && layer.id.empty()) // with an id it may be a clip source
        warn(context, layer.where(fields::opacity), "invisible", "opacity: 0 makes this layer invisible");
    set_clip(group, layer, silhouettes, ids);
    if (layer.has(fields::outline)) {
        const Outline& outline = layer.get(fields::outline);
        if (outline.width > std::max(context.width(), context.height()))
            fail(layer, fields::outline, "out-of-range", "outline: the width is larger than the flag itself");
        // The stroke is centred on the edge: twice the width leaves `width` showing outside.
        if (outline.width > 0)
            group.items.emplace_back(StrokePath{shape.silhouette, outline.colour, 2 * outline.width});
    }
    for (auto& item : shape.items)
        group.items.push_back(std::move(item));
    return group;
}

} // namespace
} // namespace layout

namespace layout {
namespace {

/// How much farther than the bleed the art runs (the page edge cuts it there).
constexpr double kBleedOverrun = 1.05;

/// Carries a laid-out layer into the bleed: its fills, outline and clip, and its silhouette.
void extend_into_bleed(Group& group, Path& silhouette, const Box& trim, double bleed) {
    for (Item& item : group.items)
        std::visit(
            [&](auto& drawn) {
                if constexpr (!std::is_same_v<std::decay_t<decltype(drawn)>, EmblemDraw>)
                    drawn.path = geom::extend_into_bleed(drawn.path, trim, bleed);
            },
            item);
    if (group.clip) group.clip = geom::extend_into_bleed(*group.clip, trim, bleed);
    silhouette = geom::extend_into_bleed(silhouette, trim, bleed);
}

} // namespace
} // namespace layout

Scene build_scene(const Design& design, const Resources& resources, std::vector<Diagnostic>* warnings,
                  const LayoutOptions& options) {
    std::vector<Diagnostic> noticed;
    const layout::Context context{design, resources, noticed};
    Scene scene;
    scene.width = design.flag.width;
    scene.height = design.flag.height;
    scene.title = design.flag.title;
    scene.author = design.flag.author;
    scene.subject = design.flag.source;
    scene.outline = design.flag.outline;
    scene.allowance = options.allowance;
    scene.bleed = options.bleed;
    scene.colours = design.colours;
    const double overrun = (options.allowance + options.bleed).largest() * layout::kBleedOverrun;
    std::map<std::string, layout::Silhouette, std::less<>> silhouettes;
    std::map<std::string, layout::IdInfo, std::less<>> ids; // every id, for "comes later" and "failed"
    for (const Layer& layer : design.layers)
        if (!layer.id.empty()) ids.emplace(layer.id, layout::IdInfo{layer.region.begin.line, false});
    // A layer whose emblem or font could not be had was reported by load_resources: its problem
    // joins this report, and the layer (and any clipped to it) is skipped like a failed one.
    std::vector<Diagnostic> errors = resources.problems();
    std::size_t points = 0;
    for (const Layer& layer : design.layers) {
        if (resources.failed(layer)) {
            if (!layer.id.empty()) ids[layer.id].failed = true;
            continue;
        }
        try {
            layout::Shape shape = layout::shape_of(layer, context, points);
            layout::check_extent(layer, shape, context, points);
            layout::warn_if_off_flag(layer, shape, context);
            Group group = layout::group_of(layer, shape, context, silhouettes, ids);
            // The art runs a little past the page's bleed edge, which cuts it: a raster's sides are
            // rounded separately, so its bleed may be a fraction of a pixel more in one axis.
            if (overrun > 0) layout::extend_into_bleed(group, shape.silhouette, context.flag_box(), overrun);
            if (!layer.id.empty())
                silhouettes.emplace(layer.id,
                                    layout::Silhouette{std::move(shape.silhouette), shape.silhouette_rule});
            scene.groups.push_back(std::move(group));
        } catch (const InputError& error) {
            for (const Diagnostic& diagnostic : error.diagnostics())
                errors.push_back(diagnostic);
            if (!layer.id.empty()) ids[layer.id].failed = true;
            // Past the design's budget of path points every later layer would fail the same way.
            if (error.diagnostics().front().code == "limit") break;
        } catch (const layout::LayerSkipped&) {
            if (!layer.id.empty()) ids[layer.id].failed = true;
        }
    }
    if (!errors.empty()) {
        // In the order of the file, as the loader reports (resource problems came first).
        std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.region.begin.line, a.region.begin.column) <
                   std::tie(b.region.begin.line, b.region.begin.column);
        });
        diag::raise(std::move(errors));
    }
    if (warnings) warnings->insert(warnings->end(), noticed.begin(), noticed.end());
    return scene;
}

std::vector<RingCrossing> ring_crossings(const Design& design) {
    std::vector<Diagnostic> noticed;
    const Resources none;
    const layout::Context context{design, none, noticed};
    std::vector<RingCrossing> all;
    std::vector<Diagnostic> errors;
    for (std::size_t i = 0; i < design.layers.size(); ++i) {
        const Layer& layer = design.layers[i];
        if (layer.kind != Kind::Rings) continue;
        const std::string name = layer.id.empty() ? "layer " + std::to_string(i + 1) : layer.id;
        try {
            for (auto& crossing : layout::crossings_of_layer(layer, context, name))
                all.push_back(std::move(crossing));
        } catch (const InputError& error) {
            for (const Diagnostic& diagnostic : error.diagnostics())
                errors.push_back(diagnostic);
        }
    }
    if (!errors.empty()) diag::raise(std::move(errors));
    return all;
}

} // namespace vexil
