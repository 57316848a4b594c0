#!/usr/bin/env bash
# Live fan-out across two instances: the Release build run twice (A and B) on one throwaway PostgreSQL cluster and
# one upload folder (deploy/lib/instances.sh), without nginx: the subscribers connect to each instance directly, so
# the figures hold the instances and PostgreSQL's LISTEN/NOTIFY between them, not the proxy. USERS users (default 20)
# with PER_USER WebSocket subscribers each (default 50: 1,000 in all), half of each user's on A and half on B; then
# WARMUP_ROUNDS unmeasured rounds (default 20: with one, the JIT's tiering threads still took a third of the machine
# during the measured rounds), then ROUNDS rounds (default 50), each submitting one draft of every user through B at
# once (bench/fanout/fanout.mjs). Prints p50/p95/p99/max from just before each submitExperiment was sent to each
# subscriber's receipt, the events lost and doubled, the machine's load before and after, and the line for
# docs/benchmarks.md. The client shares the machine with both instances and PostgreSQL: run it on a quiet machine.
#
# Usage: bench/fanout/run.sh    Settings (environment): USERS, PER_USER, WARMUP_ROUNDS, ROUNDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d /tmp/ipp-fanout.XXXXXX)
# shellcheck source=deploy/lib/instances.sh
. "$repo/deploy/lib/instances.sh"
trap 'stop_instances; stop_database; rm -rf "$work"' EXIT
users=${USERS:-20}
per_user=${PER_USER:-50}
rounds=${ROUNDS:-50}

# Each subscriber is a socket in the client and in one instance.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((users * per_user + 200)) ] || { say "ulimit -n is $(ulimit -n): too low for $((users * per_user)) subscribers"; exit 1; }

[ -d "$repo/tests/js/node_modules/graphql-ws" ] || npm ci --prefix "$repo/tests/js" --no-audit --no-fund --loglevel=error >&2
build_server

port_a=$(free_port)
port_b=$(free_port)
mkdir -p "$work/uploads"
start_database
# As deployed (logging at Warning), with the per-client limits that the bench's own setup would hit lifted: 20
# sign-ups from one address, and every user's drafts created at once.
bench_settings=(--Logging:LogLevel:Default=Warning --Accounts:BcryptCost=4 --Accounts:RateLimit:PermitLimit=100000
  --Experiments:CreateRateLimit:PermitLimit=100000)
start_instance A "$port_a" "${bench_settings[@]}"
start_instance B "$port_b" "${bench_settings[@]}"
wait_ready A "$port_a"
wait_ready B "$port_b"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(node "$repo/bench/fanout/fanout.mjs" "http://127.0.0.1:$port_a/graphql" "http://127.0.0.1:$port_b/graphql" "$users" "$per_user" "$rounds")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stop_instances
if grep -E '^(fail|crit)|"LogLevel":"(Error|Critical)"' "$work/A.log" "$work/B.log" >&2; then
  say "an instance logged errors"
  exit 1
fi

echo "$result"
node -e '
const r = JSON.parse(process.argv[1]);
const ms = (x) => `${x} ms`;
console.log(`| ${r.subscribers} (${r.users} × ${r.perUser}) | ${r.rounds} | ${r.all.count} of ${r.expected} | ${r.lost} | ${r.doubled} | ${ms(r.all.p50)} | ${ms(r.all.p95)} | ${ms(r.all.p99)} | ${ms(r.all.max)} | ${ms(r.onA.p99)} / ${ms(r.onB.p99)} | ${ms(r.mutation.p50)} / ${ms(r.mutation.p99)} | ${ms(r.sinceChange.p50)} / ${ms(r.sinceChange.p99)} | ${r.refusedSubmits} / ${r.undoneSubmits} |`);
' "$result"
echo "$(date -u +%Y-%m-%d) · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load average before: $load_before, after: $load_after · .NET $(dotnet --version), Node $(node --version), PostgreSQL $(psql --version | awk '{print $3}')"
