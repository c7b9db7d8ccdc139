#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy, every finding an error) over the library in src/.
# Needs a configured build (compile_commands.json and generated sources): scripts/test.sh makes one.
#   scripts/tidy.sh            # uses build/
#   BUILD_DIR=b scripts/tidy.sh
# Tests and benchmarks are left out: they are the slow half of the parse time and the checks target
# lifetime and copy bugs in the engine itself. About 4 CPU-minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
if [ ! -f "$BUILD_DIR/compile_commands.json" ]; then
  echo "tidy.sh: no $BUILD_DIR/compile_commands.json; run scripts/test.sh (or cmake) first" >&2
  exit 1
fi
log=$(mktemp)
# GCC-only warning flags in the compile commands are not clang-tidy's business.
if ! run-clang-tidy -quiet -j "$JOBS" -p "$BUILD_DIR" -extra-arg=-Wno-unknown-warning-option \
    "$PWD/src/" >"$log" 2>&1; then
  grep -E "(error|warning):" "$log" | grep -v "clang-diagnostic-unknown-warning-option" >&2 || tail -40 "$log" >&2
  echo "tidy.sh: clang-tidy found problems (full log: $log)" >&2
  exit 1
fi
echo "tidy.sh: clang-tidy clean on src/"
rm -f "$log"
