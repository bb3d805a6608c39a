#pragma once
/// @file layout.h
/// Stage 2: Design → Scene. Pure geometry; no I/O, no TOML, no Cairo.

#include "vexil/design.h"
#include "vexil/scene.h"

namespace vexil {

/// Lays out every layer. Throws InputError for combinations the loader cannot see (a clip naming
/// a later layer, an impossible star).
Scene build_scene(const Design& design);

} // namespace vexil
