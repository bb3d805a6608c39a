// See report.h.
#include "cli/report.h"

#include "diag/diag.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace vexil::cli {
namespace {

ReportStyle style;

const char* severity_name(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        break;
    }
    return "note";
}

std::string number_or_null(std::uint32_t value) {
    return value == 0 ? "null" : std::to_string(value);
}

std::string string_or_null(const std::string& text) {
    return text.empty() ? "null" : diag::json_string(text);
}

std::string as_json(const Diagnostic& d) {
    return "{\"file\":" + string_or_null(d.region.file) + ",\"line\":" + number_or_null(d.region.begin.line) +
           ",\"column\":" + number_or_null(d.region.begin.column) +
           ",\"end_line\":" + number_or_null(d.region.end.line) +
           ",\"end_column\":" + number_or_null(d.region.end.column) + ",\"severity\":\"" +
           severity_name(d.severity) + "\",\"code\":" + string_or_null(d.code) +
           ",\"message\":" + diag::json_string(d.message) +
           ",\"suggestion\":" + string_or_null(d.suggestion) + "}";
}

/// format_diagnostic's text with a compiler's colours: the place in bold, the severity in its colour.
std::string coloured(const Diagnostic& d) {
    const std::string plain = format_diagnostic(d);
    const std::string marker = std::string(": ") + severity_name(d.severity) + ": ";
    const auto at = plain.find(marker);
    if (at == std::string::npos) return plain;
    const char* hue = d.severity == Severity::Error     ? "\033[1;31m"
                      : d.severity == Severity::Warning ? "\033[1;35m"
                                                        : "\033[1;36m";
    return "\033[1m" + plain.substr(0, at + 1) + "\033[0m " + hue + severity_name(d.severity) + ":\033[0m " +
           plain.substr(at + marker.size());
}

} // namespace

Diagnostic unplaced_error(std::string code, std::string message) {
    // Member by member: braces with an empty region trip a false -Wmaybe-uninitialized in GCC 12.
    Diagnostic diagnostic;
    diagnostic.code = std::move(code);
    diagnostic.message = std::move(message);
    return diagnostic;
}

namespace {

void print(const Diagnostic& d) {
    std::cerr << (style.json ? as_json(d) : style.colour ? coloured(d) : format_diagnostic(d)) << '\n';
}

} // namespace

ReportStyle report_style(const std::string& diagnostics, const std::string& colour) {
    ReportStyle chosen;
    chosen.json = diagnostics == "json";
    const char* no_colour = std::getenv("NO_COLOR");
    const bool automatic = isatty(STDERR_FILENO) && !(no_colour && *no_colour);
    chosen.colour = !chosen.json && (colour == "always" || (colour == "auto" && automatic));
    return chosen;
}

void set_report_style(ReportStyle chosen) {
    style = chosen;
}

ReportStyle current_report_style() {
    return style;
}

void report(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) {
        print(diagnostic);
        // The library speaks of the design; what the command line offers is said here.
        if (diagnostic.code == "file-outside")
            print({Severity::Note, diagnostic.region, "allow-folder",
                   "--allow-folder DIR lets a design read files from DIR too"});
        if (diagnostic.code == "no-such-crossing")
            print({Severity::Note, diagnostic.region, "crossings",
                   "`vexil crossings DESIGN` lists every crossing as [a, b, k]"});
    }
}

int report(const InputError& error) {
    report(error.diagnostics());
    return static_cast<int>(ExitCode::BadInput);
}

int report_failure(std::string_view what) {
    print(unplaced_error("failure", std::string(what)));
    return static_cast<int>(ExitCode::Failure);
}

Scene lay_out(const Design& design, ResourceCache* cache, const LayoutOptions& options) {
    std::vector<Diagnostic> warnings;
    Scene scene = build_scene(design, load_resources(design, cache), &warnings, options);
    report(warnings);
    return scene;
}

} // namespace vexil::cli
