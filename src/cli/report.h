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

/// How problems are printed. Text: `FILE:LINE:COL: error: message`, coloured like a compiler's
/// when `colour`. Json: one JSON object a line (JSON Lines), for editors and CI:
/// {"file", "line", "column", "end_line", "end_column", "severity", "code", "message",
/// "suggestion"}, null where unknown. docs/cli.md describes both.
struct ReportStyle {
    bool json = false;
    bool colour = false;
};
/// The style for `--diagnostics text|json` and `--color auto|always|never`: auto colours when
/// standard error is a terminal and NO_COLOR (no-color.org) is unset or empty.
ReportStyle report_style(const std::string& diagnostics, const std::string& colour);
/// Every report from here on uses `style` (set once, by main, before any command runs).
void set_report_style(ReportStyle style);
ReportStyle current_report_style();

/// An error about no file (a failure, a usage error): printed as `vexil: error: MESSAGE`.
Diagnostic unplaced_error(std::string code, std::string message);

/// Prints each diagnostic on its own line.
void report(const std::vector<Diagnostic>& diagnostics);
/// Prints an input error's diagnostics; returns exit status 2.
int report(const InputError& error);
/// Prints `vexil: error: WHAT` (or its JSON object, code "failure"); returns exit status 1.
int report_failure(std::string_view what);

/// load_resources, then build_scene; prints the layout's warnings. Throws as the stages do.
Scene lay_out(const Design& design, ResourceCache* cache = nullptr, const LayoutOptions& options = {});

} // namespace vexil::cli
