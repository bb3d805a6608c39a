#include "geom/polygon_clip.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace vexil;
using Catch::Detail::Approx;

namespace {
double area(const std::vector<Vec2>& v) {
    return polygon_path(v).signed_area();
}
} // namespace

TEST_CASE("clip_to_convex: overlap of two squares", "[geom][clip]") {
    const auto a = geom::box_corners({0, 0, 2, 2});
    const auto b = geom::box_corners({1, 1, 2, 2});
    CHECK(area(geom::clip_to_convex(a, b)) == Approx(1));
    CHECK(geom::clip_to_convex(a, geom::box_corners({5, 5, 1, 1})).empty());
    // Orientation of the clip polygon does not matter.
    auto reversed = b;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(area(geom::clip_to_convex(a, reversed)) == Approx(1));
}

TEST_CASE("band_in_box: a diagonal band cut to the box", "[geom][clip]") {
    const auto band = geom::band_in_box({0, 0}, {1, 1}, 0.2, {0, 0, 1, 1});
    // w·√2 less the two corner triangles (w²/4 each... total w²/2).
    // band_in_box promises no orientation (polygon_clip.h), so its magnitude is checked, and the
    // orientation callers get from clockwise() with its sign.
    CHECK(std::abs(area(band)) == Approx(0.2 * std::sqrt(2.0) - 0.02));
    CHECK(area(geom::clockwise(band)) == Approx(0.2 * std::sqrt(2.0) - 0.02));
    for (Vec2 p : band) {
        CHECK(p.x >= -1e-12);
        CHECK(p.x <= 1 + 1e-12);
    }
}

TEST_CASE("clockwise reorders anticlockwise vertices", "[geom][clip]") {
    CHECK(area(geom::clockwise({{0, 0}, {0, 1}, {1, 1}, {1, 0}})) > 0);
    CHECK(area(geom::clockwise({{0, 0}, {1, 0}, {1, 1}, {0, 1}})) > 0);
}
