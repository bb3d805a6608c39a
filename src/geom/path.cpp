// vexil::Path: subpaths of move/line/cubic/close. Arcs are approximated by cubics here so that every
// consumer (cairo, area measurement, SVG output) sees the same four verbs.

#include "geom/arc.h"
#include "geom/tolerance.h"
#include "vexil/geom.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vexil {

namespace {

std::size_t points_of(PathVerb verb) {
    switch (verb) {
    case PathVerb::Move:
    case PathVerb::Line:
        return 1;
    case PathVerb::Cubic:
        return 3;
    case PathVerb::Close:
        return 0;
    }
    return 0;
}

Vec2 bezier_point(Vec2 p0, Vec2 c1, Vec2 c2, Vec2 p1, double t) {
    const double u = 1.0 - t;
    return u * u * u * p0 + 3.0 * u * u * t * c1 + 3.0 * u * t * t * c2 + t * t * t * p1;
}

bool finite(Vec2 p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

} // namespace

void Path::move_to(Vec2 p) {
    // An open subpath is simply left open: starting a new one never closes the previous one.
    verbs_.push_back(PathVerb::Move);
    points_.push_back(p);
    open_subpath_ = true;
}

void Path::line_to(Vec2 p) {
    // With no open subpath (empty path, or just after close) a segment starts at the current
    // point, as in cairo and SVG, so every subpath begins with an explicit Move.
    if (!open_subpath_) move_to(current_point());
    verbs_.push_back(PathVerb::Line);
    points_.push_back(p);
}

void Path::cubic_to(Vec2 c1, Vec2 c2, Vec2 p) {
    if (!open_subpath_) move_to(current_point());
    verbs_.push_back(PathVerb::Cubic);
    points_.push_back(c1);
    points_.push_back(c2);
    points_.push_back(p);
}

void Path::close() {
    // Closing nothing (an empty path, or a subpath already closed) is a no-op rather than a
    // dangling Close verb that renderers would have to special-case.
    if (!open_subpath_) return;
    verbs_.push_back(PathVerb::Close);
    open_subpath_ = false;
}

void Path::arc_to(Vec2 centre, double radius, double start_deg, double end_deg) {
    // Checked here, before the first move or line, so that a refused arc leaves the path as it was.
    if (!finite(centre) || !std::isfinite(radius) || !std::isfinite(start_deg) || !std::isfinite(end_deg))
        throw std::invalid_argument("arc_to: centre, radius and angles must be finite");
    if (std::abs(end_deg - start_deg) > geom::kMaxArcSweepDegrees)
        throw std::invalid_argument("arc_to: the arc sweeps more than 100 full turns");

    const Vec2 start = centre + radius * heading(start_deg);
    if (open_subpath_)
        line_to(start);
    else
        move_to(start);
    geom::append_arc(*this, centre, radius, start_deg, end_deg);
}

void Path::append(const Path& other) {
    if (&other == this) {
        // vector::insert from a range of the same vector is undefined; copy first.
        const Path copy = other;
        append(copy);
        return;
    }
    if (other.empty()) return;
    verbs_.insert(verbs_.end(), other.verbs_.begin(), other.verbs_.end());
    points_.insert(points_.end(), other.points_.begin(), other.points_.end());
    open_subpath_ = other.open_subpath_;
}

Vec2 Path::current_point() const {
    if (verbs_.empty()) return {};
    if (verbs_.back() != PathVerb::Close) return points_.back();
    // After a close the pen is back at the subpath's start: walk back to its Move.
    std::size_t index = points_.size();
    for (std::size_t v = verbs_.size(); v-- > 0;) {
        index -= points_of(verbs_[v]);
        if (verbs_[v] == PathVerb::Move) return points_[index];
    }
    return {};
}

Path Path::transformed(const Affine& m) const {
    Path out = *this;
    for (Vec2& p : out.points_)
        p = m.apply(p);
    return out;
}

Path Path::reversed() const {
    Path out;
    std::size_t v = 0;
    std::size_t p = 0;
    while (v < verbs_.size()) {
        // One subpath: verbs [v, v_end), points [p, p_end). Subpaths always start with a Move
        // because line_to/cubic_to insert one when needed.
        const std::size_t v_begin = v;
        std::size_t p_end = p + points_of(verbs_[v]);
        std::size_t v_end = v + 1;
        bool closed = false;
        while (v_end < verbs_.size() && verbs_[v_end] != PathVerb::Move) {
            closed = closed || verbs_[v_end] == PathVerb::Close;
            p_end += points_of(verbs_[v_end]);
            ++v_end;
        }

        out.move_to(points_[p_end - 1]);
        std::size_t q = p_end; // one past the points of the segment being reversed
        for (std::size_t w = v_end; w-- > v_begin + 1;) {
            switch (verbs_[w]) {
            case PathVerb::Line:
                q -= 1;
                out.line_to(points_[q - 1]);
                break;
            case PathVerb::Cubic:
                // Segment start is points_[q-1] (after q -= 3); control points swap roles.
                q -= 3;
                out.cubic_to(points_[q + 1], points_[q], points_[q - 1]);
                break;
            case PathVerb::Move:
            case PathVerb::Close:
                break;
            }
        }
        if (closed) out.close();
        v = v_end;
        p = p_end;
    }
    return out;
}

Box Path::bounds() const {
    if (points_.empty()) return {};
    double x0 = points_.front().x, x1 = x0;
    double y0 = points_.front().y, y1 = y0;
    for (const Vec2& p : points_) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

double Path::signed_area() const {
    // Shoelace over each subpath's flattening (an open subpath counts as closed). Cross products
    // are taken relative to the subpath's first point: the same sum, but far less cancellation
    // for shapes far from the origin. The closing edge back to that point contributes zero.
    double twice_area = 0.0;
    Vec2 first{};
    Vec2 prev{};
    std::size_t i = 0;
    for (PathVerb verb : verbs_) {
        switch (verb) {
        case PathVerb::Move:
            first = prev = points_[i];
            break;
        case PathVerb::Line:
            twice_area += cross(prev - first, points_[i] - first);
            prev = points_[i];
            break;
        case PathVerb::Cubic: {
            const Vec2 p0 = prev;
            const Vec2 c1 = points_[i];
            const Vec2 c2 = points_[i + 1];
            const Vec2 p1 = points_[i + 2];
            for (int s = 1; s <= geom::kFlattenSegmentsPerCubic; ++s) {
                const Vec2 q = s == geom::kFlattenSegmentsPerCubic
                                   ? p1
                                   : bezier_point(p0, c1, c2, p1, double(s) / geom::kFlattenSegmentsPerCubic);
                twice_area += cross(prev - first, q - first);
                prev = q;
            }
            break;
        }
        case PathVerb::Close:
            prev = first;
            break;
        }
        i += points_of(verb);
    }
    return twice_area / 2.0;
}

} // namespace vexil
