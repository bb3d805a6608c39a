#pragma once
// The one place the command line prints problems: diagnostics (errors and warnings, in the
// compilers' FILE:LINE:COL form, to standard error) and failures of the machine. main.cpp, check,
// watch and gallery all report through here, so every command words a problem the same way.

#include "vexil/diagnostic.h"
#include "vexil/layout.h"
#include "vexil/resources.h"

#include <string_view>
#include <vector>

namespace vexil::cli {

/// Prints each diagnostic on its own line.
void report(const std::vector<Diagnostic>& diagnostics);
/// Prints an input error's diagnostics; returns exit status 2.
int report(const InputError& error);
/// Prints `vexil: error: WHAT`; returns exit status 1.
int report_failure(std::string_view what);

/// load_resources, then build_scene; prints the layout's warnings. Throws as the stages do.
Scene lay_out(const Design& design, ResourceCache* cache = nullptr, const LayoutOptions& options = {});

} // namespace vexil::cli
