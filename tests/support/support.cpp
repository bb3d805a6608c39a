#include "support.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace vexil::test {
namespace {

struct PngReader {
    const std::string* bytes;
    std::size_t offset = 0;
};

cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(reader->bytes->data() + reader->offset, length, data);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

Image from_surface(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    Image image;
    image.width = cairo_image_surface_get_width(surface);
    image.height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const cairo_format_t format = cairo_image_surface_get_format(surface);
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
    for (int y = 0; y < image.height; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t p = row[x];
            const int a = format == CAIRO_FORMAT_RGB24 ? 255 : static_cast<int>(p >> 24);
            const auto unpremultiply = [a](int c) {
                return a == 0 ? 0 : std::min(255, (c * 255 + a / 2) / a);
            };
            image.pixels[static_cast<std::size_t>(y) * image.width + x] = {
                unpremultiply((p >> 16) & 0xff), unpremultiply((p >> 8) & 0xff), unpremultiply(p & 0xff), a};
        }
    }
    return image;
}

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace

Image decode_png(const std::string& bytes) {
    PngReader reader{&bytes};
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read_chunk, &reader);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw std::runtime_error("not a PNG");
    }
    Image image = from_surface(surface);
    cairo_surface_destroy(surface);
    return image;
}

Image read_png(const std::filesystem::path& path) {
    return decode_png(read_text(path));
}

Image rasterise_svg(const std::string& svg, int width, int height) {
    GError* error = nullptr;
    RsvgHandle* handle =
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    if (!handle) {
        std::string message = error ? error->message : "unknown";
        if (error) g_error_free(error);
        throw std::runtime_error("librsvg: " + message);
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
    const bool ok = rsvg_handle_render_document(handle, cr, &viewport, &error);
    cairo_destroy(cr);
    g_object_unref(handle);
    if (!ok) {
        cairo_surface_destroy(surface);
        std::string message = error ? error->message : "unknown";
        if (error) g_error_free(error);
        throw std::runtime_error("librsvg render: " + message);
    }
    Image image = from_surface(surface);
    cairo_surface_destroy(surface);
    return image;
}

Image rasterise_pdf(const std::filesystem::path& pdf, int width, int height) {
    const std::filesystem::path stem = pdf.parent_path() / (pdf.stem().string() + "-poppler");
    const std::string command = "pdftoppm -png -singlefile -scale-to-x " + std::to_string(width) +
                                " -scale-to-y " + std::to_string(height) + " " + shell_quote(pdf.string()) +
                                " " + shell_quote(stem.string());
    if (std::system(command.c_str()) != 0) throw std::runtime_error("pdftoppm failed: " + command);
    return read_png(stem.string() + ".png");
}

int difference(const Rgba& a, const Rgba& b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b), std::abs(a.a - b.a)});
}

bool near(const Rgba& pixel, const char* hex, int tolerance) {
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
    return difference(pixel, Rgba{static_cast<int>(r), static_cast<int>(g), static_cast<int>(b), 255}) <=
           tolerance;
}

namespace {

/// Whether b's pixel (x, y) lies within tolerance of the range a spans around (x, y).
bool within_neighbourhood(const Image& a, const Image& b, int x, int y) {
    const Rgba& p = b.at(x, y);
    Rgba low{255, 255, 255, 255}, high{0, 0, 0, 0};
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int nx = std::clamp(x + dx, 0, a.width - 1), ny = std::clamp(y + dy, 0, a.height - 1);
            const Rgba& e = a.at(nx, ny);
            low = {std::min(low.r, e.r), std::min(low.g, e.g), std::min(low.b, e.b), std::min(low.a, e.a)};
            high = {std::max(high.r, e.r), std::max(high.g, e.g), std::max(high.b, e.b),
                    std::max(high.a, e.a)};
        }
    const auto inside = [](int v, int lo, int hi) {
        return v >= lo - kChannelTolerance && v <= hi + kChannelTolerance;
    };
    return inside(p.r, low.r, high.r) && inside(p.g, low.g, high.g) && inside(p.b, low.b, high.b) &&
           inside(p.a, low.a, high.a);
}

} // namespace

