#!/usr/bin/env bash
# A throwaway Redis server for tests, like scripts/pg_throwaway.sh: a fresh
# directory, a server on a free loopback port with AOF on (appendfsync
# everysec: the fault tests restart it and expect the pages back), no
# persistence outside DIR.
#   scripts/redis_throwaway.sh start DIR   # prints redis://127.0.0.1:PORT
#   scripts/redis_throwaway.sh stop DIR    # stops the server and removes DIR
#   scripts/redis_throwaway.sh restart DIR # kill -9 and start again on the same port and AOF
# redis-server runs as whoever calls this (it does not refuse root).
set -euo pipefail

usage() { echo "usage: $0 start|stop|restart DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

server=$(command -v redis-server) || { echo "$0: redis-server not found (install redis-server: scripts/setup.sh)" >&2; exit 1; }

launch() {
  local port=$1
  "$server" --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' \
    --appendonly yes --appendfsync everysec --protected-mode yes >/dev/null
  for _ in $(seq 1 100); do
    if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  echo "$0: redis-server did not start on port $port" >&2
  cat "$dir/redis.log" >&2 || true
  exit 1
}

case "$action" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # A free port: ask the kernel for one, then hand it to Redis.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    launch "$port"
    echo "redis://127.0.0.1:$port"
    ;;
  restart)
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/redis.pid" ]; then kill -9 "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
    sleep 0.2
    launch "$(cat "$dir/port")"
    echo "redis://127.0.0.1:$(cat "$dir/port")"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    # Only a directory `start` made is removed (it holds the port file): a
    # wrong DIR must not lose what else is there.
    if [ ! -f "$dir/port" ]; then
      rmdir "$dir" 2>/dev/null && exit 0
      echo "$0: $dir holds no throwaway Redis (no port file); nothing removed" >&2
      exit 1
    fi
    if [ -f "$dir/redis.pid" ]; then
      redis-cli -p "$(cat "$dir/port")" shutdown nosave >/dev/null 2>&1 \
        || kill -9 "$(cat "$dir/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
