#pragma once
// `repeat`: a laid-out shape copied to the places a Repeat names.

#include "layout/unit.h"

namespace vexil::layout {

/// How many copies `repeat` makes.
std::size_t copy_count(const Repeat& repeat);

/// Where the first copy stands (the shape as laid out stands at `pivot`).
Vec2 first_copy(const Repeat& repeat, Vec2 pivot);
/// The pattern as a construction sheet shows it, once for all copies; `first` is the shape's pivot.
Measure pattern_measure(const Repeat& repeat, Vec2 first);

/// Every copy of `shape` (items and silhouette), moved and turned with `transform`.
Shape replicate(const Shape& shape, const Repeat& repeat, void (*transform)(Shape&, const Affine&));

} // namespace vexil::layout
