#!/usr/bin/env bash
# AddressSanitizer and UBSan run of the test suite: builds vexil and its tests in build-fuzz/, the
# clang 14 build it shares with scripts/fuzz.sh (scripts/build-fuzz.sh: VEXIL_FUZZ=ON compiles the
# library, its plugins, the CLI and the tests with -fsanitize=address,undefined), and runs them.
# Any sanitizer report fails the run: UBSan aborts on its first finding (-fno-sanitize-recover=all),
# ASan always does, and LeakSanitizer reports a leak at the exit of each test process and of each
# vexil the tests start, failing it.
# Leaks inside libraries (fontconfig, Cairo's SVG surface, libxml2) are suppressed by
# fuzz/lsan.supp, which says why for each; vexil's own are findings.
#
# Why this build and not a gcc one with VEXIL_SANITIZE: the library is already built here for the
# fuzz targets, so this run adds only the CLI and the tests to the build, where a gcc ASan build
# would be one more whole build in CI; and clang's -fsanitize=undefined checks a little more than
# gcc's (-fsanitize=function: a call through a pointer of the wrong function type).
#
# Left out: the layering-* and clang-format tests (they run the compiler and clang-format on the
# sources, nothing of vexil's runs), `package` (it builds a project against the installed library,
# which needs the sanitizer runtimes linked in), and the tests labelled `crash` (a few hundred
# SIGKILLs of the CLI, 2 minutes under ASan, testing the file system's atomic renames, not memory).
#
# Usage: scripts/asan.sh [extra ctest arguments]. VEXIL_FUZZ_JOBS sets the build and test
# parallelism (2). Needs clang-14 and libclang-rt-14-dev (scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VEXIL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${VEXIL_FUZZ_JOBS:-2}"
"$root/scripts/build-fuzz.sh" vexil vexil_tests

export ASAN_OPTIONS="detect_leaks=1 ${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp print_suppressions=0 ${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1 ${UBSAN_OPTIONS:-}"
symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
ctest --test-dir "$build" --output-on-failure -j"$jobs" -E '^(layering-.*|clang-format|package)$' -LE crash "$@"
