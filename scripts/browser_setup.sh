#!/usr/bin/env bash
# Installs what tests/browser needs: Debian's chromium and puppeteer-core from
# the npm registry into tests/browser/node_modules (not committed). The
# browser test skips, saying why, when either is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y -qq chromium
fi
# puppeteer-core never downloads a browser; the variable guards the others.
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
