#include "geom/polygon_clip.h"

#include "geom/tolerance.h"

#include <algorithm>
#include <cmath>

namespace vexil::geom {
namespace {

double shoelace(const std::vector<Vec2>& v) {
    double sum = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        sum += cross(v[i], v[(i + 1) % v.size()]);
    return sum / 2;
}

} // namespace

std::vector<Vec2> clockwise(std::vector<Vec2> vertices) {
    if (shoelace(vertices) < 0) std::reverse(vertices.begin(), vertices.end());
    return vertices;
}

std::vector<Vec2> box_corners(const Box& box) {
    return {{box.x, box.y}, {box.x + box.w, box.y}, {box.x + box.w, box.y + box.h}, {box.x, box.y + box.h}};
}

std::vector<Vec2> clip_to_convex(const std::vector<Vec2>& subject, const std::vector<Vec2>& convex_clip) {
    const std::vector<Vec2> clip = clockwise(convex_clip);
    std::vector<Vec2> output = subject;
    for (std::size_t e = 0; e < clip.size() && !output.empty(); ++e) {
        const Vec2 a = clip[e];
        const Vec2 b = clip[(e + 1) % clip.size()];
        // Clockwise on a y-down page: inside lies where cross(b - a, p - a) >= 0.
        const auto inside = [&](Vec2 p) { return cross(b - a, p - a) >= -kLengthEpsilon; };
        const auto meet = [&](Vec2 p, Vec2 q) {
            const double dp = cross(b - a, p - a);
            const double dq = cross(b - a, q - a);
            return p + (q - p) * (dp / (dp - dq));
        };
        std::vector<Vec2> input = std::move(output);
        output.clear();
        for (std::size_t i = 0; i < input.size(); ++i) {
            const Vec2 current = input[i];
            const Vec2 previous = input[(i + input.size() - 1) % input.size()];
            if (inside(current)) {
                if (!inside(previous)) output.push_back(meet(previous, current));
                output.push_back(current);
            } else if (inside(previous)) {
                output.push_back(meet(previous, current));
            }
        }
    }
    return output.size() >= 3 ? output : std::vector<Vec2>{};
}

std::vector<Vec2> band_in_box(Vec2 from, Vec2 to, double width, const Box& box) {
    const Vec2 along = normalized(to - from);
    const Vec2 across = Vec2{-along.y, along.x} * (width / 2);
    // Reach past the box on both ends so that cutting to it leaves clean edges.
    const double reach = std::hypot(box.w, box.h) * 2;
    const Vec2 start = from - along * reach;
    const Vec2 end = to + along * reach;
    return clip_to_convex({start - across, end - across, end + across, start + across}, box_corners(box));
}

} // namespace vexil::geom
