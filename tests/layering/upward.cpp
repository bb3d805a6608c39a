// Compiled with the layout module's include folder only (build/modules/layout): the render module
// is downstream of layout, so this include must not be found. The `layering` test expects failure.
#include "render/draw.h"
