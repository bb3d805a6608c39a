#!/usr/bin/env bash
# Quick start 1: install, build, and render every design in designs/ into out/ (or the folder given):
# SVG, PNG, a thumbnail and PDF of each, with out/index.html to browse them and out/catalogue.pdf.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
build="${VEXIL_BUILD_DIR:-$root/build}"
out="${1:-$root/out}"
"$build/vexil" gallery "$root/designs" -o "$out"
echo "open $out/index.html to see them"
