#!/usr/bin/env bash
# The one sanitizer build that scripts/asan.sh and scripts/fuzz.sh share: clang 14 with
# VEXIL_FUZZ=ON (the library, its plugins, the CLI, the tests and the fuzz targets under
# AddressSanitizer and UBSan) in build-fuzz/ (VEXIL_FUZZ_BUILD_DIR). Configures it and builds the
# targets named.
#
# Usage: scripts/build-fuzz.sh TARGET…   VEXIL_FUZZ_JOBS sets the parallelism (2). Needs clang-14
# and its libFuzzer runtime (libclang-rt-14-dev), which scripts/setup.sh installs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VEXIL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${VEXIL_FUZZ_JOBS:-2}"
if ! command -v clang++-14 >/dev/null 2>&1 ||
   [ ! -e "$(clang-14 -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  echo "build-fuzz.sh: clang-14 with libFuzzer is missing: run scripts/setup.sh (clang-14, libclang-rt-14-dev)" >&2
  exit 1
fi
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVEXIL_FUZZ=ON \
  -DVEXIL_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$jobs" --target "$@"
