#!/usr/bin/env bash
# ThreadSanitizer run: builds vexil and its tests with -fsanitize=thread in build-tsan/ (VEXIL_TSAN=ON)
# and runs the gallery tests — the code that renders designs on several threads — under it. Any
# reported race fails the run (halt_on_error=1); TSan's report is in the ctest output.
# Usage: scripts/tsan.sh [extra ctest arguments]. VEXIL_TSAN_JOBS sets the build parallelism (2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VEXIL_TSAN_BUILD_DIR:-$root/build-tsan}"
jobs="${VEXIL_TSAN_JOBS:-2}"
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVEXIL_TSAN=ON -DVEXIL_WERROR=ON "${launcher[@]}"
cmake --build "$build" -j"$jobs" --target vexil vexil_tests
# halt_on_error: the first race ends the process with a failure. The tests run vexil as a child
# process and keep its stderr to themselves, so every report also goes to a file, printed below.
reports="$build/tsan-reports"
rm -rf "$reports" && mkdir -p "$reports"
# GLib's slice allocator hands blocks between threads through magazines TSan cannot see into
# (GLib is not built with TSan); always-malloc routes it through malloc, which TSan does see, as
# GLib's own sanitizer builds do. Pango (text, captions) allocates through it.
export G_SLICE=always-malloc
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/tests/tsan.supp log_path=$reports/tsan ${TSAN_OPTIONS:-}"
status=0
# -LE crash: the kill tests (a few hundred SIGKILLs of vexil, tests/cli/crash_test.cpp) test
# processes, not threads, and would take minutes under TSan.
ctest --test-dir "$build" -R gallery -LE crash --output-on-failure -j"$jobs" "$@" || status=$?
if compgen -G "$reports/tsan*" >/dev/null; then
  echo "ThreadSanitizer reports:" >&2
  cat "$reports"/tsan* >&2
  status=1
fi
exit "$status"
