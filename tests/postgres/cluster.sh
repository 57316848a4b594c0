#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite's PostgreSQL run, reachable only through a Unix socket in its
# own folder (no port taken, nothing persisted: no fsync, trust authentication for its one superuser).
#
#   tests/postgres/cluster.sh start FOLDER   creates and starts it; prints the connection string for IPP_TEST_POSTGRES
#   tests/postgres/cluster.sh stop FOLDER    stops it and deletes FOLDER
#
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user that Debian's package makes.
set -euo pipefail

command=${1:?start or stop}
folder=${2:?the folder of the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] && command -v pg_config > /dev/null; then
  bin=$(pg_config --bindir)
fi
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "PostgreSQL's initdb was not found (Debian: apt-get install postgresql)" >&2; exit 1; }

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

case "$command" in
  start)
    mkdir -p "$folder"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$folder"
    "${as_owner[@]}" "$bin/initdb" --pgdata="$folder/data" --username=ipp_test --auth=trust --no-sync --encoding=UTF8 --locale=C.UTF-8 > "$folder/initdb.log"
    "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$folder/data" --log="$folder/server.log" --wait --silent start \
      -o "-c listen_addresses='' -c unix_socket_directories='$folder' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    echo "Host=$folder;Username=ipp_test;Database=postgres"
    ;;
  stop)
    if [ -d "$folder/data" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$folder/data" --mode=immediate --wait --silent stop || true
    fi
    rm -rf "$folder"
    ;;
  *)
    echo "usage: $0 start|stop FOLDER" >&2
    exit 2
    ;;
esac
