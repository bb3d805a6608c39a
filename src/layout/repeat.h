#pragma once
// `repeat`: a laid-out shape copied to the places a Repeat names.

#include "layout/unit.h"

namespace vexil::layout {

/// How many copies `repeat` makes.
std::size_t copy_count(const Repeat& repeat);

/// Every copy of `shape` (items and silhouette), moved and turned with `transform`.
Shape replicate(const Shape& shape, const Repeat& repeat, void (*transform)(Shape&, const Affine&));

} // namespace vexil::layout
