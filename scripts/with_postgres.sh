#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on a loopback port, run the given command against it
# with DATABASE_URL set, then stop the server and delete its data, whatever the command did.
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$PG_BIN" ]]; then
  echo "PostgreSQL is not installed: run 'make system-packages'." >&2
  exit 1
fi
DATA_ROOT=$(mktemp -d /tmp/saferplan-pg.XXXXXX)
PORT=${PG_TEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$DATA_ROOT"
  AS_PG=(runuser -u postgres --)
else
  AS_PG=()
fi
stop() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA_ROOT/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_ROOT"
}
trap stop EXIT
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$DATA_ROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA_ROOT/data" -l "$DATA_ROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_ROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/saferplan" "$@"
