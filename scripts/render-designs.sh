#!/usr/bin/env bash
# Quick start 1: install, build, and render every design in designs/ to out/ (SVG, PNG, PDF).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
build="${VEXIL_BUILD_DIR:-$root/build}"
out="${1:-$root/out}"
mkdir -p "$out"
status=0
while IFS= read -r design; do
  name="$(basename "${design%.toml}")"
  if "$build/vexil" render "$design" -o "$out/$name.svg" -o "$out/$name.png" -o "$out/$name.pdf"; then
    echo "rendered $name"
  else
    status=2
  fi
done < <(find "$root/designs" -name '*.toml' | sort)
echo "open $out to see them"
exit $status
