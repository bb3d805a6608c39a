#pragma once
/// @file geom.h
/// The geometry core: vectors, affine transforms and paths made of move/line/cubic/close.
/// Pure maths: no Cairo, no TOML. Coordinates are y-down (origin at the top of the hoist), and
/// angles are degrees clockwise on the page with 0 pointing up, as in vexil's design format.

#include <cstddef>
#include <vector>

namespace vexil {

struct Vec2 {
    double x = 0;
    double y = 0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) {
    return {a.x + b.x, a.y + b.y};
}
inline Vec2 operator-(Vec2 a, Vec2 b) {
    return {a.x - b.x, a.y - b.y};
}
inline Vec2 operator-(Vec2 a) {
    return {-a.x, -a.y};
}
inline Vec2 operator*(Vec2 a, double s) {
    return {a.x * s, a.y * s};
}
inline Vec2 operator*(double s, Vec2 a) {
    return {a.x * s, a.y * s};
}
inline Vec2 operator/(Vec2 a, double s) {
    return {a.x / s, a.y / s};
}
inline bool operator==(Vec2 a, Vec2 b) {
    return a.x == b.x && a.y == b.y;
}
double dot(Vec2 a, Vec2 b);
double cross(Vec2 a, Vec2 b);
double length(Vec2 a);
double distance(Vec2 a, Vec2 b);
Vec2 normalized(Vec2 a);
/// The unit vector at `degrees` clockwise from "up" on a y-down page: 0 → (0,-1), 90 → (1,0).
Vec2 heading(double degrees);
/// The angle of `v` in vexil's convention (inverse of heading), in (-180, 180].
double heading_of(Vec2 v);

/// An axis-aligned box: top-left corner and size.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    Vec2 centre() const { return {x + w / 2, y + h / 2}; }
};

/// One length for each edge of a flag, in one unit: the hoist (left, at the pole), the top, the
/// fly (right) and the bottom. What a bleed, a hem or a pole sleeve adds past the flag's edges.
struct Edges {
    double hoist = 0, top = 0, fly = 0, bottom = 0;

    static Edges all(double length) { return {length, length, length, length}; }
    double largest() const;
    bool any() const { return largest() > 0; }
    Edges operator+(const Edges& other) const {
        return {hoist + other.hoist, top + other.top, fly + other.fly, bottom + other.bottom};
    }
    Edges operator*(double factor) const {
        return {hoist * factor, top * factor, fly * factor, bottom * factor};
    }
    /// `box` grown by these edges (hoist to the left, top upward, y-down).
    Box around(const Box& box) const {
        return {box.x - hoist, box.y - top, box.w + hoist + fly, box.h + top + bottom};
    }
};

/// x' = a·x + c·y + e, y' = b·x + d·y + f — the same six numbers as cairo_matrix_t and SVG.
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

    static Affine translate(Vec2 by);
    static Affine scale(double sx, double sy);
    /// Clockwise rotation on the page (y-down) by `degrees` about `centre`.
    static Affine rotate(double degrees, Vec2 centre = {});
    Vec2 apply(Vec2 p) const;
    /// The transform that applies `*this` first, then `next`.
    Affine then(const Affine& next) const;
    double determinant() const { return a * d - b * c; }
};

enum class PathVerb { Move, Line, Cubic, Close };

/// A path of subpaths. Each verb consumes points: Move 1, Line 1, Cubic 3, Close 0.
/// Arcs and circles are stored as cubics (see geom/tolerance.h for the error bound).
class Path {
  public:
    void move_to(Vec2 p);
    void line_to(Vec2 p);
    void cubic_to(Vec2 c1, Vec2 c2, Vec2 p);
    void close();
    /// Adds a circular arc about `centre` from `start_deg` to `end_deg` (vexil angles); clockwise
    /// on the page when end > start. Starts with a line (or move if the path is empty or closed).
    void arc_to(Vec2 centre, double radius, double start_deg, double end_deg);
    void append(const Path& other);

    const std::vector<PathVerb>& verbs() const { return verbs_; }
    const std::vector<Vec2>& points() const { return points_; }
    bool empty() const { return verbs_.empty(); }
    /// The point the next segment starts from (origin if empty).
    Vec2 current_point() const;

    Path transformed(const Affine& m) const;
    /// The same outline traversed the other way (each subpath reversed): turns a hole's winding.
    Path reversed() const;
    /// The box around all points (control points included: a cheap, conservative bound).
    Box bounds() const;
    /// Signed area by the shoelace rule over a flattening; positive = clockwise on a y-down page.
    double signed_area() const;

  private:
    std::vector<PathVerb> verbs_;
    std::vector<Vec2> points_;
    bool open_subpath_ = false;
};

/// Closed outlines, all drawn clockwise on the page (positive signed_area) unless noted.
Path rect_path(const Box& box);
Path polygon_path(const std::vector<Vec2>& vertices);
Path circle_path(Vec2 centre, double radius);
Path ellipse_path(Vec2 centre, double rx, double ry);
/// An annulus as one path: outer circle clockwise, inner anticlockwise, so nonzero fill leaves a hole.
Path annulus_path(Vec2 centre, double inner_radius, double outer_radius);

/// Vertices of a regular polygon with `sides` corners, the first at `rotation_deg`.
std::vector<Vec2> regular_polygon(Vec2 centre, double radius, int sides, double rotation_deg = 0);
/// Outer radius ratio of the regular star polygon {points/step}: inner/outer radius at which the
/// sides of a {n/k} star cross. {5/2} gives 0.381966…; requires 2 <= 2*step < points.
double star_inner_ratio(int points, int step);
/// The 2·points vertices of a star: outer, inner, outer, … the first outer one at `rotation_deg`.
std::vector<Vec2> star_vertices(Vec2 centre, double outer_radius, double inner_radius, int points,
                                double rotation_deg = 0);

} // namespace vexil
