// The render stage's entry points: choose the format, fix the output size, produce bytes.
#include "vexil/render.h"
#include "diag/diag.h"
#include "finish/finish.h"
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

struct UnitInfo {
    LengthUnit unit;
    std::string_view name;
    double points; ///< points in one of it
};

// 1 in = 72 pt = 25.4 mm exactly (the international inch, and PDF's point).
constexpr UnitInfo kUnits[] = {
    {LengthUnit::Px, "px", 1},         {LengthUnit::Pt, "pt", 1},         {LengthUnit::Mm, "mm", 72 / 25.4},
    {LengthUnit::Cm, "cm", 72 / 2.54}, {LengthUnit::M, "m", 7200 / 2.54}, {LengthUnit::In, "in", 72},
    {LengthUnit::Ft, "ft", 72 * 12.0},
};

const UnitInfo& info(LengthUnit unit) {
    for (const UnitInfo& entry : kUnits)
        if (entry.unit == unit) return entry;
    return kUnits[0];
}

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

double Length::points() const {
    return value * info(unit).points;
}

std::string_view unit_name(LengthUnit unit) {
    return info(unit).name;
}

std::optional<Length> parse_length(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
    if (end == 0 || std::count(text.begin(), text.begin() + end, '.') > 1) return std::nullopt;
    const std::string number(text.substr(0, end));
    const std::string_view suffix = text.substr(end);
    const double value = std::strtod(number.c_str(), nullptr);
    if (!std::isfinite(value) || value <= 0) return std::nullopt;
    if (suffix.empty()) return Length{value, LengthUnit::Px};
    for (const UnitInfo& entry : kUnits)
        if (entry.name == suffix) return Length{value, entry.unit};
    return std::nullopt;
}

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
    const Length given = by_height ? *options.height : options.width.value_or(Length{1200});
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
    if (format == Format::Pdf &&
        (size.page_width_points() > kMaxPdfPagePoints || size.page_height_points() > kMaxPdfPagePoints))
        diag::raise(diag::bad_usage(
            "vexil",
            "a PDF page is at most 200 in (508 cm) a side, and this one would be " +
                std::to_string(static_cast<long long>(std::round(size.page_width_points() / 72 * 2.54))) +
                " x " +
                std::to_string(static_cast<long long>(std::round(size.page_height_points() / 72 * 2.54))) +
                " cm: give a smaller size"));
    if (format != Format::Png && (width > 1e7 || height > 1e7)) too_large(width, height);
    size.width = static_cast<int>(std::min(width, 1e7));
    size.height = static_cast<int>(std::min(height, 1e7));
    return size;
}

double bleed_in_design_units(double flag_width, double flag_height, const RenderOptions& options,
                             Format format) {
    if (!options.bleed) return 0;
    Scene shape;
    shape.width = flag_width;
    shape.height = flag_height;
    const OutputSize size = output_size(shape, options, format);
    const Length bleed = *options.bleed;
    if (!(bleed.value > 0) || !std::isfinite(bleed.value))
        diag::raise(diag::bad_usage("vexil", "the bleed must be greater than 0"));
    // A bleed in print units against the page in points; a bare one in the output's own units.
    const double per_unit = bleed.physical()
                                ? size.page_width_points() / flag_width
                                : (format == Format::Png ? size.width : size.page_width) / flag_width;
    const double units = (bleed.physical() ? bleed.points() : bleed.value) / per_unit;
    if (units > std::max(flag_width, flag_height))
        diag::raise(diag::bad_usage("vexil", "the bleed is larger than the flag itself"));
    return units;
}

std::string render_bytes(const Scene& scene, Format format, const RenderOptions& options) {
    const OutputSize size = output_size(scene, options, format);
    switch (format) {
    case Format::Png:
        return render::render_png(scene, size);
    case Format::Svg:
        return render::render_svg(scene, size);
    case Format::Pdf: {
        std::string pdf = render::render_pdf(scene, size);
        if (scene.bleed <= 0 && !size.page_unit_is_physical()) return pdf;
        // Print output: say where the flag ends (TrimBox) and how far the art runs on (BleedBox).
        const double w = size.page_width_points(), h = size.page_height_points();
        const double b = scene.bleed * w / scene.width;
        return finish::set_page_boxes(pdf, {b, b, b + w, b + h}, {0, 0, w + 2 * b, h + 2 * b});
    }
    }
    throw IoError("unknown output format");
}

} // namespace vexil
