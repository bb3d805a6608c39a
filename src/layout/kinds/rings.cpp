// kind = "rings": interlocking rings, woven. The centres come from a pattern (or are given), the
// weave from geom/weave: each junction of bands gets a stack of rings, bottom to top.
//
// Drawing. With a gap, every ring is one filled annulus minus the gap-widened sectors of the rings
// that pass over it at each junction: the holes show whatever lies beneath, and no two pieces of the
// same band ever abut, so nothing can seam. Without a gap, the rings are painted whole in order and
// each over-strand's sector is painted again on top, in stack order; a sector's ends lie on its own
// band, over the same colour, so they cannot seam either.
#include "diag/diag.h"
#include "geom/tolerance.h"
#include "geom/weave.h"
#include "layout/unit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace vexil::layout {
namespace {

std::vector<Vec2> pattern_centres(const Layer& layer, const Context& context) {
    const Vec2 at = layer.has(fields::at) ? layer.get(fields::at) : context.centre();
    const double r = layer.get(fields::radius);
    const std::string& pattern = layer.get(fields::pattern);
    const auto spacing = [&](double fallback) {
        return layer.has(fields::spacing) ? layer.get(fields::spacing) : fallback;
    };
    std::vector<Vec2> centres;
    if (pattern == "flower") {
        // The middle ring, then six around it, the first toward the fly, clockwise every 60°.
        const double s = spacing(r);
        centres.push_back(at);
        for (int k = 0; k < 6; ++k)
            centres.push_back(at + heading(90 + 60.0 * k) * s);
    } else if (pattern == "row") {
        const int count = layer.get(fields::count);
        const double s = spacing(1.6 * r);
        for (int k = 0; k < count; ++k)
            centres.push_back(at + Vec2{(k - (count - 1) / 2.0) * s, 0});
    } else if (pattern == "circle") {
        const int count = layer.get(fields::count);
        for (int k = 0; k < count; ++k)
            centres.push_back(at + heading(360.0 * k / count) * spacing(r));
    } else { // olympic: blue, yellow, black, green, red — top, bottom, top, bottom, top, left to right
        // Default spacing 22/9 r: top centres 0.3667 of the hoist apart for r = 0.15 hoist.
        const double s = spacing(22.0 / 9.0 * r);
        const double drop = layer.has(fields::drop) ? layer.get(fields::drop) : r;
        for (int k = 0; k < 5; ++k)
            centres.push_back(at + Vec2{(k - 2) * s / 2, k % 2 ? drop : 0});
    }
    return centres;
}

std::vector<Vec2> ring_centres(const Layer& layer, const Context& context) {
    if (!layer.has(fields::centers)) return pattern_centres(layer, context);
    const Vec2 offset = layer.has(fields::at) ? layer.get(fields::at) : Vec2{};
    std::vector<Vec2> centres;
    for (Vec2 c : layer.get(fields::centers))
        centres.push_back(c + offset);
    if (centres.size() > 64) fail(layer, fields::centers, "limit", "centers: at most 64 rings in one layer");
    return centres;
}

geom::WeaveRule weave_rule(const Layer& layer) {
    const std::string& weave = layer.get(fields::weave);
    if (weave == "none") return geom::WeaveRule::None;
    return weave == "alternate" ? geom::WeaveRule::Alternate : geom::WeaveRule::AlternateReversed;
}

/// The layer's `over` triples as rules. Two triples naming one crossing in opposite directions
/// are an error (added to `conflicts`: which one should win?); the same triple twice is a warning.
std::vector<geom::OverRule> over_rules(const Layer& layer, const Context& context,
                                       std::vector<Diagnostic>& conflicts) {
    std::vector<geom::OverRule> rules;
    if (!layer.has(fields::over)) return rules;
    const auto& triples = layer.get(fields::over);
    std::map<std::tuple<int, int, int>, const Triple*> seen; // by (lower ring, higher ring, k)
    for (const Triple& triple : triples) {
        const auto crossing =
            std::tuple{std::min(triple.a, triple.b), std::max(triple.a, triple.b), triple.k};
        const auto [it, fresh] = seen.emplace(crossing, &triple);
        const auto line = [](const Triple& t) {
            return std::to_string(t.region.begin.line) + ":" + std::to_string(t.region.begin.column);
        };
        if (!fresh && it->second->a != triple.a)
            conflicts.push_back(diag::error(
                triple.region, "conflicting-over",
                "over: [" + std::to_string(triple.a) + ", " + std::to_string(triple.b) + ", " +
                    std::to_string(triple.k) + "] contradicts [" + std::to_string(it->second->a) + ", " +
                    std::to_string(it->second->b) + ", " + std::to_string(it->second->k) + "] at " +
                    line(*it->second) + ": a crossing has one ring on top; keep one of them"));
        else if (!fresh)
            warn(context, triple.region, "repeated-over",
                 "over: [" + std::to_string(triple.a) + ", " + std::to_string(triple.b) + ", " +
                     std::to_string(triple.k) + "] is given twice (first at " + line(*it->second) + ")");
        rules.push_back({triple.a, triple.b, triple.k});
    }
    return rules;
}

/// Whether the overlap of the bands of rings x and y near `at` lies wholly under the band and gap of
/// ring `top` (sampled across x's band over the arc where it meets y).
bool hidden_under(const geom::Circle& x, const geom::Circle& y, const geom::Circle& top, double half,
                  double gap, Vec2 at) {
    const auto arc = geom::meeting_arc(x, half, y, half, at);
    if (!arc) return true;
    constexpr int kAlong = 64, kAcross = 6;
    for (int i = 0; i <= kAlong; ++i) {
        const Vec2 u = heading(arc->start + (arc->end - arc->start) * i / kAlong);
        for (int j = 0; j <= kAcross; ++j) {
            const Vec2 p = x.centre + u * (x.radius - half + 2 * half * j / kAcross);
            const bool in_y = std::abs(distance(p, y.centre) - y.radius) <= half;
            const bool in_top = std::abs(distance(p, top.centre) - top.radius) <= half + gap;
            if (in_y && !in_top) return false;
        }
    }
    return true;
}

/// Whether ring `upper` cuts its gap into ring `lower` at a junction. Always, where two rings
/// cross. At a multi-crossing, two rings of one colour beneath the top ring merge instead, when their
/// overlap lies wholly under the top ring's band and gap (the petal tips of the Earth flag); where it
/// reaches out beyond it (rings touching at the Earth flag's centre), they weave with gaps too.
bool cuts(const geom::Junction& junction, int upper, int lower, const std::vector<Colour>& colours,
          const std::vector<geom::Circle>& rings, double half, double gap) {
    const int top = junction.stack.back();
    if (junction.rings.size() == 2 || upper == top || !(colours[upper] == colours[lower])) return true;
    return !hidden_under(rings[lower], rings[upper], rings[top], half, gap, junction.at);
}

struct Weave {
    std::vector<geom::Circle> rings;
    std::vector<geom::Junction> junctions;
};

Weave weave_of(const Layer& layer, const Context& context) {
    const std::vector<Vec2> centres = ring_centres(layer, context);
    const double radius = layer.get(fields::radius);
    const double half = layer.get(fields::width) / 2;
    // Said before the band's width, which a zero radius would otherwise be blamed on.
    if (radius <= 0) fail(layer, fields::radius, "out-of-range", "radius: a ring's radius must be positive");
    if (half >= radius)
        fail(layer, fields::width, "out-of-range", "width: a ring's band must be narrower than its diameter");
    Weave weave;
    for (std::size_t i = 0; i < centres.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (distance(centres[i], centres[j]) < geom::kLengthEpsilon)
                fail(layer.has(fields::centers) ? layer.where(fields::centers) : layer.where(fields::spacing),
                     "duplicate-ring",
                     "rings " + std::to_string(j) + " and " + std::to_string(i) +
                         " lie on top of each other");
        weave.rings.push_back({centres[i], radius});
    }
    weave.junctions = geom::find_junctions(weave.rings, half, layer.get(fields::gap));
    std::vector<Diagnostic> problems; // every conflicting and every unmatched triple, in one report
    const auto rules = over_rules(layer, context, problems);
    const auto decision = geom::decide_stacks(weave.junctions, weave.rings, weave_rule(layer), rules);
    const auto& triples = layer.get_or(fields::over, std::vector<Triple>{});
    for (int index : decision.unmatched) {
        const Triple& triple = triples[index];
        problems.push_back(diag::error(triple.region, "no-such-crossing",
                                       "over: rings " + std::to_string(triple.a) + " and " +
                                           std::to_string(triple.b) + " have no crossing " +
                                           std::to_string(triple.k) +
                                           " (rings and crossings are numbered from 0)"));
    }
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::pair{x.region.begin.line, x.region.begin.column} <
                   std::pair{y.region.begin.line, y.region.begin.column};
        });
        diag::raise(std::move(problems));
    }
    for (int k : decision.cyclic) {
        const auto& junction = weave.junctions[k];
        std::string rings;
        for (int ring : junction.rings)
            rings += (rings.empty() ? "" : ", ") + std::to_string(ring);
        warn(context, layer.where(fields::over), "weave-cycle",
             "the rings meeting near (" + std::to_string(junction.at.x) + ", " +
                 std::to_string(junction.at.y) + ") — " + rings +
                 " — lie over each other in a cycle; no order honours every pair, so at least "
                 "one pair is drawn the other way");
    }
    return weave;
}

} // namespace

