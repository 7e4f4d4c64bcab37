#!/bin/sh
# Creates the database cluster in $PGDATA on first start (like the official image: POSTGRES_USER, POSTGRES_PASSWORD,
# POSTGRES_DB), then runs the server in the foreground as PID 1. Extra arguments go to postgres (-c name=value).
set -eu
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "postgres-entrypoint: POSTGRES_PASSWORD must be set to create a new database" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # Passwords (SCRAM) over the network; trust only on the container's own Unix socket.
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --encoding=UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    echo "CREATE DATABASE \"$db\" OWNER \"$user\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "postgres-entrypoint: created database \"$db\" for user \"$user\" in $PGDATA"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
