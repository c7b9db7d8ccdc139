#!/usr/bin/env bash
# Sets up, builds and runs every test. The README's second command and what CI runs.
#   scripts/test.sh            # Release-like build in build/, all tests
#   BUILD_DIR=b scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Chromium and puppeteer-core for tests/browser; without them that test skips.
bash scripts/browser_setup.sh || echo "test.sh: browser test will skip (setup failed)" >&2
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
# ccache, where installed, only saves time on a machine that built before.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFUSE_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
