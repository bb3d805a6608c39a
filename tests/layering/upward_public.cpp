// The layout module may not reach the render stage's public header either.
#include "vexil/render.h"
