// See bleed.h.
#include "geom/bleed.h"

#include "geom/tolerance.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace vexil::geom {
namespace {

enum Side { Left, Top, Right, Bottom };

struct Edges {
    const Box& trim;
    double tolerance;
    double line(Side side) const {
        switch (side) {
        case Left:
            return trim.x;
        case Top:
            return trim.y;
        case Right:
            return trim.x + trim.w;
        case Bottom:
            return trim.y + trim.h;
        }
        return 0;
    }
    bool on(Vec2 p, Side side) const {
        const double coordinate = side == Left || side == Right ? p.x : p.y;
        return std::abs(coordinate - line(side)) <= tolerance;
    }
    /// The side both ends of a segment lie on, if any: the segment runs along the edge.
    std::optional<Side> along(Vec2 a, Vec2 b) const {
        for (Side side : {Left, Top, Right, Bottom})
            if (on(a, side) && on(b, side)) return side;
        return std::nullopt;
    }
};

Vec2 outward(Side side) {
    switch (side) {
    case Left:
        return {-1, 0};
    case Top:
        return {0, -1};
    case Right:
        return {1, 0};
    case Bottom:
        return {0, 1};
    }
    return {};
}

/// Where corner `v` goes: see bleed.h.
Vec2 moved(Vec2 previous, Vec2 v, Vec2 next, const Edges& edges, double bleed) {
    const auto in = edges.along(previous, v), out = edges.along(v, next);
    if (in && out) { // both segments run along the edge: straight out from each side it lies on
        Vec2 to = v;
        for (Side side : {Left, Top, Right, Bottom})
            if (edges.on(v, side)) to = to + outward(side) * bleed;
        return to;
    }
    if (!in && !out) return v; // touches the edge at a point, or lies inside
    // One segment runs along side s; carry v along the other one until it meets s moved out.
    const Side side = in ? *in : *out;
    const Vec2 from = in ? next : previous; // the inner segment's other end
    const Vec2 direction = v - from;
    const Vec2 normal = outward(side);
    const double rate = dot(direction, normal);
    if (rate <= kLengthEpsilon) return v + normal * bleed; // runs along the edge or inward: straight out
    return v + direction * (bleed / rate);
}

/// Copies `path` with each straight closed subpath's corners moved; curved subpaths as they are.
Path extended(const Path& path, const Edges& edges, double bleed) {
    Path result;
    const auto& verbs = path.verbs();
    const auto& points = path.points();
    std::size_t p = 0;
    for (std::size_t i = 0; i < verbs.size();) {
        // One subpath: verbs [i, j), points [p, q).
        std::size_t j = i + 1, q = p + 1;
        bool straight = true, closed = false;
        for (; j < verbs.size() && verbs[j] != PathVerb::Move; ++j) {
            if (verbs[j] == PathVerb::Line) ++q;
            if (verbs[j] == PathVerb::Cubic) {
                q += 3;
                straight = false;
            }
            if (verbs[j] == PathVerb::Close) closed = true;
        }
        std::vector<Vec2> corners(points.begin() + static_cast<std::ptrdiff_t>(p),
                                  points.begin() + static_cast<std::ptrdiff_t>(q));
        if (corners.size() > 1 && distance(corners.front(), corners.back()) <= edges.tolerance)
            corners.pop_back();
        if (straight && closed && corners.size() >= 3) {
            const std::size_t n = corners.size();
            std::vector<Vec2> out(n);
            for (std::size_t k = 0; k < n; ++k)
                out[k] = moved(corners[(k + n - 1) % n], corners[k], corners[(k + 1) % n], edges, bleed);
            result.move_to(out[0]);
            for (std::size_t k = 1; k < n; ++k)
                result.line_to(out[k]);
            result.close();
        } else {
            Path piece;
            std::size_t at = p;
            for (std::size_t k = i; k < j; ++k) {
                switch (verbs[k]) {
                case PathVerb::Move:
                    piece.move_to(points[at++]);
                    break;
                case PathVerb::Line:
                    piece.line_to(points[at++]);
                    break;
                case PathVerb::Cubic:
                    piece.cubic_to(points[at], points[at + 1], points[at + 2]);
                    at += 3;
                    break;
                case PathVerb::Close:
                    piece.close();
                    break;
                }
            }
            result.append(piece);
        }
        i = j;
        p = q;
    }
    return result;
}

} // namespace

Path extend_into_bleed(const Path& path, const Box& trim, double bleed) {
    if (bleed <= 0 || path.empty()) return path;
    const Edges edges{trim, kLengthEpsilon * std::max({1.0, trim.w, trim.h})};
    return extended(path, edges, bleed);
}

} // namespace vexil::geom
