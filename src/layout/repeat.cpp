// `repeat`: copies of a laid-out shape. The shape as laid out stands at its pivot (its `at`); each
// copy is turned about that pivot (radial orientation, or to face a point) and moved to its place.
#include "layout/repeat.h"

#include <cstdio>

#include <algorithm>

namespace vexil::layout {
namespace {

struct Place {
    Vec2 at;
    double turn = 0; ///< degrees clockwise, before `face`
};

std::vector<Place> places(const Repeat& repeat, Vec2 pivot) {
    std::vector<Place> out;
    if (repeat.pattern == "circle" || repeat.pattern == "arc") {
        // Circle: the first copy at 12 o'clock, the rest clockwise, evenly. Arc: from `from` to `to`.
        for (int k = 0; k < repeat.count; ++k) {
            const double angle = repeat.pattern == "circle" ? 360.0 * k / repeat.count
                                 : repeat.count == 1
                                     ? repeat.from
                                     : repeat.from + (repeat.to - repeat.from) * k / (repeat.count - 1);
            out.push_back({pivot + heading(angle) * repeat.radius, repeat.radial ? angle : 0});
        }
    } else if (repeat.pattern == "grid") {
        // Rows take their counts from `cols` in turn; a shorter row is centred under the longest
        // one, which shifts it by half a step per missing copy (the US union's rows of 6 and 5).
        const int widest = *std::max_element(repeat.cols.begin(), repeat.cols.end());
        for (int r = 0; r < repeat.rows; ++r) {
            const int n = repeat.cols[static_cast<std::size_t>(r) % repeat.cols.size()];
            for (int c = 0; c < n; ++c)
                out.push_back({pivot + Vec2{(c + (widest - n) / 2.0) * repeat.step.x, r * repeat.step.y}});
        }
    } else if (repeat.pattern == "row" || repeat.pattern == "column") {
        for (int k = 0; k < repeat.count; ++k)
            out.push_back({pivot + repeat.step * k});
    } else {
        for (Vec2 p : repeat.at)
            out.push_back({p});
    }
    return out;
}

} // namespace

std::size_t copy_count(const Repeat& repeat) {
    if (repeat.pattern == "points") return repeat.at.size();
    if (repeat.pattern != "grid") return static_cast<std::size_t>(repeat.count);
    std::size_t total = 0;
    for (int r = 0; r < repeat.rows; ++r)
        total += static_cast<std::size_t>(repeat.cols[static_cast<std::size_t>(r) % repeat.cols.size()]);
    return total;
}

namespace {
std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}
} // namespace

Vec2 first_copy(const Repeat& repeat, Vec2 pivot) {
    const auto all = places(repeat, pivot);
    return all.empty() ? pivot : all.front().at;
}

Measure pattern_measure(const Repeat& repeat, Vec2 first) {
    const std::string n = std::to_string(copy_count(repeat));
    Measure measure{Measure::Type::Pattern, first, first, 0, ""};
    if (repeat.pattern == "circle" || repeat.pattern == "arc") {
        measure.value = repeat.radius;
        measure.what =
            n + " copies on a circle of radius " + number(repeat.radius) +
            (repeat.pattern == "arc" ? ", from " + number(repeat.from) + "° to " + number(repeat.to) + "°"
                                     : "");
    } else if (repeat.pattern == "grid") {
        std::string per_row;
        for (std::size_t i = 0; i < repeat.cols.size(); ++i)
            per_row += (i ? " and " : "") + std::to_string(repeat.cols[i]);
        measure.value = repeat.step.x;
        measure.what = n + " copies in " + std::to_string(repeat.rows) + " rows of " + per_row + ", " +
                       number(repeat.step.x) + " apart across and " + number(repeat.step.y) + " down";
    } else if (repeat.pattern == "row" || repeat.pattern == "column") {
        measure.value = length(repeat.step);
        measure.what = n + " copies in a " + repeat.pattern + ", " + number(length(repeat.step)) + " apart";
    } else {
        measure.what = n + " copies at the points given";
    }
    return measure;
}

Shape replicate(const Shape& shape, const Repeat& repeat, void (*transform)(Shape&, const Affine&)) {
    Shape all;
    all.pivot = shape.pivot;
    all.silhouette_rule = shape.silhouette_rule;
    for (const Place& place : places(repeat, shape.pivot)) {
        double turn = place.turn;
        // Face: the first point (drawn pointing up) aims at the target from where the copy stands.
        if (repeat.face && distance(*repeat.face, place.at) > 0) turn = heading_of(*repeat.face - place.at);
        Shape copy = shape;
        transform(copy, Affine::rotate(turn, shape.pivot).then(Affine::translate(place.at - shape.pivot)));
        for (auto& item : copy.items)
            all.items.push_back(std::move(item));
        all.silhouette.append(copy.silhouette);
    }
    return all;
}

} // namespace vexil::layout
