#pragma once
/// @file vexil.h
/// Umbrella header: design file → load_design → build_scene → render_bytes / write_file.

#include "vexil/design.h"
#include "vexil/diagnostic.h"
#include "vexil/fields.h"
#include "vexil/gallery.h"
#include "vexil/geom.h"
#include "vexil/kinds.h"
#include "vexil/layout.h"
#include "vexil/load.h"
#include "vexil/random.h"
#include "vexil/render.h"
#include "vexil/resources.h"
#include "vexil/scene.h"
#include "vexil/version.h"
