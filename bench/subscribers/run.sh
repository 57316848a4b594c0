#!/usr/bin/env bash
# Live status fan-out: SUBSCRIBERS WebSocket subscribers (default 1000) of one user, each on its own connection,
# subscribed to experimentStatusChanged on the Release build of the server; the backend's folder moves
# (submitted/<eid> renamed to completed/<eid>) are made MOVES times (default 20) and, for each, the time from the
# rename to each subscriber's receipt of the event is measured (bench/subscribers/subscribers.mjs).
# Prints p50/p99/max over all receipts, and the line to paste into docs/benchmarks.md.
# Run it on a quiet machine (load average under 1.5): the client and the server share its cores.
#
# Usage: bench/subscribers/run.sh    Settings (environment): SUBSCRIBERS, MOVES.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here="$repo/bench/subscribers"
work=$(mktemp -d)
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
trap 'stop_server; rm -rf "$work"' EXIT
subscribers=${SUBSCRIBERS:-1000}
moves=${MOVES:-20}

# Each subscriber is a socket on both sides.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((subscribers + 200)) ] || { log "ulimit -n is $(ulimit -n): too low for $subscribers subscribers"; exit 1; }
command -v sqlite3 > /dev/null || { log "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }

npm ci --prefix "$repo/tests/js" --no-audit --no-fund --loglevel=error >&2
build_server

# The interval scan off, so that only the watcher brings the moves.
start_server --Experiments:ReconcileInterval=0

signup=$(curl -s "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' --data-binary @- << 'JSON'
{"query":"mutation($input: CreateUserInput!) { createUser(input: $input) { token user { id } } }",
 "variables":{"input":{"email":"bench@example.org","password":"correct horse battery staple"}}}
JSON
)
token=$(node -e 'console.log(JSON.parse(process.argv[1]).data.createUser.token)' "$signup")
uid=$(node -e 'const [, id] = Buffer.from(JSON.parse(process.argv[1]).data.createUser.user.id, "base64url").toString().split(":"); console.log(id)' "$signup")

# One experiment per move (and one to warm up), submitted, with its folder, as createExperiment leaves them.
eids=()
for i in $(seq 0 "$moves"); do
  eid=$(sqlite3 "$work/ipp.db" "INSERT INTO experiments (user_id, application_key, name, parameters, status, status_changed_at, created_at, input_bytes)
    VALUES ($uid, 'demo', 'bench $i', '{}', 'submitted', '2026-11-21 00:00:00', '2026-11-21 00:00:00', 0) RETURNING id;")
  mkdir -p "$work/uploads/$uid/submitted/$eid"
  echo '{}' > "$work/uploads/$uid/submitted/$eid/experiment.json"
  eids+=("$eid")
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(node "$here/subscribers.mjs" "ws://127.0.0.1:$port/graphql" "$token" "$work/uploads" "$uid" "$(IFS=,; echo "${eids[*]}")" "$subscribers")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server_checked

echo "$result"
node -e '
const r = JSON.parse(process.argv[1]);
console.log(`| ${r.subscribers} | ${r.moves} | ${r.samples} | ${r.lost} | ${r.min} ms | ${r.p50} ms | ${r.p99} ms | ${r.max} ms | ${r.mean} ms |`);
' "$result"
echo "$(date -u +%Y-%m-%d) · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load average before: $load_before, after: $load_after · .NET $(dotnet --version), Node $(node --version)"
