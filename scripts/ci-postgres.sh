#!/usr/bin/env bash
# For CI on a machine where no PostgreSQL answers: installs Debian's postgresql
# and starts a throwaway server (as a non-root user, on a temporary data
# directory and a free port). Prints the TEST_DATABASE_URL to use.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
DATA=$(mktemp -d /tmp/crd-pg-XXXXXX)
RUNAS=postgres
id -u "$RUNAS" >/dev/null 2>&1 || useradd --system --no-create-home "$RUNAS"
chown -R "$RUNAS" "$DATA"
runuser -u "$RUNAS" -- "$BIN/initdb" -D "$DATA/data" -A trust -U postgres >/dev/null
runuser -u "$RUNAS" -- "$BIN/pg_ctl" -D "$DATA/data" -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1" -l "$DATA/log" -w start >/dev/null
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
