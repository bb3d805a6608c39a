// The render stage's entry points: choose the format, fix the output size, produce bytes.
#include "vexil/render.h"
#include "diag/diag.h"
#include "render/surfaces.h"

#include <algorithm>
#include <cctype>
#include <cmath>

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

OutputSize output_size(const Scene& scene, const RenderOptions& options) {
    if (options.width && options.height)
        diag::raise(diag::bad_usage(
            "vexil", "give an output width or height, not both: the flag's ratio fixes the other"));
    const double ratio = scene.height / scene.width;
    double width = 1200, height = 0;
    if (options.height) {
        height = *options.height;
        width = std::max(1.0, std::round(height / ratio));
    } else {
        if (options.width) width = *options.width;
        height = std::max(1.0, std::round(width * ratio));
    }
    if (width < 1 || height < 1)
        diag::raise(diag::bad_usage("vexil", "the output size must be at least 1 pixel each way"));
    if (width > kMaxRasterSide || height > kMaxRasterSide ||
        width * height > static_cast<double>(kMaxRasterPixels))
        diag::raise(
            diag::bad_usage("vexil", "the output size " + std::to_string(static_cast<long long>(width)) +
                                         " x " + std::to_string(static_cast<long long>(height)) +
                                         " exceeds vexil's limit of " + std::to_string(kMaxRasterSide) +
                                         " per side and " + std::to_string(kMaxRasterPixels) +
                                         " pixels: give a smaller output width or height"));
    return {static_cast<int>(width), static_cast<int>(height)};
}

std::string render_bytes(const Scene& scene, Format format, const RenderOptions& options) {
    const OutputSize size = output_size(scene, options);
    switch (format) {
    case Format::Png:
        return render::render_png(scene, size);
    case Format::Svg:
        return render::render_svg(scene, size);
    case Format::Pdf:
        return render::render_pdf(scene, size);
    }
    throw IoError("unknown output format");
}

} // namespace vexil
