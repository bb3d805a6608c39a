// Ready-made outlines and vertex sets: rectangles, polygons, circles, ellipses, annuli, regular
// polygons and stars. Closed outlines run clockwise on the page (positive signed_area) so that
// combining them with nonzero fill behaves predictably.

#include "vexil/geom.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace vexil {

Path rect_path(const Box& box) {
    // Normalise a negative width/height so the outline is clockwise whatever way it was given.
    const double x = box.w < 0 ? box.x + box.w : box.x;
    const double y = box.h < 0 ? box.y + box.h : box.y;
    const double w = std::abs(box.w);
    const double h = std::abs(box.h);
    Path p;
    p.move_to({x, y});
    p.line_to({x + w, y});
    p.line_to({x + w, y + h});
    p.line_to({x, y + h});
    p.close();
    return p;
}

Path polygon_path(const std::vector<Vec2>& vertices) {
    // The caller's order is kept (not reoriented): a polygon given anticlockwise is a hole on
    // purpose, and self-intersecting outlines such as {5/2} stars have no single orientation.
    Path p;
    if (vertices.empty()) return p;
    p.move_to(vertices.front());
    for (std::size_t i = 1; i < vertices.size(); ++i)
        p.line_to(vertices[i]);
    p.close();
    return p;
}

Path circle_path(Vec2 centre, double radius) {
    // From the top, clockwise (0° → 360°): four 90° cubics, ending exactly where it began since
    // heading() is exact at multiples of 90°.
    Path p;
    p.arc_to(centre, std::abs(radius), 0.0, 360.0);
    p.close();
    return p;
}

Path ellipse_path(Vec2 centre, double rx, double ry) {
    // An affine image of a unit circle is exactly the ellipse's cubic approximation. Absolute
    // radii keep the scale's determinant positive, hence the clockwise orientation.
    const Affine m = Affine::scale(std::abs(rx), std::abs(ry)).then(Affine::translate(centre));
    return circle_path({0, 0}, 1.0).transformed(m);
}

Path annulus_path(Vec2 centre, double inner_radius, double outer_radius) {
    double inner = std::abs(inner_radius);
    double outer = std::abs(outer_radius);
    if (inner > outer) std::swap(inner, outer);
    Path p = circle_path(centre, outer);
    // A zero inner radius would only add a degenerate subpath: the annulus is then a disc.
    if (inner > 0) p.append(circle_path(centre, inner).reversed());
    return p;
}

std::vector<Vec2> regular_polygon(Vec2 centre, double radius, int sides, double rotation_deg) {
    if (sides < 3)
        throw std::invalid_argument("regular_polygon: needs at least 3 sides, got " + std::to_string(sides));
    std::vector<Vec2> out;
    out.reserve(static_cast<std::size_t>(sides));
    for (int i = 0; i < sides; ++i)
        out.push_back(centre + radius * heading(rotation_deg + 360.0 * i / sides));
    return out;
}

double star_inner_ratio(int points, int step) {
    // {n/k} needs k ≥ 2 (k = 1 is the convex polygon, with no crossings) and 2k < n (k and n-k
    // draw the same star, and 2k = n degenerates to diameters).
    if (!(step >= 2 && 2 * step < points))
        throw std::invalid_argument("star_inner_ratio: {" + std::to_string(points) + "/" +
                                    std::to_string(step) +
                                    "} is not a star polygon (need 2 <= 2*step < points)");
    // A side joins outer vertices k steps apart, so it lies at distance R·cos(πk/n) from the centre.
    // The inner vertex is where two neighbouring sides cross, on the bisector between adjacent
    // outer vertices: that ray is π(k-1)/n off the side's perpendicular, so r = R·cos(πk/n)/cos(π(k-1)/n).
    const double n = points;
    const double k = step;
    return std::cos(std::numbers::pi * k / n) / std::cos(std::numbers::pi * (k - 1) / n);
}

std::vector<Vec2> star_vertices(Vec2 centre, double outer_radius, double inner_radius, int points,
                                double rotation_deg) {
    if (points < 2)
        throw std::invalid_argument("star_vertices: needs at least 2 points, got " + std::to_string(points));
    std::vector<Vec2> out;
    out.reserve(2 * static_cast<std::size_t>(points));
    // 2n vertices evenly spaced in angle (360/2n apart), alternating outer and inner radius.
    for (int i = 0; i < 2 * points; ++i) {
        const double r = i % 2 == 0 ? outer_radius : inner_radius;
        out.push_back(centre + r * heading(rotation_deg + 180.0 * i / points));
    }
    return out;
}

} // namespace vexil
