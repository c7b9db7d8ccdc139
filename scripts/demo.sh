#!/usr/bin/env bash
# Sets up, builds, and digests the bundled sample: the README's first command.
# The store goes to a fresh demo.db and the reports to reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target newsfuse_cli
rm -f demo.db demo.db-wal demo.db-shm
./build/newsfuse digest examples/seeds --db demo.db --out reports
