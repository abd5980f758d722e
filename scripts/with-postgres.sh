#!/usr/bin/env bash
# Runs a command with a real, throwaway PostgreSQL 15 server on loopback, then stops and deletes it.
#   scripts/with-postgres.sh [--port N] -- command args...
# The command sees SAFEGUARD_TEST_POSTGRES_URL=postgresql://safeguard:safeguard@127.0.0.1:PORT/safeguard.
# Works as root (initdb runs as the postgres user) and as an ordinary user.
set -euo pipefail

port=55432
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [--port N] -- command..." >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--port N] -- command..." >&2; exit 2; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }

root=$(mktemp -d /tmp/safeguard-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$root"
  as_owner=(runuser -u postgres --)
fi
chmod 700 "$root"

stop() {
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$root/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$root"
}
trap stop EXIT

"${as_owner[@]}" "$pgbin/initdb" -D "$root/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
  || { cat "$root/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$root/server.log" >&2; exit 1; }
psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE safeguard LOGIN PASSWORD 'safeguard'" -c "CREATE DATABASE safeguard OWNER safeguard" >/dev/null

export SAFEGUARD_TEST_POSTGRES_URL="postgresql://safeguard:safeguard@127.0.0.1:$port/safeguard"
"$@"
