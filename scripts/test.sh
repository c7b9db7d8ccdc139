#!/usr/bin/env bash
# Sets up, builds and runs every test. The README's second command and what CI runs.
#   scripts/test.sh            # Release-like build in build/, all tests
#   BUILD_DIR=b scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFUSE_WERROR=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