bool agrees(const Image& expected, const Image& actual, int x, int y) {
    // Each within tolerance of the range the other spans in the 3 × 3 neighbourhood, per channel:
    // two rasterisers may put an anti-aliased edge's coverage into neighbouring pixels differently,
    // but a wrong colour, a missing shape, one shifted by more than a pixel, or a thin feature
    // (a gap in a weave) that one of them lacks still disagrees — both ways are checked because
    // a one-pixel gap lies within the range of its own neighbourhood.
    return within_neighbourhood(expected, actual, x, y) && within_neighbourhood(actual, expected, x, y);
}

double agreement(const Image& expected, const Image& actual, const std::string& name) {
    if (expected.width != actual.width || expected.height != actual.height) return 0;
    std::size_t alike = 0;
    for (int y = 0; y < expected.height; ++y)
        for (int x = 0; x < expected.width; ++x)
            alike += agrees(expected, actual, x, y);
    const double fraction = static_cast<double>(alike) / static_cast<double>(expected.pixels.size());
    if (!name.empty() && fraction < kMinAgreement) {
        // expected | mask | actual, side by side, for a person to look at.
        const int w = expected.width, h = expected.height;
        cairo_surface_t* out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3 * w, h);
        auto* data = reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(out));
        const int stride = cairo_image_surface_get_stride(out) / 4;
        const auto pack = [](const Rgba& p) {
            return 0xff000000u | static_cast<std::uint32_t>(p.r) << 16 |
                   static_cast<std::uint32_t>(p.g) << 8 | static_cast<std::uint32_t>(p.b);
        };
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const Rgba& e = expected.at(x, y);
                const Rgba& a = actual.at(x, y);
                data[y * stride + x] = pack(e);
                data[y * stride + w + x] = agrees(expected, actual, x, y) ? 0xff202020u : 0xffff00ffu;
                data[y * stride + 2 * w + x] = pack(a);
            }
        cairo_surface_mark_dirty(out);
        const auto dir = build_dir() / "test-diffs";
        std::filesystem::create_directories(dir);
        cairo_surface_write_to_png(out, (dir / (name + ".png")).c_str());
        cairo_surface_destroy(out);
    }
    return fraction;
}

RunResult run_command(std::string command, const std::string& stdin_text) {
    TempDir capture;
    const auto in = capture.write("stdin", stdin_text);
    // Appended piece by piece: `" <" + std::string` trips a false -Wrestrict in GCC 12.
    command.append(" <").append(shell_quote(in.string()));
    command.append(" >").append(shell_quote((capture / "out").string()));
    command.append(" 2>").append(shell_quote((capture / "err").string()));
    const int raw = std::system(command.c_str());
    RunResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    result.out = read_text(capture / "out");
    result.err = read_text(capture / "err");
    return result;
}

RunResult run_vexil(const std::vector<std::string>& args, const std::string& stdin_text) {
    std::string command = shell_quote(VEXIL_BINARY);
    for (const auto& arg : args)
        command.append(" ").append(shell_quote(arg));
    return run_command(std::move(command), stdin_text);
}

RunResult run_tool(const std::vector<std::string>& words) {
    std::string command;
    for (const auto& word : words)
        command.append(command.empty() ? "" : " ").append(shell_quote(word));
    return run_command(std::move(command), {});
}

bool in_ci() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "false" && std::string(ci) != "0";
}

std::filesystem::path source_dir() {
    return VEXIL_SOURCE_DIR;
}

std::vector<std::filesystem::path> design_files() {
    std::vector<std::filesystem::path> designs;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() / "designs"))
        if (entry.path().extension() == ".toml") designs.push_back(entry.path());
    std::sort(designs.begin(), designs.end());
    return designs;
}
std::filesystem::path build_dir() {
    return VEXIL_BUILD_DIR;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vexil-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace vexil::test
