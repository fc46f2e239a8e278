#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15 cluster:
#   bash scripts/with-postgres.sh node --import tsx --test test/node/server/store/*.test.ts
# Starts a fresh cluster on a free loopback port (trust auth, no password), creates the database
# plein_test, exports PLEIN_TEST_POSTGRES_URL, runs the command, then stops the cluster and
# removes its files, whatever the command's outcome. Exits with the command's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/postgres" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL 15 is not installed ($PGBIN) and installing it needs root: apt-get install postgresql" >&2
    exit 1
  fi
  echo "Installing PostgreSQL (apt-get)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

# initdb refuses to run as root: as root, the cluster runs as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

PORT=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
ROOT=$(mktemp -d)
PGDATA="$ROOT/pg"

cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$ROOT"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" -eq 0 ]; then
  # mktemp makes the folder private to root; the postgres user must reach the data folder inside.
  chmod 755 "$ROOT"
  install -d -o postgres -g postgres -m 700 "$PGDATA"
else
  install -d -m 700 "$PGDATA"
fi

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
  -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres plein_test

export PLEIN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/plein_test"
echo "PostgreSQL 15 on port $PORT: $PLEIN_TEST_POSTGRES_URL" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
