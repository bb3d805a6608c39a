// The render stage's entry points: choose the format, fix the output size, produce bytes.
#include "vexil/render.h"
#include "diag/diag.h"
#include "render/print_page.h"
#include "render/surfaces.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace vexil {

std::optional<Format> format_for_path(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".svg") return Format::Svg;
    if (extension == ".png") return Format::Png;
    if (extension == ".pdf") return Format::Pdf;
    return std::nullopt;
}

namespace {

/// The unit an SVG carries a size in: SVG has no metres or feet, so those become cm and in.
Length as_svg_length(Length length) {
    if (length.unit == LengthUnit::M) return {length.value * 100, LengthUnit::Cm};
    if (length.unit == LengthUnit::Ft) return {length.value * 12, LengthUnit::In};
    return length;
}

[[noreturn]] void too_large(double width, double height) {
    diag::raise(diag::bad_usage(
        "vexil", "the output size " + std::to_string(static_cast<long long>(width)) + " x " +
                     std::to_string(static_cast<long long>(height)) + " pixels exceeds vexil's limit of " +
                     std::to_string(kMaxRasterSide) + " per side and " + std::to_string(kMaxRasterPixels) +
                     " pixels: give a smaller output size or resolution"));
}

} // namespace

double OutputSize::page_width_points() const {
    return Length{page_width, page_unit}.points();
}
double OutputSize::page_height_points() const {
    return Length{page_height, page_unit}.points();
}

OutputSize output_size(const Scene& scene, const RenderOptions& options, Format format) {
    if (options.width && options.height)
        diag::raise(diag::bad_usage(
            "vexil", "give an output width or height, not both: the flag's ratio fixes the other"));
    const double ratio = scene.height / scene.width;
    const bool by_height = options.height.has_value();
    if (!(options.scale >= 1 && options.scale <= 1000))
        diag::raise(diag::bad_usage("vexil", "a scale is 1:N with N from 1 to 1000"));
    Length given = by_height ? *options.height : options.width.value_or(Length{1200});
    if (options.width || options.height) given.value /= options.scale; // drawn at 1:scale
    if (!(given.value > 0) || !std::isfinite(given.value))
        diag::raise(diag::bad_usage("vexil", "the output size must be greater than 0"));
    if (options.dpi && !(*options.dpi > 0 && *options.dpi <= 100'000))
        diag::raise(
            diag::bad_usage("vexil", "the resolution must be from more than 0 to 100000 pixels per inch"));
    OutputSize size;
    size.dpi = options.dpi;
    // The side given, and the other from the ratio: on the page in the given unit…
    const Length page = given.physical() ? as_svg_length(given) : given;
    double side_px = page.value;
    if (given.physical()) {
        size.dpi = options.dpi.value_or(kDefaultDpi);
        side_px = given.points() / kPointsPerInch * *size.dpi;
    }
    const double other_page = by_height ? page.value / ratio : page.value * ratio;
    size.page_unit = page.unit;
    size.page_width = by_height ? other_page : page.value;
    size.page_height = by_height ? page.value : other_page;
    // …and in pixels, rounded, at least one.
    const double side = std::max(1.0, std::round(side_px));
    const double other = std::max(1.0, std::round(by_height ? side / ratio : side * ratio));
    const double width = by_height ? other : side, height = by_height ? side : other;
    if (!given.physical()) {
        if (side_px < 1)
            diag::raise(diag::bad_usage("vexil", "the output size must be at least 1 pixel each way"));
        size.page_width = width;
        size.page_height = height;
    }
    if (format == Format::Png && (width > kMaxRasterSide || height > kMaxRasterSide ||
                                  width * height > static_cast<double>(kMaxRasterPixels)))
        too_large(width, height);
    if (format != Format::Png && !given.physical() && (width > 1e7 || height > 1e7)) too_large(width, height);
    size.width = static_cast<int>(std::min(width, 1e7));
    size.height = static_cast<int>(std::min(height, 1e7));
    return size;
}

namespace {

/// Design units per unit of `length`: physical lengths against the full-size page (before
/// --scale), bare ones in the output's own units.
double design_units_per(const Length& length, double flag_width, double flag_height,
                        const RenderOptions& options, Format format) {
    Scene shape;
    shape.width = flag_width;
    shape.height = flag_height;
    const OutputSize size = output_size(shape, options, format);
    if (length.physical()) return flag_width / (size.page_width_points() * options.scale);
    return flag_width / (format == Format::Png ? size.width : size.page_width);
}

} // namespace

Edges bleed_in_design_units(double flag_width, double flag_height, const RenderOptions& options,
                            Format format) {
    if (!options.bleed) return {};
    const EdgeLengths& bleed = *options.bleed;
    const auto units = [&](const Length& length) {
        if (!std::isfinite(length.value) || length.value < 0)
            diag::raise(diag::bad_usage("vexil", "the bleed must be 0 or more"));
        return (length.physical() ? length.points() : length.value) *
               design_units_per(length, flag_width, flag_height, options, format);
    };
    const Edges edges{units(bleed.hoist), units(bleed.top), units(bleed.fly), units(bleed.bottom)};
    if (edges.largest() > std::max(flag_width, flag_height))
        diag::raise(diag::bad_usage("vexil", "the bleed is larger than the flag itself"));
    return edges;
}

Edges allowance_in_design_units(double flag_width, double flag_height, const RenderOptions& options,
                                Format format) {
    if (!options.profile) return {};
    const PrintProfile& profile = *options.profile;
    const double per_point =
        design_units_per(Length{1.0, LengthUnit::Pt}, flag_width, flag_height, options, format);
    // A pole sleeve takes its depth past the hoist (the flap folded back), plus the hem it turns under.
    const double hoist = profile.sleeve + profile.hem_hoist;
    const Edges edges = Edges{hoist, profile.hem_top, profile.hem_fly, profile.hem_bottom} * per_point;
    if (edges.largest() > std::max(flag_width, flag_height))
        diag::raise(
            diag::bad_usage("vexil", "the print profile's hems and sleeve are larger than the flag itself"));
    return edges;
}

std::string render_bytes(const Scene& scene, Format format, const RenderOptions& options) {
    const OutputSize size = output_size(scene, options, format);
    switch (format) {
    case Format::Png:
        return render::render_png(scene, size);
    case Format::Svg:
        return render::render_svg(scene, size);
    case Format::Pdf:
        if (render::is_print_pdf(scene, size, options)) return render::render_print_pdf(scene, size, options);
        return render::render_pdf(scene, size);
    }
    throw IoError("unknown output format");
}

std::string render_proof(const Scene& scene, const RenderOptions& options) {
    return render::render_proof_pdf(scene, options);
}

} // namespace vexil
