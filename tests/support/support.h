#pragma once
// Test helpers: decoded images, pixel comparison with named tolerances, running the CLI, temp dirs.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vexil::test {

/// A channel differs "visibly" past this (of 255): anti-aliasing and format round-trips stay below.
inline constexpr int kChannelTolerance = 40;
/// Cross-format agreement the issue asks for: at least 99.5 % of pixels alike.
inline constexpr double kMinAgreement = 0.995;

struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
};

/// Straight (un-premultiplied) RGBA pixels, row-major.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<Rgba> pixels;
    const Rgba& at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

Image decode_png(const std::string& bytes);
Image read_png(const std::filesystem::path& path);
/// Rasterises SVG bytes with librsvg at the given size (an independent renderer).
Image rasterise_svg(const std::string& svg, int width, int height);
/// Rasterises a PDF with poppler's pdftoppm at the given size (an independent renderer).
Image rasterise_pdf(const std::filesystem::path& pdf, int width, int height);

/// Max channel difference between two pixels (alpha included).
int difference(const Rgba& a, const Rgba& b);
/// True when every channel is within `tolerance` of `hex` ("#rrggbb", alpha 255).
bool near(const Rgba& pixel, const char* hex, int tolerance = 8);
/// Whether each image's pixel (x, y) lies, channel by channel, within kChannelTolerance of the range
/// the other shows in the 3 × 3 neighbourhood of (x, y).
bool agrees(const Image& expected, const Image& actual, int x, int y);
/// Fraction of pixels that agree (above). Writes a diff image (expected |
/// mask | actual) to build/test-diffs/<name>.png when `name` is given and agreement < kMinAgreement.
double agreement(const Image& expected, const Image& actual, const std::string& name = {});

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};
/// Runs the vexil binary with `args` (shell-quoted here), capturing stdout and stderr.
RunResult run_vexil(const std::vector<std::string>& args, const std::string& stdin_text = {});
/// Runs another program (pdfinfo, qpdf, …) with `words` (shell-quoted here), capturing its output.
RunResult run_tool(const std::vector<std::string>& words);

/// Whether the tests run in CI (the environment variable CI is set to anything but "" or "false", as
/// CI services set CI=true): checks that may skip on a workstation for want of a tool must fail there.
bool in_ci();

std::filesystem::path source_dir();
/// Every design file under designs/, sorted.
std::vector<std::filesystem::path> design_files();
std::filesystem::path build_dir();

/// A fresh directory, removed with everything in it at the end of the scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    /// Writes `text` to a file in the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& text) const;

  private:
    std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& path);

} // namespace vexil::test

#include "vexil/fields.h"
#include "vexil/layout.h"
#include "vexil/resources.h"

namespace vexil {

/// The tests lay a design out in one call: its resources loaded (its emblems read), then
/// build_scene, which itself reads nothing.
inline Scene build_scene(const Design& design) {
    return build_scene(design, load_resources(design));
}

} // namespace vexil
