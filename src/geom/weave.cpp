#include "geom/weave.h"

#include "geom/tolerance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace vexil::geom {
namespace {

struct Meeting {
    Vec2 at;
    int a = 0, b = 0;
    bool simple = false;
};

/// Where the bands of rings i and j meet: 0, 1 or 2 places.
std::vector<Meeting> meetings(const Circle& ci, const Circle& cj, int i, int j, double reach, double merge) {
    const double d = distance(ci.centre, cj.centre);
    if (d < kLengthEpsilon)
        return {}; // concentric: bands never cross (identical rings are refused by layout)
    if (d > ci.radius + cj.radius + reach || d < std::abs(ci.radius - cj.radius) - reach) return {};
    const Vec2 u = (cj.centre - ci.centre) / d;
    const double along = (d * d + ci.radius * ci.radius - cj.radius * cj.radius) / (2 * d);
    const double across_sq = ci.radius * ci.radius - along * along;
    if (across_sq > 0) {
        const double across = std::sqrt(across_sq);
        const Vec2 foot = ci.centre + u * along;
        const Vec2 side{-u.y, u.x};
        // Two crossings closer than a band's width are one meeting of overlapping bands.
        if (2 * across >= merge)
            return {{foot + side * across, i, j, true}, {foot - side * across, i, j, true}};
        return {{foot, i, j, false}};
    }
    // Centre lines miss or touch: the bands meet around the closest approach.
    // Nearer to touching from inside than from outside: one ring lies within the other.
    const bool inside = std::abs(d - std::abs(ci.radius - cj.radius)) < std::abs(d - (ci.radius + cj.radius));
    Vec2 on_i = ci.centre + u * ci.radius;
    Vec2 on_j = inside ? cj.centre + u * cj.radius : cj.centre - u * cj.radius;
    if (inside && ci.radius < cj.radius) {
        on_i = ci.centre - u * ci.radius;
        on_j = cj.centre - u * cj.radius;
    }
    return {{(on_i + on_j) / 2, i, j, false}};
}

int find_root(std::vector<int>& parent, int x) {
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/// Angle of `p` around `centre`, clockwise from 12 o'clock, in [0, 360).
double clock_angle(Vec2 centre, Vec2 p) {
    const double angle = heading_of(p - centre);
    return angle < 0 ? angle + 360 : angle;
}

} // namespace

std::vector<Junction> find_junctions(const std::vector<Circle>& rings, double half_width, double gap) {
    // Bands (with their gaps) overlap when centre lines come within this of each other.
    const double reach = 2 * (half_width + gap);
    const double merge = std::max(reach, kLengthEpsilon);
    std::vector<Meeting> all;
    for (int i = 0; i < static_cast<int>(rings.size()); ++i)
        for (int j = i + 1; j < static_cast<int>(rings.size()); ++j)
            for (const Meeting& m : meetings(rings[i], rings[j], i, j, reach, merge))
                all.push_back(m);

    std::vector<int> parent(all.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (std::size_t x = 0; x < all.size(); ++x)
        for (std::size_t y = x + 1; y < all.size(); ++y)
            if (distance(all[x].at, all[y].at) < merge)
                parent[find_root(parent, static_cast<int>(x))] = find_root(parent, static_cast<int>(y));

    std::map<int, std::vector<int>> groups;
    for (std::size_t x = 0; x < all.size(); ++x)
        groups[find_root(parent, static_cast<int>(x))].push_back(static_cast<int>(x));
    std::vector<Junction> junctions;
    for (const auto& [root, members] : groups) {
        Junction junction;
        for (int m : members) {
            junction.at = junction.at + all[m].at / static_cast<double>(members.size());
            junction.rings.push_back(all[m].a);
            junction.rings.push_back(all[m].b);
        }
        std::sort(junction.rings.begin(), junction.rings.end());
        junction.rings.erase(std::unique(junction.rings.begin(), junction.rings.end()), junction.rings.end());
        junction.simple = members.size() == 1 && all[members.front()].simple;
        junctions.push_back(std::move(junction));
    }
    // Positions in whole kLengthEpsilon, so that points that are the same sort the same way.
    const auto key = [](const Junction& j) {
        return std::pair(std::round(j.at.y / kLengthEpsilon), std::round(j.at.x / kLengthEpsilon));
    };
    std::sort(junctions.begin(), junctions.end(),
              [&](const Junction& x, const Junction& y) { return key(x) < key(y); });
    return junctions;
}

std::vector<int> crossings_of(const std::vector<Junction>& junctions, const std::vector<Circle>& rings, int a,
                              int b) {
    std::vector<int> found;
    for (int k = 0; k < static_cast<int>(junctions.size()); ++k) {
        const auto& r = junctions[k].rings;
        if (std::binary_search(r.begin(), r.end(), a) && std::binary_search(r.begin(), r.end(), b))
            found.push_back(k);
    }
    const Vec2 centre = rings[std::min(a, b)].centre;
    std::stable_sort(found.begin(), found.end(), [&](int x, int y) {
        return clock_angle(centre, junctions[x].at) < clock_angle(centre, junctions[y].at);
    });
    return found;
}

bool alternate_over(const std::vector<Circle>& rings, int a, int b, Vec2 at) {
    // Clockwise tangent on a y-down page at a point whose radial direction is u: (−u.y, u.x).
    const auto tangent = [&](int i) {
        const Vec2 u = normalized(at - rings[i].centre);
        return Vec2{-u.y, u.x};
    };
    int inside = 0;
    for (int k = 0; k < static_cast<int>(rings.size()); ++k)
        if (k != a && k != b && distance(at, rings[k].centre) < rings[k].radius - kLengthEpsilon) ++inside;
    // Of the two consistent orientations, this is the Olympic flag's: blue over yellow at their
    // upper crossing.
    return (cross(tangent(a), tangent(b)) < 0) == (inside % 2 == 0);
}

StackDecision decide_stacks(std::vector<Junction>& junctions, const std::vector<Circle>& rings,
                            WeaveRule rule, const std::vector<OverRule>& overrides) {
    // over[{junction, a, b}] = true when a lies over b there; filled for a < b only.
    std::map<std::tuple<int, int, int>, bool> over;
    for (int k = 0; k < static_cast<int>(junctions.size()); ++k) {
        const Junction& junction = junctions[k];
        for (std::size_t x = 0; x < junction.rings.size(); ++x)
            for (std::size_t y = x + 1; y < junction.rings.size(); ++y) {
                const int a = junction.rings[x], b = junction.rings[y];
                bool a_over = false; // the higher index on top by default
                if (rule != WeaveRule::None && junction.simple) {
                    a_over = alternate_over(rings, a, b, junction.at);
                    if (rule == WeaveRule::AlternateReversed) a_over = !a_over;
                }
                over[{k, a, b}] = a_over;
            }
    }
    StackDecision decision;
    std::vector<int>& unmatched = decision.unmatched;
    for (int i = 0; i < static_cast<int>(overrides.size()); ++i) {
        const OverRule& rule_i = overrides[i];
        const int n = static_cast<int>(rings.size());
        if (rule_i.over == rule_i.under || rule_i.over < 0 || rule_i.under < 0 || rule_i.over >= n ||
            rule_i.under >= n) {
            unmatched.push_back(i);
            continue;
        }
        const auto found = crossings_of(junctions, rings, rule_i.over, rule_i.under);
        if (rule_i.crossing < 0 || rule_i.crossing >= static_cast<int>(found.size())) {
            unmatched.push_back(i);
            continue;
        }
        const int a = std::min(rule_i.over, rule_i.under), b = std::max(rule_i.over, rule_i.under);
        over[{found[rule_i.crossing], a, b}] = rule_i.over == a;
    }
    for (int k = 0; k < static_cast<int>(junctions.size()); ++k) {
        Junction& junction = junctions[k];
        std::map<int, int> wins;
        for (int ring : junction.rings)
            wins[ring] = 0;
        for (std::size_t x = 0; x < junction.rings.size(); ++x)
            for (std::size_t y = x + 1; y < junction.rings.size(); ++y) {
                const int a = junction.rings[x], b = junction.rings[y];
                ++wins[over[{k, a, b}] ? a : b];
            }
        junction.stack = junction.rings;
        std::stable_sort(junction.stack.begin(), junction.stack.end(),
                         [&](int a, int b) { return wins[a] != wins[b] ? wins[a] < wins[b] : a < b; });
        // The stack honours the relation exactly when every ring lies over every ring below it.
        const auto lies_over = [&](int upper, int lower) {
            const bool lower_first = lower < upper;
            const bool first_over = over[{k, std::min(lower, upper), std::max(lower, upper)}];
            return lower_first ? !first_over : first_over;
        };
        bool consistent = true;
        for (std::size_t x = 0; x < junction.stack.size() && consistent; ++x)
            for (std::size_t y = x + 1; y < junction.stack.size() && consistent; ++y)
                consistent = lies_over(junction.stack[y], junction.stack[x]);
        if (!consistent) decision.cyclic.push_back(k);
    }
    return decision;
}

std::optional<Arc> meeting_arc(const Circle& a, double a_half_width, const Circle& b, double b_half_width,
                               Vec2 near) {
    const double inner = std::max(0.0, a.radius - a_half_width);
    const double outer = a.radius + a_half_width;
    // Does the radial segment of a's band at `angle` touch b's band?
    const auto touches = [&](double angle) {
        const Vec2 u = heading(angle);
        const double along = std::clamp(dot(b.centre - a.centre, u), inner, outer);
        const double nearest = distance(a.centre + u * along, b.centre);
        const double farthest =
            std::max(distance(a.centre + u * inner, b.centre), distance(a.centre + u * outer, b.centre));
        return nearest <= b.radius + b_half_width && farthest >= b.radius - b_half_width;
    };
    const double start = heading_of(near - a.centre);
    if (!touches(start)) return std::nullopt;
    constexpr double kStep = 0.25; // degrees; the margin below covers the last step
    double low = start, high = start;
    while (start - low < 180 && touches(low - kStep))
        low -= kStep;
    while (high - start < 180 && touches(high + kStep))
        high += kStep;
    if (high - low >= 360 - 2 * kStep) return Arc{start - 180, start + 180};
    // Clear b's band by a little more than a step, and by half a band, so no edge grazes it.
    const double margin =
        kStep + (std::max(a_half_width, b_half_width) / std::max(a.radius, kMinDivisorLength)) * 90 / M_PI;
    return Arc{low - margin, high + margin};
}

Path band_sector(const Circle& ring, double half_width, const Arc& arc) {
    const double inner = std::max(0.0, ring.radius - half_width);
    const double outer = ring.radius + half_width;
    if (arc.end - arc.start >= 360)
        return inner > 0 ? annulus_path(ring.centre, inner, outer) : circle_path(ring.centre, outer);
    Path path;
    path.arc_to(ring.centre, outer, arc.start, arc.end);
    if (inner > 0)
        path.arc_to(ring.centre, inner, arc.end, arc.start);
    else
        path.line_to(ring.centre);
    path.close();
    return path;
}

} // namespace vexil::geom
