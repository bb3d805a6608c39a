// Crescents, hammers and sickles: see charges.h.
//
// The hammer and sickle follow the Statute on the State Flag of the USSR (19 August 1955, as amended
// 15 August 1980), which fixes only the frame: "the sickle and hammer are inscribed in a square whose
// side is 1/4 of the flag's width [hoist]; the sharp end of the sickle falls at the middle of the
// square's upper side; the handles of the sickle and the hammer rest on the square's lower corners;
// the hammer's length with the handle is 3/4 of the square's diagonal". The shapes inside that frame
// are not given by the text: they are drawn here with circles and straight lines to match the emblem
// on the flag, and the constants in charges.h (hammer_sickle::…) say what each stands for.
#include "geom/charges.h"

#include "geom/arc.h"
#include "geom/polygon_clip.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vexil::geom {
namespace {

using namespace hammer_sickle;

constexpr double kDegree = std::numbers::pi / 180.0;

const std::vector<Vec2> kUnitSquare = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};

/// A bar of `width` from `from` to `to` (square ends), clockwise.
std::vector<Vec2> bar(Vec2 from, Vec2 to, double width) {
    const Vec2 along = normalized(to - from);
    const Vec2 across = Vec2{-along.y, along.x} * (width / 2);
    return clockwise({from + across, to + across, to - across, from - across});
}

void add_polygon(Path& path, const std::vector<Vec2>& vertices) {
    if (vertices.size() >= 3) path.append(polygon_path(clockwise(vertices)));
}

/// The far crossing of the ray from `from` along unit vector `u` with the circle (c, r), for `from`
/// inside the circle.
Vec2 ray_exit(Vec2 from, Vec2 u, Vec2 c, double r) {
    const Vec2 m = from - c;
    const double b = dot(m, u);
    const double t = -b + std::sqrt(std::max(0.0, b * b - dot(m, m) + r * r));
    return from + u * t;
}

} // namespace

std::optional<std::pair<Vec2, Vec2>> circle_intersections(Vec2 c0, double r0, Vec2 c1, double r1) {
    const double d = distance(c0, c1);
    if (d == 0 || d >= r0 + r1 || d <= std::abs(r0 - r1)) return std::nullopt;
    const Vec2 u = (c1 - c0) / d;
    const Vec2 right{-u.y, u.x}; // u turned 90° clockwise on the page
    const double a = (d * d + r0 * r0 - r1 * r1) / (2 * d);
    const double h = std::sqrt(std::max(0.0, r0 * r0 - a * a));
    return std::pair{c0 + u * a + right * h, c0 + u * a - right * h};
}

CrescentForm crescent_form(Vec2 outer_c, double R, Vec2 inner_c, double r) {
    const double d = distance(outer_c, inner_c);
    if (r <= 0) return CrescentForm::Disc;
    if (d + R <= r) return CrescentForm::Empty;
    if (d >= R + r) return CrescentForm::Disc;
    if (d + r <= R) return CrescentForm::Annulus;
    return CrescentForm::Crescent;
}

Path crescent_path(Vec2 outer_c, double R, Vec2 inner_c, double r) {
    switch (crescent_form(outer_c, R, inner_c, r)) {
    case CrescentForm::Empty:
        return {};
    case CrescentForm::Disc:
        return circle_path(outer_c, R);
    case CrescentForm::Annulus: {
        Path p = circle_path(outer_c, R);
        p.append(circle_path(inner_c, r).reversed());
        return p;
    }
    case CrescentForm::Crescent:
        break;
    }
    // θ: from the outer centre toward the inner one. The horns lie ±α from θ on the outer circle and
    // ±β from θ + 180° on the inner circle (law of cosines in the triangle centre–centre–horn).
    const double d = distance(outer_c, inner_c);
    const double theta = heading_of(inner_c - outer_c);
    const double alpha = std::acos(std::clamp((d * d + R * R - r * r) / (2 * d * R), -1.0, 1.0)) / kDegree;
    const double beta = std::acos(std::clamp((d * d + r * r - R * R) / (2 * d * r), -1.0, 1.0)) / kDegree;
    const auto horns = circle_intersections(outer_c, R, inner_c, r);
    Path p;
    p.move_to(horns ? horns->first : outer_c + R * heading(theta + alpha));
    // Outer edge: clockwise the long way round, away from the cut-out; then back along the cut-out's
    // edge inside the disc, anticlockwise, ending on the first horn.
    append_arc(p, outer_c, R, theta + alpha, theta + 360.0 - alpha, ArcCuts::AtQuadrants);
    append_arc(p, inner_c, r, theta + 180.0 + beta, theta + 180.0 - beta, ArcCuts::AtQuadrants);
    p.close();
    return p;
}

