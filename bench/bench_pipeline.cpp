// In-process stages for one flag at 1500 px: load, layout, draw, PNG encoding — so the whole-
// process figures of run.sh can be read as parts. Run: build/bench/vexil_bench_pipeline
#include "render/draw.h"
#include "render/surfaces.h"
#include "vexil/vexil.h"

#include <benchmark/benchmark.h>

namespace {

const std::string kEarth = VEXIL_SOURCE_DIR "/designs/earth.toml";

void load(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::load_design(kEarth));
}

void layout(benchmark::State& state) {
    const vexil::Design design = vexil::load_design(kEarth);
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::build_scene(design));
}

void draw(benchmark::State& state) {
    const vexil::Scene scene = vexil::build_scene(vexil::load_design(kEarth));
    vexil::render::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1500, 1000));
    for (auto _ : state) {
        vexil::render::ContextPtr cr(cairo_create(surface.get()));
        vexil::render::draw_scene(scene, cr.get(), 1500, 1000);
        cairo_surface_flush(surface.get());
    }
}

void encode(benchmark::State& state) {
    const vexil::Scene scene = vexil::build_scene(vexil::load_design(kEarth));
    vexil::render::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1500, 1000));
    {
        vexil::render::ContextPtr cr(cairo_create(surface.get()));
        vexil::render::draw_scene(scene, cr.get(), 1500, 1000);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::render::encode_png(surface.get()));
}

void svg(benchmark::State& state) {
    const vexil::Scene scene = vexil::build_scene(vexil::load_design(kEarth));
    vexil::RenderOptions options;
    options.width = 1500;
    for (auto _ : state)
        benchmark::DoNotOptimize(vexil::render_bytes(scene, vexil::Format::Svg, options));
}

} // namespace

BENCHMARK(load)->Unit(benchmark::kMicrosecond);
BENCHMARK(layout)->Unit(benchmark::kMicrosecond);
BENCHMARK(draw)->Unit(benchmark::kMicrosecond);
BENCHMARK(encode)->Unit(benchmark::kMillisecond);
BENCHMARK(svg)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
