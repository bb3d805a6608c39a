// kind = "bands": stripes across a box. Each band is drawn to the far edge of the next one, so the
// anti-aliased edge between two bands blends those two colours and never the background (unless a
// colour is translucent, where overlapping would mix them).
#include "layout/unit.h"

#include <algorithm>
#include <numeric>

namespace vexil::layout {

Shape bands_layer(const Layer& layer, const Context& context) {
    const auto& colours = layer.get(fields::colors);
    std::vector<double> weights(colours.size(), 1.0);
    if (layer.has(fields::weights)) {
        weights = layer.get(fields::weights);
        if (weights.size() != colours.size())
            fail(layer, fields::weights, "wrong-length",
                 "weights: expected one weight per colour (" + std::to_string(colours.size()) +
                     ") but found " + std::to_string(weights.size()));
    }
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (total <= 0)
        fail(layer, fields::weights, "out-of-range", "weights: at least one weight must be positive");
    const Box box = layer.get_or(fields::box, context.flag_box());
    const bool horizontal = layer.get(fields::direction) == "horizontal";
    const double extent = horizontal ? box.h : box.w;
    std::vector<double> edges{0};
    for (double weight : weights)
        edges.push_back(edges.back() + extent * weight / total);

    Shape shape;
    shape.pivot = box.centre();
    shape.silhouette = rect_path(box);
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const double start = edges[i];
        // Under the next band, unless either is translucent: then the overlap would show as a
        // third colour, so the bands only abut.
        const bool opaque = colours[i].a >= 1 && (i + 1 == colours.size() || colours[i + 1].a >= 1);
        const double end = edges[std::min(i + (opaque ? 2 : 1), edges.size() - 1)];
        if (edges[i + 1] <= start) continue; // a zero-weight band paints nothing
        const Box band = horizontal ? Box{box.x, box.y + start, box.w, end - start}
                                    : Box{box.x + start, box.y, end - start, box.h};
        shape.items.push_back(FillPath{rect_path(band), colours[i], FillRule::NonZero});
    }
    // Each band's extent across the box: the boundaries are on the sheet's chain.
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        if (edges[i + 1] <= edges[i]) continue;
        const std::string what = "band " + std::to_string(i + 1);
        shape.measures.push_back(horizontal
                                     ? span({box.x, box.y + edges[i]}, {box.x, box.y + edges[i + 1]}, what)
                                     : span({box.x + edges[i], box.y}, {box.x + edges[i + 1], box.y}, what));
    }
    return shape;
}

} // namespace vexil::layout
