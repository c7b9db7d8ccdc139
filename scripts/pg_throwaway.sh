#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: a fresh data directory, a server
# listening only on a Unix socket inside it (no TCP port to collide with other
# runs on the machine), trust authentication, one database.
#   scripts/pg_throwaway.sh start DIR   # prints the connection URI
#   scripts/pg_throwaway.sh stop DIR    # stops the server and removes DIR
# initdb and postgres refuse to run as root, so as root the server runs as the
# `postgres` user (created by Debian's postgresql package) or, failing that,
# a system user `newsfuse-pg` made here.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

find_bin() {
  local name=$1 d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/$name" ]; then echo "$d/$name"; return; fi
  done
  command -v "$name" || { echo "$0: $name not found (install postgresql: scripts/setup.sh)" >&2; exit 1; }
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then
    owner=postgres
  else
    id newsfuse-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin newsfuse-pg
    owner=newsfuse-pg
  fi
fi

case "$action" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # The socket path must fit in sun_path (107 bytes) with ".s.PGSQL.5432".
    if [ ${#dir} -gt 80 ]; then echo "$0: $dir is too long for a socket path" >&2; exit 1; fi
    chown "$owner" "$dir"
    chmod 700 "$dir"
    as_owner "$(find_bin initdb)" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a crash loses a throwaway cluster, which is fine and fast.
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    "$(find_bin psql)" -h "$dir" -U postgres -d postgres -qAt -c "CREATE DATABASE newsfuse_test" >/dev/null
    echo "postgresql://postgres@/newsfuse_test?host=$dir"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    # Only a directory `start` made is removed: a wrong DIR (a caller that
    # took the socket URI's parent, say /tmp) must not lose what else is there.
    if [ ! -e "$dir/initdb.log" ] && [ ! -d "$dir/data" ]; then
      rmdir "$dir" 2>/dev/null && exit 0
      echo "$0: $dir holds no throwaway cluster (no initdb.log, no data/); nothing removed" >&2
      exit 1
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
