#pragma once
/// @file layout.h
/// Stage 2: Design (+ its Resources) → Scene. Pure geometry; no I/O, no TOML, no Cairo.

#include "vexil/design.h"
#include "vexil/resources.h"
#include "vexil/scene.h"

#include <string>
#include <vector>

namespace vexil {

/// How to lay out beyond the design itself.
struct LayoutOptions {
    /// Fabric a print profile's hems and pole sleeve add past each edge, in design units: the art
    /// continues onto it, and it is part of the piece that is cut.
    Edges allowance;
    /// Print bleed past the allowance, in design units: art that meets the flag's edge continues
    /// this far past the cut (as if the flag were larger; nothing inside the edge changes).
    Edges bleed;
};

/// Lays out every layer. `resources` holds what load_resources read for this design (emblems);
/// nothing is read here. Throws InputError for what the loader cannot see (a clip naming a later
/// layer, an impossible star), with every layer's error, not only the first. Warnings about what is
/// legal but suspicious (a layer wholly off the flag, a weave cycle) go to `warnings` when given.
Scene build_scene(const Design& design, const Resources& resources,
                  std::vector<Diagnostic>* warnings = nullptr, const LayoutOptions& options = {});

/// One crossing of two rings in a `rings` layer, as `over = [[a, b, k]]` names it: the k-th
/// crossing of rings a and b, numbered clockwise around the lower-numbered ring from 12 o'clock.
struct RingCrossing {
    std::string layer;       ///< the layer's id, or "layer N"
    int a = 0, b = 0, k = 0; ///< a < b
    Vec2 at;                 ///< where the centre lines cross (or come closest), design units
    int over = 0;            ///< which of a and b lies on top there
    std::vector<int> stack;  ///< every ring meeting there, bottom to top (more than two at a multi-crossing)
};

/// Every crossing of every `rings` layer, in layer order, then by (a, b, k). Checks each rings
/// layer as build_scene does (throws InputError with every problem found).
std::vector<RingCrossing> ring_crossings(const Design& design);

} // namespace vexil
