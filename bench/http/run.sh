#!/usr/bin/env bash
# HTTP load on Ipp.Graph and on a graphql-js peer (graphql-http on Node, bench/http/peer) serving the same schema and
# the same SQLite file, in one run, with wrk. Two queries, each with a valid Bearer token: `me`, and 50 aliased
# `node(id:)` selections of the caller. Prints a Markdown table: requests/s, latency p50/p99, the server's CPU time
# per request, and the ratio of requests/s Ipp.Graph/Node.
#
# Usage: bench/http/run.sh [--quick]
#   Settings (environment): THREADS (wrk threads, default 2), CONNECTIONS (default 32), DURATION (default 15s),
#   WARMUP (default 5s); --quick: DURATION=5s WARMUP=2s.
# wrk runs on the same machine and takes its share of the cores from each server alike: keep THREADS low.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here="$repo/bench/http"
work=$(mktemp -d)
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
trap 'stop_server; rm -rf "$work"' EXIT

threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
duration=${DURATION:-15s}
warmup=${WARMUP:-5s}
if [ "${1:-}" = "--quick" ]; then
  duration=5s
  warmup=2s
fi

# What the run needs: wrk and curl from Debian, the peer's npm packages, our server in Release.
missing=()
for tool in wrk curl; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  log "installing ${missing[*]}"
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
npm ci --prefix "$here/peer" --no-audit --no-fund --loglevel=error >&2
build_server

start_peer() {
  port=$(free_port)
  # As deployed: in production mode graphql-js skips its development checks (instanceOf's duplicate-module test).
  NODE_ENV=production node "$here/peer/server.mjs" "$work/ipp.db" "$port" > "$work/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$port"
}

graphql() {
  curl -s "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' \
    -H 'Accept: application/graphql-response+json' "$@"
}

# A fresh database with one user, made through GraphQL; its token and user are what both servers serve.
log "creating the database and a user"
start_server
graphql --data-binary @- > "$work/signup.json" << 'EOF'
{"query":"mutation($input: CreateUserInput!) { createUser(input: $input) { token user { id email roles createdAt } } }",
 "variables":{"input":{"email":"bench@example.org","password":"correct horse battery staple"}}}
EOF
stop_server_checked
node "$here/make-queries.mjs" "$work/signup.json" "$work"
token=$(cat "$work/token")

# Compares the server's answer to a query with the expected JSON, byte for byte.
check() {
  local name=$1
  graphql -H "Authorization: Bearer $token" --data-binary "@$work/$name.json" > "$work/$name.response"
  if ! cmp -s "$work/$name.response" "$work/$name.expected"; then
    log "$2 answered $name wrongly:"
    head -c 600 "$work/$name.response" >&2
    log ""
    log "expected:"
    head -c 600 "$work/$name.expected" >&2
    exit 1
  fi
}

# CPU time the server under test has used (user + system, in clock ticks): per request, it tells the servers' cost
# apart from the machine's noise, which shows in requests/s and latency.
ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$server_pid/stat"
}

measure() {
  local server=$1 name=$2
  check "$name" "$server"
  BENCH_BODY="$work/$name.json" BENCH_TOKEN="$token" \
    wrk "-t$threads" "-c$connections" "-d$warmup" -s "$here/post.lua" "http://127.0.0.1:$port/graphql" > /dev/null
  log "measuring $server, $name"
  local before
  before=$(cpu_ticks)
  BENCH_BODY="$work/$name.json" BENCH_TOKEN="$token" \
    wrk "-t$threads" "-c$connections" "-d$duration" --timeout 10s -s "$here/post.lua" "http://127.0.0.1:$port/graphql" \
    > "$work/wrk.out"
  local cpu=$(( $(cpu_ticks) - before ))
  tail -n 1 "$work/wrk.out" \
    | sed "s/^{/{\"server\":\"$server\",\"query\":\"$name\",\"cpu_ticks\":$cpu,\"ticks_per_second\":$ticks_per_second,/" \
    >> "$work/results.jsonl"
  check "$name" "$server"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

start_server
for name in me nodes50; do measure "Ipp.Graph" "$name"; done
stop_server_checked

start_server --Accounts:SessionCacheSize=0
for name in me nodes50; do measure "Ipp.Graph, session cache off" "$name"; done
stop_server_checked

start_peer
for name in me nodes50; do measure "graphql-http (Node)" "$name"; done
stop_server

node "$here/report.mjs" "$work/results.jsonl" \
  "$(date -u +%Y-%m-%d) · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · wrk -t$threads -c$connections -d$duration (after a $warmup warm-up) · load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) · .NET $(dotnet --version), Node $(node --version)"
