#!/usr/bin/env bash
# Soak: the Release build of the server under a steady, mixed load for a long time (default 30 minutes), to see that
# it stays flat: USERS users (20) with SUBSCRIBERS WebSocket subscribers of experimentStatusChanged (1000) among them,
# RATE GraphQL queries a second (300), an experiment created, submitted, moved on disk to running then completed (as
# the backend does) and deleted every EXPERIMENT_EVERY seconds (3), and CHURN subscribers (100) replaced every
# CHURN_EVERY seconds (30) (bench/soak/soak.mjs drives it). Every 10 s the server's resident memory (VmRSS), open
# descriptors and threads are read from /proc, and dotnet-counters (installed on first use, from NuGet) records its
# GC: heap size after the last collection, committed memory, collections per generation; both go on for up to 90 s
# after the load (idle). At the end: events owed
# to each subscriber against those it got (lost, doubled), p50/p99 of event and query latency, and a summary table.
# The server runs with its settings as shipped (GC settings of its runtimeconfig included); DOTNET_* variables in the
# environment reach it (DOTNET_gcServer=0 bench/soak/run.sh, to compare).
#
# Usage: bench/soak/run.sh    Settings (environment): DURATION (30m; s, m or h), USERS, SUBSCRIBERS, RATE,
#        EXPERIMENT_EVERY, CHURN, CHURN_EVERY, KEEP (a folder to keep the samples and logs in).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here="$repo/bench/soak"
work=$(mktemp -d)
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
sampler_pid=""
counters_pid=""
cleanup() {
  [ -z "$sampler_pid" ] || kill "$sampler_pid" 2> /dev/null || true
  [ -z "$counters_pid" ] || kill "$counters_pid" 2> /dev/null || true
  stop_server
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$work"/*.csv "$work"/*.tsv "$work"/*.json "$work"/*.log "$KEEP"/ 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

duration=${DURATION:-30m}
case "$duration" in
  *h) seconds=$((${duration%h} * 3600)) ;;
  *m) seconds=$((${duration%m} * 60)) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac
users=${USERS:-20}
subscribers=${SUBSCRIBERS:-1000}

ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((subscribers * 2 + 500)) ] || { log "ulimit -n is $(ulimit -n): too low for $subscribers subscribers"; exit 1; }
command -v sqlite3 > /dev/null || { log "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
tools="${XDG_CACHE_HOME:-$HOME/.cache}/ipp-graph-bench/tools"
counters="$tools/dotnet-counters"
[ -x "$counters" ] || dotnet tool install --tool-path "$tools" dotnet-counters --version 10.0.750501 >&2

npm ci --prefix "$repo/tests/js" --no-audit --no-fund --loglevel=error >&2
build_server

# Sign-ups from one address: the sign-in rate limit raised for them.
start_server --Accounts:RateLimit:PermitLimit=1000
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

users_json=""
for i in $(seq "$users"); do
  signup=$(curl -s "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' \
    --data-binary "{\"query\":\"mutation(\$input: CreateUserInput!) { createUser(input: \$input) { token user { id } } }\",\"variables\":{\"input\":{\"email\":\"soak$i@example.org\",\"password\":\"correct horse battery staple\"}}}")
  users_json+=$(node -e '
    const user = JSON.parse(process.argv[1]).data.createUser;
    console.log(JSON.stringify({ token: user.token, uid: Number(Buffer.from(user.user.id, "base64url").toString().split(":")[1]) }));' "$signup")","
done

cat > "$work/config.json" << JSON
{ "url": "http://127.0.0.1:$port/graphql", "database": "$work/ipp.db", "uploads": "$work/uploads",
  "users": [${users_json%,}], "subscribers": $subscribers, "seconds": $seconds,
  "requestsPerSecond": ${RATE:-300}, "experimentEverySeconds": ${EXPERIMENT_EVERY:-3},
  "churn": ${CHURN:-100}, "churnEverySeconds": ${CHURN_EVERY:-30} }
JSON

# What the process holds, every 10 s: seconds since the start, VmRSS (kB), descriptors, threads.
sample() {
  local start=$SECONDS
  while kill -0 "$server_pid" 2> /dev/null; do
    printf '%s\t%s\t%s\t%s\n' $((SECONDS - start)) \
      "$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")" \
      "$(find "/proc/$server_pid/fd" -mindepth 1 -maxdepth 1 2> /dev/null | wc -l)" \
      "$(awk '/^Threads:/ { print $2 }' "/proc/$server_pid/status")"
    sleep 10
  done
}
sample > "$work/process.tsv" &
sampler_pid=$!
# dotnet-counters writes its file only when it ends by itself: it runs for the soak, a margin for the subscribers'
# connections, and a last idle minute.
margin=90
"$counters" collect -p "$server_pid" --refresh-interval 10 --format csv -o "$work/counters.csv" --counters System.Runtime \
  --duration "$(printf '%02d:%02d:%02d:%02d' $(((seconds + margin) / 86400)) $(((seconds + margin) % 86400 / 3600)) $(((seconds + margin) % 3600 / 60)) $(((seconds + margin) % 60)))" \
  > "$work/counters.log" 2>&1 &
counters_pid=$!

log "soak: $duration, $users users, $subscribers subscribers, ${RATE:-300} queries/s, an experiment every ${EXPERIMENT_EVERY:-3} s, ${CHURN:-100} subscribers replaced every ${CHURN_EVERY:-30} s"
node "$here/soak.mjs" "$work/config.json" > "$work/result.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
wait "$counters_pid" 2> /dev/null || true
counters_pid=""
kill "$sampler_pid" 2> /dev/null || true
sampler_pid=""
gc_settings=$(node -e 'const c = require(process.argv[1]).runtimeOptions.configProperties ?? {}; console.log(Object.entries(c).filter(([k]) => k.startsWith("System.GC")).map(([k, v]) => `${k}=${v}`).join(" ") || "defaults")' \
  "$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.runtimeconfig.json")
gc_env=$(env | grep -E '^(DOTNET_(gc|GC)|MALLOC_)' | tr '\n' ' ' || true)

node "$here/report.mjs" "$work/result.json" "$work/process.tsv" "$work/counters.csv"
echo "$(date -u +%Y-%m-%d) · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load average before: $load_before, after: $load_after · .NET $(dotnet --version), Node $(node --version) · GC: $gc_settings ${gc_env}"
stop_server_checked
