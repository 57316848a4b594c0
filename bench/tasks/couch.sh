#!/usr/bin/env bash
# Starts or stops the benchmark's CouchDB stand-in (pouchdb-server from tests/js) keeping its data in a folder, so
# that a stop and a start lose nothing, as with a CouchDB that was down for a while.
# Usage: bench/tasks/couch.sh start|stop <folder> <port>
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
action=$1 folder=$2 port=$3
pidfile="$folder/pouchdb-server.pid"
case "$action" in
  start)
    mkdir -p "$folder"
    (cd "$folder" && exec node "$repo/tests/js/node_modules/pouchdb-server/bin/pouchdb-server" --host 127.0.0.1 \
      --port "$port" --dir "$folder" --config "$folder/config.json" --no-color >> "$folder/out.log" 2>&1) &
    echo $! > "$pidfile"
    for _ in $(seq 100); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/" && exit 0
      sleep 0.1
    done
    echo "pouchdb-server did not start on port $port" >&2
    exit 1
    ;;
  stop)
    [ -f "$pidfile" ] || exit 0
    kill -KILL "$(cat "$pidfile")" 2> /dev/null || true
    while kill -0 "$(cat "$pidfile")" 2> /dev/null; do sleep 0.05; done
    rm -f "$pidfile"
    ;;
  *) echo "usage: couch.sh start|stop <folder> <port>" >&2; exit 2 ;;
esac
