#!/usr/bin/env bash
# Sets up, builds and runs every test. The README's second command and what CI runs.
#   scripts/test.sh            # Release-like build in build/, all tests
#   BUILD_DIR=b scripts/test.sh
#   NEWSFUSE_TEST_PG=postgresql://... scripts/test.sh   # PostgreSQL tests on that server
#   NEWSFUSE_NO_PG=1 scripts/test.sh                    # skip them
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
# The store tests run on PostgreSQL too, against NEWSFUSE_TEST_PG; unless the
# caller names a server, a throwaway one runs for these tests and is stopped
# on exit. Without one (NEWSFUSE_NO_PG=1, or none can start) those runs are
# skipped, not failed: the SQLite path needs no PostgreSQL.
if [ -z "${NEWSFUSE_TEST_PG:-}" ] && [ "${NEWSFUSE_NO_PG:-0}" != 1 ]; then
  pg_dir=$(mktemp -d /tmp/newsfuse-pg.XXXXXX)
  trap 'bash "$PWD/scripts/pg_throwaway.sh" stop "$pg_dir"' EXIT
  if NEWSFUSE_TEST_PG=$(bash scripts/pg_throwaway.sh start "$pg_dir"); then
    export NEWSFUSE_TEST_PG
  else
    echo "test.sh: no PostgreSQL server could start; its store tests will be skipped" >&2
    unset NEWSFUSE_TEST_PG
  fi
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
