// The control: what layout may include (its own headers, geom, the model and scene) is found.
#include "geom/tolerance.h"
#include "layout/unit.h"
