#!/usr/bin/env bash
# The serve load run of bench/serve/README.md: one wrk run per request type
# against `newsfuse serve`, each with the server's own CPU time read from
# /proc around it, then the same reads again while a second process ingests.
#   bash bench/serve/run_load.sh BIN DB FEED.jsonl [PORT] [SECONDS]
# DB: a store holding the bench stream (make_stream 10 100, ingested by BIN).
# FEED: another stream (make_stream 10 100 7) that the CLI ingests, 25 lines
# at a time, while the "while ingesting" rows run; each row then reports how
# many articles it ingested, and the run checks the store holds all of them.
# The server is pinned to core 0 and wrk to core 1 (the ingest is not pinned).
set -euo pipefail
BIN=$1 DB=$2 FEED=$3 PORT=${4:-18095} SECS=${5:-20}
command -v wrk >/dev/null || { echo "wrk not found (Debian package wrk)" >&2; exit 1; }
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/serve-load.XXXXXX)

taskset -c 0 "$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" 2>"$WORK/serve.log" &
SERVER=$!
INGEST=
cleanup() {
  [ -n "$INGEST" ] && kill "$INGEST" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done

# The largest story, its ETag, and a search of two words of its headline.
STORY=$(curl -sf "$URL/api/stories?limit=100" |
  python3 -c 'import json,sys; s=max(json.load(sys.stdin)["stories"], key=lambda s: s["articles"]); print(s["id"])')
ETAG=$(curl -sfI "$URL/api/stories/$STORY" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
Q=$(curl -sf "$URL/api/stories/$STORY" |
  python3 -c 'import json,sys,urllib.parse; h=json.load(sys.stdin)["headline"].split(); print(urllib.parse.quote(" ".join(h[:2])))')
curl -sf -o /dev/null "$URL/api/stories"  # fuse every listed story once: the list is warm

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
HZ=$(getconf CLK_TCK)

# row NAME URL [wrk header args...]
row() {
  local name=$1 url=$2
  shift 2
  local before after out
  before=$(cpu_ticks)
  out=$(taskset -c 1 wrk -t2 -c64 -d"${SECS}s" --latency "$@" "$url")
  after=$(cpu_ticks)
  python3 - "$name" "$before" "$after" "$HZ" <<PY
import re, sys
name, before, after, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
out = """$out"""
n = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
errors = re.search(r"Socket errors: (.*)", out)
cpu = (after - before) / hz
per = f"{n / cpu:,.0f}" if cpu and n else "-"
each = f"{1e6 * cpu / n:,.0f} µs" if n else "-"
note = (f" non-2xx/3xx {non2xx.group(1)}" if non2xx else "") + (f" {errors.group(1)}" if errors else "")
print(f"| {name} | {rps:,.0f} | {lat.get('50', '-')} | {lat.get('99', '-')} | {cpu:.2f} s / {n:,} req | "
      f"{each} | {per} |{note}")
PY
}

table() {
  row "story, gzip" "$URL/api/stories/$STORY" -H 'Accept-Encoding: gzip'
  row "story, 304" "$URL/api/stories/$STORY" -H "If-None-Match: $ETAG"
  row "story, plain" "$URL/api/stories/$STORY"
  row "list" "$URL/api/stories"
  row "search" "$URL/api/search?q=$Q"
}

echo "story $STORY etag $ETAG search q=$Q; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| request (64 connections, ${SECS} s) | wrk req/s | p50 | p99 | server CPU | CPU per request | req per CPU-second |"
echo "|---|---|---|---|---|---|---|"
table
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

BEFORE=$(curl -sf "$URL/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
split -l 25 "$FEED" "$WORK/feed."
(
  for part in "$WORK"/feed.*; do
    "$BIN" ingest --db "$DB" "$part" >>"$WORK/ingest.log" 2>&1
  done
) &
INGEST=$!
echo
echo "while ingesting (the CLI, $(wc -l <"$FEED") articles in files of 25):"
echo "| request (64 connections, ${SECS} s) | wrk req/s | p50 | p99 | server CPU | CPU per request | req per CPU-second |"
echo "|---|---|---|---|---|---|---|"
table
RUNNING=$(kill -0 "$INGEST" 2>/dev/null && echo "still running" || echo "finished")
wait "$INGEST" || true
INGEST=
AFTER=$(curl -sf "$URL/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
NEW=$(awk '/^ingested/ {s += $2} END {print s + 0}' "$WORK/ingest.log")
echo "ingest was $RUNNING when the reads ended; ingested $NEW; store articles $BEFORE -> $AFTER"
[ "$((AFTER - BEFORE))" -eq "$NEW" ] || { echo "LOST ARTICLES" >&2; exit 1; }
