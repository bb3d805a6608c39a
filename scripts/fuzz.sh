#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of fuzz/ with clang 14 in build-fuzz/ (VEXIL_FUZZ=ON: the
# library, its plugins and the targets under AddressSanitizer and UBSan) and runs each in turn for
# SECONDS (default 45) on its corpus. Fails if any target finds a crash, a sanitizer report, a leak,
# a hang (an input running past -timeout) or a blow-up in memory (past -rss_limit_mb); the input
# that did it is kept in build-fuzz/fuzz/findings/TARGET/ (crash-…, leak-…, timeout-…, slow-unit-…,
# oom-…). docs/fuzzing.md says how to run them for longer, reproduce a finding and keep it as a test.
#
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET…]   (targets: fuzz_design fuzz_emblem
# fuzz_expression fuzz_path_data). VEXIL_FUZZ_JOBS sets the build parallelism (2). The build's
# tests are those scripts/asan.sh runs. Needs clang-14 and libclang-rt-14-dev (scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VEXIL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-45}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_design fuzz_emblem fuzz_expression fuzz_path_data)

"$root/scripts/build-fuzz.sh" fuzzers

out="$build/fuzz"
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_design,fuzz_emblem,fuzz_expression,fuzz_path_data}

# Seeds, made afresh from the tree each run. fuzz_design reads a design as tests/emblems/fuzz.toml,
# so a design's `extends = "earth.toml"` becomes "../../designs/earth.toml" and the docs'
# "emblems/sun.svg" becomes "sun.svg".
for design in "$root"/designs/*.toml; do
  sed 's#^extends *= *"#extends = "../../designs/#' "$design" >"$seeds/fuzz_design/design-$(basename "$design")"
done
find "$root/tests/bad" -name '*.toml' -size -16k | while read -r bad; do
  cp "$bad" "$seeds/fuzz_design/bad-$(basename "$(dirname "$bad")")-$(basename "$bad")"
done
for doc in "$root"/docs/*.md; do
  awk -v out="$seeds/fuzz_design/doc-$(basename "$doc" .md)" '
    /^```toml/ { n++; inside = 1; next }
    /^```/     { inside = 0; next }
    inside     { gsub(/"emblems\//, "\""); print > (out "-" n ".toml") }' "$doc"
done
cp "$root"/tests/emblems/*.svg "$seeds/fuzz_emblem/"
cp "$root"/docs/emblems/*.svg "$seeds/fuzz_emblem/doc-$(basename "$root"/docs/emblems/*.svg)" 2>/dev/null || true
# Expressions: every quoted string of the designs and docs made only of what expressions are made of,
# with an operator in it; path data: every `d = "…"`.
grep -ohE '"[A-Za-z0-9_ .,()*/^+-]+"' "$root"/designs/*.toml "$root"/docs/*.md "$root"/tests/bad/*/*.toml |
  tr -d '"' | grep -E '[-+*/^(]' | sort -u | awk -v out="$seeds/fuzz_expression" '{ printf "%s", $0 > (out "/e" NR); close(out "/e" NR) }'
grep -ohE '^[[:space:]]*d[[:space:]]*=[[:space:]]*"[^"]*"' "$root"/designs/*.toml "$root"/docs/*.md \
  "$root"/tests/bad/*/*.toml | sed -E 's/^[^"]*"//; s/"$//' | sort -u |
  awk -v out="$seeds/fuzz_path_data" '{ printf "%s", $0 > (out "/d" NR); close(out "/d" NR) }'
"$out/fuzz_dictionary" >"$out/design.dict"

# Leaks: libFuzzer's leak check stays on; only what libraries keep for the life of the process by
# design is suppressed (fuzz/lsan.supp: fontconfig, reached through Pango by text layers), never
# vexil's own code. UBSan aborts on its first finding (-fno-sanitize-recover=all in this build).
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp print_suppressions=0 ${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1 ${UBSAN_OPTIONS:-}"
symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"

status=0
for target in "${targets[@]}"; do
  corpus="$out/corpus/$target"   # what the fuzzer finds: kept between runs, grows
  findings="$out/findings/$target"
  log="$out/logs/$target.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  # -timeout: one input running 10 s is a hang; -rss_limit_mb: 2 GB of memory (or one malloc that
  # large) is a blow-up. Inputs grow to 16 KiB: the largest design is 7 KiB.
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1
        -artifact_prefix="$findings/")
  [ "$target" = fuzz_design ] && args+=(-dict="$out/design.dict")
  [ "$target" = fuzz_emblem ] && args+=(-dict="$root/fuzz/svg.dict")
  dirs=("$corpus" "$seeds/$target")
  [ -d "$root/fuzz/corpus/$target" ] && dirs+=("$root/fuzz/corpus/$target")
  # The working corpus grows with every run, and a run reads all of it before fuzzing: past 3000
  # inputs, shrink it to those that add coverage (-merge=1) first.
  if [ "$(find "$corpus" -type f | wc -l)" -gt 3000 ]; then
    rm -rf "$corpus.merged" && mkdir "$corpus.merged"
    if "$out/$target" -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len=16384 "$corpus.merged" "$corpus" >"$log" 2>&1; then
      echo "fuzz.sh: $target: corpus merged from $(find "$corpus" -type f | wc -l) to $(find "$corpus.merged" -type f | wc -l) inputs"
      rm -rf "$corpus" && mv "$corpus.merged" "$corpus"
    else
      echo "fuzz.sh: $target: merging the corpus failed (log: $log); fuzzing on the whole corpus" >&2
      rm -rf "$corpus.merged"
    fi
  fi
  echo "fuzz.sh: $target for ${seconds}s"
  started="$out/logs/$target.started"
  touch "$started"
  result=0
  "$out/$target" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || result=$?
  # An input that ran past -timeout but ended between two of libFuzzer's checks is not reported as a
  # timeout: libFuzzer keeps it as slow-unit-… and carries on. It is a hang all the same.
  found="$(find "$findings" -type f -newer "$started")"
  if [ "$result" -eq 0 ] && [ -z "$found" ]; then
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" |
      sed "s/^/  /"
    echo "  corpus: $(find "$corpus" -type f | wc -l) inputs"
  else
    status=1
    echo "fuzz.sh: $target found a problem (${found:-see the log}); the log is $log:" >&2
    grep -vE '^(#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|INFO:)' "$log" | tail -60 >&2
  fi
done
exit "$status"
