// See report.h.
#include "cli/report.h"

#include <iostream>

namespace vexil::cli {

void report(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) {
        std::cerr << format_diagnostic(diagnostic) << '\n';
        // The library speaks of the design; what the command line offers is said here.
        if (diagnostic.code == "file-outside")
            std::cerr << format_diagnostic({Severity::Note, diagnostic.region, "allow-folder",
                                            "--allow-folder DIR lets a design read files from DIR too"})
                      << '\n';
        if (diagnostic.code == "no-such-crossing")
            std::cerr << format_diagnostic({Severity::Note, diagnostic.region, "crossings",
                                            "`vexil crossings DESIGN` lists every crossing as [a, b, k]"})
                      << '\n';
    }
}

int report(const InputError& error) {
    report(error.diagnostics());
    return static_cast<int>(ExitCode::BadInput);
}

int report_failure(std::string_view what) {
    std::cerr << "vexil: error: " << what << '\n';
    return static_cast<int>(ExitCode::Failure);
}

Scene lay_out(const Design& design, ResourceCache* cache, const LayoutOptions& options) {
    std::vector<Diagnostic> warnings;
    Scene scene = build_scene(design, load_resources(design, cache), &warnings, options);
    report(warnings);
    return scene;
}

} // namespace vexil::cli
