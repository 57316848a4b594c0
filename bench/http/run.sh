#!/usr/bin/env bash
# HTTP load on Ipp.Graph, on its floor and on three Node GraphQL servers, all serving the same schema from the same
# SQLite file (read-only), in one run, with wrk:
# - Ipp.Graph as deployed, then on PostgreSQL (a throwaway cluster, tests/postgres/cluster.sh, holding a copy of the
#   SQLite file's caller), then with its signed-in callers cache off;
# - the floor (bench/Ipp.Graph.Floor): ASP.NET Core answering the same two requests with the same bytes without
#   GraphQL, the price of the same work;
# - graphql-http, mercurius with graphql-jit, and Apollo Server 5 on Node (bench/http/peer).
# Two queries, each with a valid Bearer token: `me`, and 50 aliased `node(id:)` selections of the caller. Every
# server's response to each query must be Ipp.Graph's, byte for byte, before and after it is measured, or the run
# fails. Prints a Markdown table: requests/s, latency p50/p99, the server's CPU time per request, and Ipp.Graph's
# requests/s against each other server's (as a percentage of the floor's).
#
# Usage: bench/http/run.sh [--quick]
#   Settings (environment): THREADS (wrk threads, default 2), CONNECTIONS (default 32), DURATION (default 15s),
#   WARMUP (per server and query, default 15s: 5 s left the 50-object query 15% short of its steady rate);
#   SERVERS (default "ipp postgres variant floor graphql-http mercurius apollo": which to measure; `ipp postgres floor`
#   for the ratios the targets name); --quick: DURATION=5s WARMUP=2s.
# wrk runs on the same machine and takes its share of the cores from each server alike: keep THREADS low.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here="$repo/bench/http"
work=$(mktemp -d)
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
trap 'stop_server; [ ! -d "$work/pg" ] || "$repo/tests/postgres/cluster.sh" stop "$work/pg"; rm -rf "$work"' EXIT

threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
duration=${DURATION:-15s}
warmup=${WARMUP:-15s}
servers=" ${SERVERS:-ipp postgres variant floor graphql-http mercurius apollo} "
if [ "${1:-}" = "--quick" ]; then
  duration=5s
  warmup=2s
fi

# What the run needs: wrk and curl from Debian, the peers' npm packages, our server and the floor in Release.
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
dotnet build "$repo/bench/Ipp.Graph.Floor" -c Release -nologo -v quiet >&2

# Starts a Node peer: bench/http/peer/$1.
start_peer() {
  port=$(free_port)
  # As deployed: in production mode graphql-js skips its development checks (instanceOf's duplicate-module test).
  NODE_ENV=production node "$here/peer/$1.mjs" "$work/ipp.db" "$port" > "$work/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$port"
}

start_floor() {
  port=$(free_port)
  dotnet "$repo/bench/Ipp.Graph.Floor/bin/Release/net10.0/Ipp.Graph.Floor.dll" --urls "http://127.0.0.1:$port" \
    --Database "$work/ipp.db" --Me "$work/me.json" --Nodes "$work/nodes50.json" > "$work/server.log" 2>&1 &
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

# Compares the server's answer to a query with the expected JSON, byte for byte. Ipp.Graph is checked first and
# against the same bytes: every server that passes gives Ipp.Graph's answer.
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

# Measures the running server on query $3; $1 is its role in the report (ipp, variant, floor or peer), $2 its name.
measure() {
  local role=$1 server=$2 name=$3
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
    | sed "s/^{/{\"role\":\"$role\",\"server\":\"$server\",\"query\":\"$name\",\"cpu_ticks\":$cpu,\"ticks_per_second\":$ticks_per_second,/" \
    >> "$work/results.jsonl"
  check "$name" "$server"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# True when the server named $1 is among those to measure.
wanted() {
  [[ "$servers" == *" $1 "* ]]
}

if wanted ipp; then
  start_server
  for name in me nodes50; do measure ipp "Ipp.Graph" "$name"; done
  stop_server_checked
fi

if wanted postgres; then
  # As root the cluster runs as the `postgres` user, which must reach its folder inside the run's.
  chmod 711 "$work"
  postgres=$("$repo/tests/postgres/cluster.sh" start "$work/pg")
  dotnet "$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll" database migrate "--ConnectionStrings:Ipp=$postgres" > /dev/null
  node "$here/copy-to-postgres.mjs" "$work/ipp.db" \
    | psql -q -v ON_ERROR_STOP=1 -h "$work/pg" -U ipp_test -d postgres > /dev/null
  start_server "--ConnectionStrings:Ipp=$postgres"
  for name in me nodes50; do measure postgres "Ipp.Graph on PostgreSQL" "$name"; done
  stop_server_checked
fi

if wanted variant; then
  start_server --Accounts:SessionCacheSize=0
  for name in me nodes50; do measure variant "Ipp.Graph, session cache off" "$name"; done
  stop_server_checked
fi

if wanted floor; then
  start_floor
  for name in me nodes50; do measure floor "floor (ASP.NET Core, no GraphQL)" "$name"; done
  stop_server
fi

for peer in "graphql-http:graphql-http (Node)" "mercurius:mercurius + graphql-jit (Node)" "apollo:Apollo Server 5 (Node)"; do
  wanted "${peer%%:*}" || continue
  start_peer "${peer%%:*}"
  for name in me nodes50; do measure peer "${peer#*:}" "$name"; done
  stop_server
done

node "$here/report.mjs" "$work/results.jsonl" \
  "$(date -u +%Y-%m-%d) · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · wrk -t$threads -c$connections -d$duration (after a $warmup warm-up) · load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) · .NET $(dotnet --version), Node $(node --version)"
