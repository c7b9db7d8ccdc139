#!/usr/bin/env bash
# Builds the extractor's libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30; CI may pass 60)
#
# Needs clang-14 and libclang-rt-14-dev (Debian). Exits non-zero on the first
# crash, leak, sanitizer report, timeout or out-of-memory; the input that
# triggered it is left in build-fuzz/fuzz/artifacts/.
set -euo pipefail

seconds="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSFUSE_FUZZ_BUILD:-$root/build-fuzz}"

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ]; then
  echo "fuzz.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi

flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
extra=()
# Until the root CMakeLists.txt adds fuzz/ itself, inject it.
if ! grep -q 'add_subdirectory(fuzz)' "$root/CMakeLists.txt"; then
  extra+=("-DCMAKE_PROJECT_INCLUDE=$root/fuzz/inject.cmake")
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$flags" \
  -DNEWSFUSE_FUZZ=ON -DNEWSFUSE_BUILD_TESTS=OFF -DNEWSFUSE_BUILD_BENCH=OFF "${extra[@]}" >/dev/null
cmake --build "$build" --target extract_html_fuzzer extract_text_fuzzer -j"${NEWSFUSE_JOBS:-2}"

out="$build/fuzz"
mkdir -p "$out/artifacts" "$out/corpus-html" "$out/corpus-text"
# Seed corpora: hand-written pages (fuzz/corpus) and the seed reports; the
# fuzzer's own finds accumulate in build-fuzz, never in the repository.
cp -n "$root"/fuzz/corpus/html/* "$out/corpus-html/" 2>/dev/null || true
cp -n "$root"/examples/seeds/*.txt "$out/corpus-text/" 2>/dev/null || true

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for target in html text; do
  echo "== extract_${target}_fuzzer for ${seconds}s"
  "$out/extract_${target}_fuzzer" "$out/corpus-$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 2>&1 | tail -n 12
  status="${PIPESTATUS[0]}"
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: extract_${target}_fuzzer failed (exit $status); see $out/artifacts/" >&2
    exit "$status"
  fi
done
echo "fuzz.sh: no crash, leak or sanitizer report in ${seconds}s per target"