Path sickle_path(const HammerSickle& proportions) {
    const double R = kOuterRadius;
    const double w = proportions.blade;
    const Vec2 point{0.5, 0.0};
    const Vec2 outer{0.5, R};
    // The inner circle passes through the point; its centre lies d from the outer centre, opposite
    // kWidestAt, where the blade's width R + d - r is w. With r² = |point - inner|² this gives
    // d = w(2R - w) / (2(R(1 - cos kWidestAt) - w)).
    const double cos_w = std::cos(kWidestAt * kDegree);
    const double d = w * (2 * R - w) / (2 * (R * (1 - cos_w) - w));
    const Vec2 inner = outer - d * heading(kWidestAt);
    const double r = R + d - w;

    // The heel: the blade ends on a straight line through the outer centre, which runs on as the
    // handle's inner edge. The handle is a bar of kGripWidth beside that line whose middle line passes
    // through the lower hoist corner, where the handle rests: so the heel line passes kGripWidth/2
    // from the corner, which lies on the blade's side of it.
    const Vec2 corner{0.0, 1.0};
    const Vec2 to_corner = corner - outer;
    double heel_at = heading_of(to_corner) + std::asin(kGripWidth / 2 / length(to_corner)) / kDegree;
    if (heel_at < 0) heel_at += 360.0; // measured clockwise from the point, at 0°
    const Vec2 heel_dir = heading(heel_at);
    const Vec2 heel_in = ray_exit(outer, heel_dir, inner, r);

    // The blade: the point, clockwise along the outer edge to the heel line, along it to the inner
    // edge, and back along the inner edge, anticlockwise, to the point.
    Path blade;
    blade.move_to(point);
    append_arc(blade, outer, R, 0.0, heel_at, ArcCuts::AtQuadrants);
    blade.line_to(heel_in);
    double from = heading_of(heel_in - inner);
    const double to = heading_of(point - inner);
    while (from <= to)
        from += 360.0;
    append_arc(blade, inner, r, from, to, ArcCuts::AtQuadrants);
    blade.close();

    // The handle: from the heel's inner corner, on the blade's side of the heel line, out past the
    // corner; cut to the square, its butt fits the corner. Its top end lies inside the blade.
    const Vec2 toward_blade = heading(heel_at - 90.0);
    const double reach = distance(heel_in, corner) + kGripWidth;
    Path sickle = blade;
    const Vec2 far = heel_in + heel_dir * reach;
    const Vec2 wide = toward_blade * kGripWidth;
    add_polygon(sickle, clip_to_convex({heel_in, far, far + wide, heel_in + wide}, kUnitSquare));
    return sickle;
}

Path hammer_path(const HammerSickle& proportions) {
    // Along the diagonal from the lower fly corner (1, 1) toward (0, 0); the hammer is 3/4 of the
    // diagonal long, so its face is centred on (1/4, 1/4).
    const Vec2 corner{1.0, 1.0};
    const Vec2 up = normalized(Vec2{-1.0, -1.0});    // from the handle's butt toward the head
    const Vec2 across = normalized(Vec2{1.0, -1.0}); // along the head, toward the top fly side
    const Vec2 face = corner + up * (0.75 * std::sqrt(2.0));
    const double half = proportions.head / 2;
    Path hammer;
    add_polygon(hammer,
                {face - across * half, face + across * half, face + across * half - up * kHeadThickness,
                 face - across * half - up * kHeadThickness});
    add_polygon(hammer, clip_to_convex(bar(corner - up * proportions.handle, face - up * (kHeadThickness / 2),
                                           proportions.handle),
                                       kUnitSquare));
    return hammer;
}

} // namespace vexil::geom
