// libFuzzer target: design text → load_design_text → load_resources → build_scene (with warnings)
// → the scene's text dump, its ring crossings, its print-colour warnings and its construction sheet
// (planned, and drawn as SVG) → SVG, PNG and PDF 64 px wide, as `vexil render` and `vexil sheet` do.
//
// A design refused with an InputError is an expected outcome, not a finding, as long as the error
// carries well-formed diagnostics. These are findings: a crash, a sanitizer report, a hang, a blow-up
// in memory; an IoError (the machine failing, which a design alone must not cause) or any other
// exception; a diagnostic without a code or message; a scene that breaks the contract of scene.h
// (a coordinate, size, colour, opacity or measure that is not finite or out of its range); a PNG
// that is not 64 pixels wide and round(64 × height / width) high.
//
// The design is read as if it were tests/emblems/fuzz.toml, so `file = "sun.svg"` names an emblem of
// that folder (through the plugin libvexil-emblem.so of this build tree), and `extends` names a
// design by a path relative to it ("../../designs/earth.toml"). Lines of the form `#set NAME=VALUE`,
// comments to TOML, are passed as overrides, as `vexil render --set NAME=VALUE` does.
#include "vexil/vexil.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace vexil;

namespace {

const std::string& label() {
    static const std::string path = std::string(VEXIL_SOURCE_DIR) + "/tests/emblems/fuzz.toml";
    return path;
}

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "fuzz_design: %s\n", what.c_str());
    std::abort();
}

/// Every diagnostic says what is wrong: a kebab-case code and a message.
void check(const std::vector<Diagnostic>& diagnostics, Severity severity) {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != severity) finding("a diagnostic of the wrong severity: " + format_diagnostic(d));
        if (d.code.empty() || d.message.empty())
            finding("a diagnostic without a code or message: " + format_diagnostic(d));
        for (const char c : d.code)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                finding("a diagnostic code that is not kebab-case: '" + d.code + "'");
    }
}

bool finite(Vec2 p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

void check(const Path& path, const std::string& where) {
    std::size_t points = 0;
    for (const PathVerb verb : path.verbs())
        points += verb == PathVerb::Cubic ? 3 : verb == PathVerb::Close ? 0 : 1;
    if (points != path.points().size()) finding(where + ": a path whose verbs and points disagree");
    if (!std::all_of(path.points().begin(), path.points().end(), finite))
        finding(where + ": a path point that is not finite");
}

void check(const Colour& c, const std::string& where) {
    for (const double channel : {c.r, c.g, c.b, c.a})
        if (!(channel >= 0 && channel <= 1)) finding(where + ": a colour channel outside [0, 1]");
}

/// The contract of scene.h.
void check(const Scene& scene) {
    if (!(std::isfinite(scene.width) && std::isfinite(scene.height) && scene.width > 0 && scene.height > 0))
        finding("a scene whose size is not positive and finite");
    if (scene.outline) check(*scene.outline, "the outline");
    for (std::size_t g = 0; g < scene.groups.size(); ++g) {
        const Group& group = scene.groups[g];
        const std::string where = "group " + std::to_string(g + 1) + " (" + group.kind + ")";
        if (!(group.opacity >= 0 && group.opacity <= 1)) finding(where + ": an opacity outside [0, 1]");
        if (group.clip) check(*group.clip, where + " clip");
        for (const Measure& m : group.measures)
            if (!finite(m.a) || !finite(m.b) || !std::isfinite(m.value))
                finding(where + ": a measure that is not finite (" + m.what + ")");
        for (const Item& item : group.items) {
            if (const auto* fill = std::get_if<FillPath>(&item)) {
                check(fill->path, where);
                check(fill->colour, where);
            } else if (const auto* stroke = std::get_if<StrokePath>(&item)) {
                check(stroke->path, where);
                check(stroke->colour, where);
                if (!(std::isfinite(stroke->width) && stroke->width >= 0))
                    finding(where + ": a stroke width that is not finite and positive");
            } else if (const auto* cutout = std::get_if<CutoutFill>(&item)) {
                check(cutout->path, where);
                check(cutout->colour, where);
                for (const Path& hole : cutout->holes)
                    check(hole, where + " hole");
            } else if (const auto* emblem = std::get_if<EmblemDraw>(&item)) {
                const Affine& t = emblem->transform;
                for (const double v : {t.a, t.b, t.c, t.d, t.e, t.f})
                    if (!std::isfinite(v)) finding(where + ": an emblem transform that is not finite");
                if (!emblem->document) finding(where + ": an emblem without its document");
            }
        }
    }
}

/// A PNG's width and height, from its IHDR chunk.
std::pair<long, long> png_size(const std::string& png) {
    if (png.size() < 24 || png.compare(12, 4, "IHDR") != 0) finding("a PNG without its IHDR chunk");
    const auto number = [&](std::size_t at) {
        long n = 0;
        for (std::size_t i = at; i < at + 4; ++i)
            n = n << 8 | static_cast<unsigned char>(png[i]);
        return n;
    };
    return {number(16), number(20)};
}

/// The `#set NAME=VALUE` lines of the design.
std::vector<std::string> overrides_in(std::string_view text) {
    std::vector<std::string> overrides;
    constexpr std::string_view kPrefix = "#set ";
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(at, end - at);
        if (line.substr(0, kPrefix.size()) == kPrefix) overrides.emplace_back(line.substr(kPrefix.size()));
        at = end + 1;
    }
    return overrides;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadOptions load_options;
    load_options.overrides = overrides_in(text);
    try {
        const Design design = load_design_text(text, label(), load_options);
        std::vector<Diagnostic> warnings;
        const Scene scene = build_scene(design, load_resources(design), &warnings);
        check(warnings, Severity::Warning);
        check(scene);
        (void)dump(scene);
        (void)ring_crossings(design);
        check(print_colour_warnings(design, scene), Severity::Warning);
        (void)inputs_hash(design);
        (void)render_sheet(scene, Format::Svg);
        RenderOptions options;
        options.width = 64;
        for (const Format format : {Format::Svg, Format::Png, Format::Pdf}) {
            const std::string bytes = render_bytes(scene, format, options);
            if (bytes.empty()) finding("an empty output");
            if (format != Format::Png) continue;
            const auto [width, height] = png_size(bytes);
            const double ratio = scene.height / scene.width; // as render.cpp rounds it
            const long expected = std::lround(std::max(1.0, std::round(64 * ratio)));
            if (width != 64 || height != expected)
                finding("a PNG of " + std::to_string(width) + " × " + std::to_string(height) +
                        " pixels, not 64 × " + std::to_string(expected));
        }
    } catch (const InputError& error) {
        if (error.diagnostics().empty()) finding("an InputError without a diagnostic");
        check(error.diagnostics(), Severity::Error);
    } catch (const IoError& error) {
        finding(std::string("IoError: ") + error.what());
    }
    return 0;
}
