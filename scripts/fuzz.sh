#!/usr/bin/env bash
# Builds every libFuzzer target (fuzz/, listed in docs/reliability.md)
# with clang, AddressSanitizer and UndefinedBehaviorSanitizer, and runs each
# for a bounded time on its seed corpus (fuzz/corpus/<target>).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   default 35: 15 targets in ~9.5 min,
#                                          CI's fuzz budget on 2 cores
#   scripts/fuzz.sh 300 analyze_time_fuzzer    only the targets named
#
# Shares build-asan/ with scripts/sanitize.sh (same flags), so after the
# sanitizer suite only the fuzz executables are left to link. Needs clang-14
# and libclang-rt-14-dev (Debian). Every target runs even after one fails;
# the script then exits non-zero. A crash, leak, sanitizer report, timeout
# (-timeout) or out-of-memory (-rss_limit_mb) is a failure, and the input
# that caused it is left in build-asan/fuzz/artifacts/<target>/.
set -euo pipefail

seconds="${1:-35}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSFUSE_ASAN_BUILD:-$root/build-asan}"

bash "$root/scripts/sanitize.sh" --configure
if [ "$#" -gt 0 ]; then targets=("$@"); else mapfile -t targets <"$build/fuzz/targets.txt"; fi
cmake --build "$build" --target "${targets[@]}" -j"${NEWSFUSE_JOBS:-$(nproc)}"

# Per-target input caps. The analysers are capped at 64 KiB: longer text
# without sentence ends is known to be quadratic (issue 11, fixed apart).
max_len() {
  case "$1" in
    ingest_names_fuzzer|date_fuzzer) echo 256 ;;
    analyze_*|story_render_fuzzer|extract_*) echo 65536 ;;
    *) echo 131072 ;;
  esac
}

# Two settings double the executions per second in a short run (measured in
# docs/reliability.md): a 32 MB quarantine instead of 256 MB (the default
# keeps handing out fresh pages, so page faults took ~15% of a run; 32 MB still
# holds every block one input frees), and -entropic=0 (entropic's per-feature
# bookkeeping took 17-28% of a run, and in 20 s runs the plain schedule reached
# more coverage, not less).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=32"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
out="$build/fuzz"
failed=()
for target in "${targets[@]}"; do
  # The fuzzer's own finds accumulate in build-asan, never in the repository.
  corpus="$out/corpus/$target"
  artifacts="$out/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp -n "$root/fuzz/corpus/$target"/* "$corpus/" 2>/dev/null || true
  # Dictionaries: the target's own words plus JSON tokens for JSON readers.
  dict=()
  if [ -f "$root/fuzz/dict/$target.dict" ]; then
    cat "$root/fuzz/dict/$target.dict" >"$out/$target.dict"
    case "$target" in report_json_fuzzer|ingest_jsonl_fuzzer) cat "$root/fuzz/dict/json.dict" >>"$out/$target.dict" ;; esac
    dict=(-dict="$out/$target.dict")
  fi
  echo "== $target for ${seconds}s"
  status=0
  "$out/$target" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -entropic=0 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 \
    >"$out/$target.log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|#[0-9]+.*DONE)' \
    "$out/$target.log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$out/$target.log" >&2
    echo "fuzz.sh: $target failed (exit $status); input in $artifacts/, log $out/$target.log" >&2
    failed+=("$target")
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds}s each: no crash, leak, sanitizer report, timeout or OOM"
