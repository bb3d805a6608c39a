// In-process stages for one flag at 1500 px: load, resources, layout, draw, PNG encoding — so the
// whole-process figures of run.sh can be read as parts. Run: build/bench/vexil_bench_pipeline
#include "render/draw.h"
#include "render/surfaces.h"
#include "vexil/vexil.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

namespace {

const std::string kEarth = VEXIL_SOURCE_DIR "/designs/earth.toml";

vexil::Scene earth_scene() {
    const vexil::Design design = vexil::load_design(kEarth);
    return vexil::build_scene(design, vexil::load_resources(design));
}

/// A design with one emblem (tests/emblems/blue-wide.svg), written next to the artwork's copy.
vexil::Design emblem_design() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vexil-bench-emblem";
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(VEXIL_SOURCE_DIR "/tests/emblems/blue-wide.svg", dir / "mark.svg",
                               std::filesystem::copy_options::overwrite_existing);
    std::ofstream(dir / "d.toml") << "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"emblem\"\n"
                                     "file = \"mark.svg\"\nheight = 1\n";
    return vexil::load_design(dir / "d.toml");
}

void load(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::load_design(kEarth));
}

void layout(benchmark::State& state) {
    const vexil::Design design = vexil::load_design(kEarth);
    const vexil::Resources none = vexil::load_resources(design);
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::build_scene(design, none));
}

/// An emblem read and parsed on every build, as every build_scene did before the resource stage.
void emblem_uncached(benchmark::State& state) {
    const vexil::Design design = emblem_design();
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::build_scene(design, vexil::load_resources(design)));
}

/// The same with a ResourceCache, as watch and variants build: the file is read, not parsed again.
void emblem_cached(benchmark::State& state) {
    const vexil::Design design = emblem_design();
    vexil::ResourceCache cache;
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::build_scene(design, vexil::load_resources(design, &cache)));
}

const char* const kFlags[] = {"earth", "japan", "united-kingdom", "united-states", "china", "olympic"};

vexil::Scene flag_scene(int index) {
    std::filesystem::path found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(VEXIL_SOURCE_DIR "/designs"))
        if (entry.path().filename() == std::string(kFlags[index]) + ".toml") found = entry.path();
    const vexil::Design design = vexil::load_design(found);
    return vexil::build_scene(design, vexil::load_resources(design));
}

void draw(benchmark::State& state) {
    const vexil::Scene scene = flag_scene(static_cast<int>(state.range(0)));
    state.SetLabel(kFlags[state.range(0)]);
    vexil::render::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1500, 1000));
    for (auto _ : state) {
        vexil::render::ContextPtr cr(cairo_create(surface.get()));
        vexil::render::draw_scene(scene, cr.get(), 1500, 1000);
        cairo_surface_flush(surface.get());
    }
}

void encode(benchmark::State& state) {
    const vexil::Scene scene = flag_scene(static_cast<int>(state.range(0)));
    state.SetLabel(kFlags[state.range(0)]);
    vexil::render::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1500, 1000));
    {
        vexil::render::ContextPtr cr(cairo_create(surface.get()));
        vexil::render::draw_scene(scene, cr.get(), 1500, 1000);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::render::encode_png(surface.get()));
}

void svg(benchmark::State& state) {
    const vexil::Scene scene = earth_scene();
    vexil::RenderOptions options;
    options.width = 1500;
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::render_bytes(scene, vexil::Format::Svg, options));
}

} // namespace

BENCHMARK(load)->Unit(benchmark::kMicrosecond);
BENCHMARK(layout)->Unit(benchmark::kMicrosecond);
BENCHMARK(emblem_uncached)->Unit(benchmark::kMicrosecond);
BENCHMARK(emblem_cached)->Unit(benchmark::kMicrosecond);
BENCHMARK(draw)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);
BENCHMARK(encode)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);
BENCHMARK(svg)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
