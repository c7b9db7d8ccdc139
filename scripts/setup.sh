#!/usr/bin/env bash
# Installs every Debian package that newsfuse needs to build, test and run.
# Idempotent: packages already present are skipped by apt. Run as root or with sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libicu-dev          # Unicode normalisation, sentence/word breaks, charset conversion
  libgumbo-dev        # HTML5 parsing
  libsqlite3-dev      # embedded store (WAL, FTS5)
  libpq-dev           # PostgreSQL store client (optional to build: without it, SQLite only)
  postgresql          # a throwaway server for the PostgreSQL store tests (scripts/pg_throwaway.sh)
  libhiredis-dev      # Redis Streams client for enqueue/worker/cluster-worker (optional to build)
  redis-server        # throwaway servers for the queue tests (scripts/redis_throwaway.sh)
  libcli11-dev        # command line
  nlohmann-json3-dev  # JSON reading and writing
  libfmt-dev          # formatting
  libcpp-httplib-dev  # HTTP API
  zlib1g-dev          # WARC.gz
  libxxhash-dev       # content hashes for dedupe
  libstemmer-dev      # Snowball stemmers for clustering and summaries
  libabsl-dev         # flat hash maps for the term dictionary (hot path of clustering)
  libcld2-dev         # language identification of extracted text
  libgtest-dev libgmock-dev googletest
  libbenchmark-dev
  iso-codes           # country names for the gazetteer
  wordnet-base        # ROUGE's irregular-form table (bench/summary)
  publicsuffix        # Public Suffix List: the outlet named by a URL's host (src/extract)
  clang-14 libclang-rt-14-dev  # libFuzzer + sanitizers (scripts/fuzz.sh)
  clang-format clang-tidy      # style checks (scripts/format.sh --check, scripts/tidy.sh)
)
# Regenerating data/analyze/entity (scripts/gen_gazetteers.py) also needs
# ruby-countries libgeonames0 nodejs npm; the build uses the checked-in files.
# Regenerating data/text/stopwords_*.txt (scripts/gen_stopwords.sh) needs
# postgresql-15, whose tsearch_data holds the Snowball stop lists.

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup.sh: need root or sudo to install: ${PACKAGES[*]}" >&2; exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
  echo "setup.sh: apt-get update failed (is the package mirror reachable?)" >&2; exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/newsfuse-setup.log 2>&1; then
  echo "setup.sh: apt-get install failed for: ${missing[*]}; log in /tmp/newsfuse-setup.log:" >&2
  tail -20 /tmp/newsfuse-setup.log >&2
  exit 1
fi
echo "setup.sh: done"
