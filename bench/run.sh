#!/usr/bin/env bash
# Whole-process benchmark: vexil rendering each benchmark design to SVG, PNG and PDF at 1500 px wide,
# beside rsvg-convert rasterising vexil's own SVG of the same design to the same size. hyperfine
# runs each command several times; we report medians and their ratios, and below each flag the same
# for the fastest run of each command.
# Usage: bench/run.sh [VEXIL [BARE_CAIRO]]   (needs hyperfine, rsvg-convert and python3; BARE_CAIRO is
# bench/bare_cairo.cpp, built by `cmake --build build --target vexil_bare_cairo`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vexil="${1:-$root/build/vexil}"
bare="${2:-$root/build/bench/vexil_bare_cairo}" # cmake --build build --target vexil_bare_cairo
width=1500
runs="${VEXIL_BENCH_RUNS:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -x "$bare" ] || { echo "bench: build the bare Cairo program first: cmake --build build --target vexil_bare_cairo"; exit 1; }
for tool in hyperfine rsvg-convert python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install hyperfine librsvg2-bin python3)"; exit 1; }
done

# The six flags issue "Speed" names: rings, a disc, diagonals, stars in a grid, stars facing a
# point, and rings woven in colour.
designs=(earth japan united-kingdom united-states china olympic)

printf '%-18s %9s %9s %9s %13s %9s %9s %9s %8s %8s\n' design "svg ms" "png ms" "pdf ms" "rsvg-convert" \
  "png/rsvg" "start ms" "cairo ms" "svg/cairo" "pdf/cairo"
for name in "${designs[@]}"; do
  design="$(find "$root/designs" -name "$name.toml" | head -1)"
  "$vexil" render "$design" -o "$work/$name.svg" --width $width
  # Inkscape and CairoSVG rasterise the same SVG too, when they are installed.
  others=()
  command -v inkscape >/dev/null && others+=(-n inkscape "inkscape $work/$name.svg -w $width -o $work/inkscape.png")
  command -v cairosvg >/dev/null && others+=(-n cairosvg "cairosvg $work/$name.svg -W $width -o $work/cairosvg.png")
  hyperfine -N --runs "$runs" --warmup 3 --export-json "$work/$name.json" \
    -n svg "$vexil render $design -o $work/out.svg --width $width" \
    -n png "$vexil render $design -o $work/out.png --width $width" \
    -n pdf "$vexil render $design -o $work/out.pdf --width $width" \
    -n rsvg "rsvg-convert -w $width -o $work/rsvg.png $work/$name.svg" \
    -n start "$vexil --version" \
    -n bare-svg "$bare $work/bare.svg" -n bare-pdf "$bare $work/bare.pdf" "${others[@]}" >/dev/null 2>&1
  python3 - "$work/$name.json" "$name" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
results = {r["command"]: r["median"] * 1000 for r in runs}
fastest = {r["command"]: r["min"] * 1000 for r in runs}
r = results
print(f'{sys.argv[2]:<18} {r["svg"]:9.2f} {r["png"]:9.2f} {r["pdf"]:9.2f} {r["rsvg"]:13.2f} '
      f'{r["png"] / r["rsvg"]:9.2f} {r["start"]:9.2f} {r["bare-svg"]:9.2f} '
      f'{r["svg"] / r["bare-svg"]:9.2f} {r["pdf"] / r["bare-pdf"]:8.2f}'
      + ''.join(f'  png/{tool} {results["png"] / results[tool]:.2f}' for tool in ("inkscape", "cairosvg") if tool in results))
# The same ratios of the fastest runs: on a shared machine the noise only ever adds time, so the
# minimums move less from run to run than the medians do.
f = fastest
print(f'{"  (fastest runs)":<18} {f["svg"]:9.2f} {f["png"]:9.2f} {f["pdf"]:9.2f} {f["rsvg"]:13.2f} '
      f'{f["png"] / f["rsvg"]:9.2f} {f["start"]:9.2f} {f["bare-svg"]:9.2f} '
      f'{f["svg"] / f["bare-svg"]:9.2f} {f["pdf"] / f["bare-pdf"]:8.2f}')
PY
done

# Peak memory of one PNG render, and of a 100-megapixel one (drawn in bands).
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
echo "peak memory, earth at $width px PNG: $(peak "$vexil" render "$(find "$root/designs" -name earth.toml)" -o "$work/m.png" --width $width) KiB"
echo "peak memory, earth at 12248 px PNG (100 Mpixel): $(peak "$vexil" render "$(find "$root/designs" -name earth.toml)" -o "$work/m.png" --width 12248) KiB"
# Save to new PNG in watch.
python3 "$root/bench/watch_latency.py" "$vexil" "$root/designs/japan.toml" 20 600
