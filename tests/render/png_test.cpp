// vexil's PNG writer (render/png.h): every design decodes to exactly the pixels Cairo's own PNG
// writer gives for the same surface, the files are no larger than Cairo's by more than 10 %, opaque
// flags are RGB, and a raster drawn in bands is the raster drawn whole.
#include "render/cairo_handles.h"
#include "render/draw.h"
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cairo.h>

#include <algorithm>

using namespace vexil;

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// What Cairo's own writer makes of the scene drawn whole onto one surface of `width` × `height`.
std::string cairo_png(const Scene& scene, const OutputSize& size, int width, int height) {
    render::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    {
        render::ContextPtr cr(cairo_create(surface.get()));
        render::draw_scene(scene, cr.get(), size.width, size.height);
    }
    std::string bytes;
    REQUIRE(cairo_surface_write_to_png_stream(surface.get(), append, &bytes) == CAIRO_STATUS_SUCCESS);
    return bytes;
}

/// The pixel at which two images first differ, or -1.
long first_difference(const test::Image& a, const test::Image& b) {
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const auto &p = a.pixels[i], &q = b.pixels[i];
        if (p.r != q.r || p.g != q.g || p.b != q.b || p.a != q.a) return static_cast<long>(i);
    }
    return -1;
}

/// The PNG's colour type (IHDR byte 25): 2 RGB, 6 RGBA.
int colour_type(const std::string& png) {
    return static_cast<unsigned char>(png.at(25));
}

} // namespace

TEST_CASE("png: every design decodes to Cairo's own pixels, bit for bit, in no more than 110 % of its bytes "
          "(or 512 more)",
          "[png]") {
    for (const auto& file : test::design_files()) {
        DYNAMIC_SECTION(file.stem().string()) {
            const Scene scene = build_scene(load_design(file));
            RenderOptions options;
            options.width = 900;
            const std::string ours = render_bytes(scene, Format::Png, options);
            const test::Image mine = test::decode_png(ours);
            const OutputSize size = output_size(scene, options, Format::Png);
            const std::string theirs = cairo_png(scene, size, mine.width, mine.height);
            const test::Image reference = test::decode_png(theirs);
            REQUIRE(mine.width == reference.width);
            REQUIRE(mine.height == reference.height);
            CHECK(first_difference(mine, reference) == -1);
            CHECK(colour_type(ours) == colour_type(theirs)); // RGB where Cairo finds the image opaque
            // Within 10 %, or 512 bytes for the smallest files (a plain tricolour is under 3 KB).
            CHECK(static_cast<double>(ours.size()) <= std::max(1.10 * static_cast<double>(theirs.size()),
                                                               static_cast<double>(theirs.size()) + 512));
        }
    }
}

TEST_CASE("png: a raster too large for one band is drawn in bands, and is the raster drawn whole", "[png]") {
    // 150 cm at 150 dpi: 8858 x 4429 pixels, 39 million, drawn in bands of 16 million pixels.
    const Scene scene = build_scene(load_design(test::source_dir() / "designs" / "united-kingdom.toml"));
    RenderOptions options;
    options.width = Length{150, LengthUnit::Cm};
    options.dpi = 150;
    const std::string ours = render_bytes(scene, Format::Png, options);
    const test::Image mine = test::decode_png(ours);
    CHECK(mine.width == 8858);
    const OutputSize size = output_size(scene, options, Format::Png);
    const test::Image whole = test::decode_png(cairo_png(scene, size, mine.width, mine.height));
    CHECK(first_difference(mine, whole) == -1);
    CHECK(ours.find("pHYs") != std::string::npos);
}
