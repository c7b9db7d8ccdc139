#!/usr/bin/env bash
# Builds newsfuse with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in build-asan/ and runs the whole test suite there (benchmarks off).
#
#   scripts/sanitize.sh              configure, build, run every test
#   scripts/sanitize.sh --configure  only configure (scripts/fuzz.sh shares the build)
#
# One build directory serves both this suite and the fuzz targets: the
# libraries carry libFuzzer's coverage hooks (fuzzer-no-link), which cost the
# tests little and save CI a second instrumented build of every library. Asserts
# stay on (no NDEBUG) so an assert is checked here even though the release
# build drops it. Every test runs at its normal size: the slowest under ASan
# takes 22 s (docs/reliability.md), so none needs a smaller one.
#
# A sanitizer report aborts the test that hit it (halt_on_error, abort_on_error),
# so ctest lists it as failed and this script exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSFUSE_ASAN_BUILD:-$root/build-asan}"
jobs="${NEWSFUSE_JOBS:-$(nproc)}"

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ]; then
  echo "sanitize.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined"
flags+=" -fno-omit-frame-pointer"
# Bounds-checked operator[] and friends: an index one past a vector reads
# memory the vector still owns, which ASan cannot see (stop 23: a token read
# past the end showed only as a garbage offset, far from its cause).
flags+=" -D_GLIBCXX_ASSERTIONS"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DNEWSFUSE_FUZZ=ON -DNEWSFUSE_BUILD_TESTS=ON -DNEWSFUSE_BUILD_BENCH=OFF \
  "${launcher[@]}" >/dev/null
if [ "${1:-}" = "--configure" ]; then exit 0; fi

start=$(date +%s)
cmake --build "$build" -j"$jobs" --target all
built=$(date +%s)

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 900 || status=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, exit $status"
exit "$status"
