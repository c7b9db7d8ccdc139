#!/usr/bin/env bash
# bench/scale: pages/s through enqueue -> N workers -> cluster-worker, against
# a throwaway Redis and the PostgreSQL of $NEWSFUSE_TEST_PG, beside a single
# `newsfuse ingest` into SQLite and into PostgreSQL on the same feed.
#   bench/scale/run.sh BUILD_DIR EVENTS PER_EVENT [WORKERS...]
# The feed is synthetic news (tests/pipeline/synthetic_news.h), no data set.
# Wall times; the machine is shared, so `uptime` is printed beside them.
set -euo pipefail
build=$1 events=$2 per_event=$3; shift 3
workers=("${@:-1 2}")
root=$(cd "$(dirname "$0")/../.." && pwd)
nf=$build/newsfuse
[ -n "${NEWSFUSE_TEST_PG:-}" ] || { echo "skipped: NEWSFUSE_TEST_PG is not set"; exit 0; }
work=$(mktemp -d /tmp/nfbench.XXXXXX)
trap 'bash "$root/scripts/redis_throwaway.sh" stop "$work/redis"; rm -rf "$work"' EXIT
queue_base=$(bash "$root/scripts/redis_throwaway.sh" start "$work/redis")
"$build/tests/queue/queue_synthetic_feed" "$events" "$per_event" 5 >"$work/feed.jsonl"
pages=$(wc -l <"$work/feed.jsonl")
echo "machine $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "feed $pages pages"
schema_db() {
  psql "$NEWSFUSE_TEST_PG" -qAt -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null
  echo "$NEWSFUSE_TEST_PG&options=-csearch_path%3D$1"
}
t() { date +%s.%N; }
s=$(t); "$nf" ingest "$work/feed.jsonl" --db "$work/single.db" --no-progress 2>/dev/null; e=$(t)
echo "ingest sqlite: $(echo "$pages / ($e - $s)" | bc -l | cut -c1-6) pages/s"
db=$(schema_db nfbench_single)
s=$(t); "$nf" ingest "$work/feed.jsonl" --db "$db" --no-progress 2>/dev/null; e=$(t)
echo "ingest postgres: $(echo "$pages / ($e - $s)" | bc -l | cut -c1-6) pages/s"
for n in ${workers[@]}; do
  queue="$queue_base/pages$n"
  db=$(schema_db "nfbench_w$n")
  s=$(t); "$nf" enqueue "$work/feed.jsonl" --queue "$queue" --max-backlog 1000000 2>"$work/enq$n.err"; e=$(t)
  echo "enqueue: $(echo "$pages / ($e - $s)" | bc -l | cut -c1-7) pages/s"
  pids=()
  s=$(t)
  for w in $(seq 1 "$n"); do
    "$nf" worker --queue "$queue" --db "$db" --name "w$w" --idle-exit 1 2>"$work/w$n-$w.err" &
    pids+=($!)
  done
  "$nf" cluster-worker --queue "$queue" --db "$db" --idle-exit 1 2>"$work/c$n.err" &
  cpid=$!
  wait "${pids[@]}"; ew=$(t)
  wait "$cpid"; ec=$(t)
  # Less the idle second each waited before leaving.
  echo "workers=$n: stored in $(echo "$ew - $s - 1" | bc -l | cut -c1-5) s ($(echo "$pages / ($ew - $s - 1)" | bc -l | cut -c1-6) pages/s); clustered by $(echo "$ec - $s - 1" | bc -l | cut -c1-5) s ($(echo "$pages / ($ec - $s - 1)" | bc -l | cut -c1-6) pages/s end to end)"
  cat "$work"/w$n-*.err "$work/c$n.err" | grep -E "^worker|assigned"
  "$build/tests/queue/queue_compare_stores" "$work/single.db" "$db"
done
