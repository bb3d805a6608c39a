// Vec2 helpers and affine transforms. Angles follow vexil's design format: degrees clockwise on a
// y-down page, 0 pointing up.

#include "vexil/geom.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vexil {

namespace {

struct SinCos {
    double s;
    double c;
};

// sin/cos of an angle in degrees, exact at multiples of 90°. Flags are full of right angles: a
// rotation by 90° must map (0,-1) to exactly (1,0), not (1, 6e-17), so that rotated rectangles
// stay axis-aligned and equal points compare equal. Reducing modulo 360 first also keeps
// precision for large angles.
SinCos sincos_degrees(double degrees) {
    double r = std::fmod(degrees, 360.0);
    if (r < 0) r += 360.0;
    if (r >= 360.0) r -= 360.0; // -tiny + 360 can round up to 360
    if (r == 0.0) return {0.0, 1.0};
    if (r == 90.0) return {1.0, 0.0};
    if (r == 180.0) return {0.0, -1.0};
    if (r == 270.0) return {-1.0, 0.0};
    const double rad = r * (std::numbers::pi / 180.0);
    return {std::sin(rad), std::cos(rad)};
}

} // namespace

double Edges::largest() const {
    return std::max({hoist, top, fly, bottom});
}

double dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}

double cross(Vec2 a, Vec2 b) {
    return a.x * b.y - a.y * b.x;
}

// sqrt(x²+y²) where the squares can neither overflow nor lose digits to underflow (every design
// coordinate is far inside that range), hypot beyond it. glibc's hypot is exact but several times
// slower, and the Earth flag's weaving asks for lengths tens of thousands of times (perf: hypot was
// a third of vexil's own time in an SVG render).
double length(Vec2 a) {
    const double x = std::abs(a.x), y = std::abs(a.y);
    constexpr double kLarge = 1e150, kSmall = 1e-150;
    if (x < kLarge && y < kLarge && (x > kSmall || y > kSmall || (x == 0 && y == 0)))
        return std::sqrt(x * x + y * y);
    return std::hypot(a.x, a.y);
}

double distance(Vec2 a, Vec2 b) {
    return length(a - b);
}

Vec2 normalized(Vec2 a) {
    const double len = length(a);
    // A zero vector has no direction; returning it unchanged avoids NaNs leaking into paths.
    if (len == 0.0) return a;
    return a / len;
}

// Clockwise from up on a y-down page: up is (0,-1), right is (1,0), i.e. (sin θ, -cos θ).
Vec2 heading(double degrees) {
    const SinCos sc = sincos_degrees(degrees);
    return {sc.s, -sc.c};
}

double heading_of(Vec2 v) {
    // Axis directions exactly (atan2 · 180/π is not always exact), and a zero vector reads as 0.
    if (v.x == 0.0) return v.y > 0.0 ? 180.0 : 0.0;
    if (v.y == 0.0) return v.x > 0.0 ? 90.0 : -90.0;
    const double deg = std::atan2(v.x, -v.y) * (180.0 / std::numbers::pi);
    // atan2 may return exactly -180 (from a -0 component); the documented range is (-180, 180].
    return deg <= -180.0 ? 180.0 : deg;
}

Affine Affine::translate(Vec2 by) {
    return {1, 0, 0, 1, by.x, by.y};
}

Affine Affine::scale(double sx, double sy) {
    return {sx, 0, 0, sy, 0, 0};
}

Affine Affine::rotate(double degrees, Vec2 centre) {
    // In y-down coordinates the standard matrix [cos -sin; sin cos] turns clockwise on the page.
    const SinCos sc = sincos_degrees(degrees);
    const Affine r{sc.c, sc.s, -sc.s, sc.c, 0, 0};
    if (centre.x == 0.0 && centre.y == 0.0) return r;
    return translate(-centre).then(r).then(translate(centre));
}

Vec2 Affine::apply(Vec2 p) const {
    return {a * p.x + c * p.y + e, b * p.x + d * p.y + f};
}

// Returns next ∘ this (this first), the same product cairo_matrix_multiply(result, this, next)
// computes: written out so each coefficient is a single rounding-friendly expression.
Affine Affine::then(const Affine& next) const {
    const Affine& n = next;
    return {
        a * n.a + b * n.c,       // a
        a * n.b + b * n.d,       // b
        c * n.a + d * n.c,       // c
        c * n.b + d * n.d,       // d
        e * n.a + f * n.c + n.e, // e
        e * n.b + f * n.d + n.f, // f
    };
}

} // namespace vexil