std::vector<RingCrossing> crossings_of_layer(const Layer& layer, const Context& context, std::string name) {
    const Weave weave = weave_of(layer, context);
    std::vector<RingCrossing> found;
    for (int a = 0; a < static_cast<int>(weave.rings.size()); ++a)
        for (int b = a + 1; b < static_cast<int>(weave.rings.size()); ++b) {
            const auto list = geom::crossings_of(weave.junctions, weave.rings, a, b);
            for (int k = 0; k < static_cast<int>(list.size()); ++k) {
                const auto& junction = weave.junctions[list[k]];
                const auto& stack = junction.stack;
                const bool a_over =
                    std::find(stack.begin(), stack.end(), a) > std::find(stack.begin(), stack.end(), b);
                found.push_back({name, a, b, k, junction.at, a_over ? a : b, stack});
            }
        }
    return found;
}

Shape rings_layer(const Layer& layer, const Context& context) {
    const std::vector<Vec2> centres = ring_centres(layer, context);
    const double radius = layer.get(fields::radius);
    const double half = layer.get(fields::width) / 2;
    const double gap = layer.get(fields::gap);
    const auto& given = layer.get(fields::colors);
    if (given.size() != 1 && given.size() != centres.size())
        fail(layer, fields::colors, "wrong-length",
             "colors: give one colour, or one per ring (" + std::to_string(centres.size()) + "), not " +
                 std::to_string(given.size()));
    std::vector<Colour> colours(centres.size(), given.front());
    if (given.size() == centres.size()) colours = given;

    auto [rings, junctions] = weave_of(layer, context);

    Shape shape;
    shape.pivot = layer.has(fields::at) ? layer.get(fields::at) : context.centre();
    // The Earth flag's published construction: each ring's centre, its radius (to the band's
    // middle), the band and the gap either side of an over-strand.
    for (std::size_t i = 0; i < rings.size(); ++i)
        shape.measures.push_back(centre_mark(rings[i].centre, "ring " + std::to_string(i + 1)));
    shape.measures.push_back(radius_of(rings.front().centre, radius, "each ring (to the band's middle)"));
    const Vec2 first = rings.front().centre;
    shape.measures.push_back(
        span(first + Vec2{0, radius - half}, first + Vec2{0, radius + half}, "each ring's band"));
    if (gap > 0)
        shape.measures.push_back(span(first + Vec2{0, radius + half}, first + Vec2{0, radius + half + gap},
                                      "gap beside an over-strand"));
    for (const auto& ring : rings)
        shape.silhouette.append(annulus_path(ring.centre, radius - half, radius + half));
    if (gap > 0) {
        for (int i = 0; i < static_cast<int>(rings.size()); ++i) {
            CutoutFill band{annulus_path(rings[i].centre, radius - half, radius + half), colours[i], {}};
            for (const auto& junction : junctions) {
                const auto& stack = junction.stack;
                const auto here = std::find(stack.begin(), stack.end(), i);
                if (here == stack.end()) continue;
                for (auto upper = here + 1; upper != stack.end(); ++upper) {
                    if (!cuts(junction, *upper, i, colours, rings, half, gap)) continue;
                    if (auto arc = geom::meeting_arc(rings[*upper], half + gap, rings[i], half, junction.at))
                        band.holes.push_back(geom::band_sector(rings[*upper], half + gap, *arc));
                }
            }
            shape.items.push_back(std::move(band));
        }
        return shape;
    }
    for (int i = 0; i < static_cast<int>(rings.size()); ++i)
        shape.items.push_back(
            FillPath{annulus_path(rings[i].centre, radius - half, radius + half), colours[i]});
    for (const auto& junction : junctions) {
        for (std::size_t level = 1; level < junction.stack.size(); ++level) {
            const int ring = junction.stack[level];
            std::optional<geom::Arc> span;
            for (std::size_t below = 0; below < level; ++below) {
                auto arc =
                    geom::meeting_arc(rings[ring], half, rings[junction.stack[below]], half, junction.at);
                if (!arc) continue;
                if (!span) span = arc;
                span->start = std::min(span->start, arc->start);
                span->end = std::max(span->end, arc->end);
            }
            if (span)
                shape.items.push_back(FillPath{geom::band_sector(rings[ring], half, *span), colours[ring]});
        }
    }
    return shape;
}

} // namespace vexil::layout
