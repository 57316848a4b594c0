#!/usr/bin/env bash
# Tasks on a container image through the PiCaS token pool (issue 12): a Release build of the server with its pool on
# pouchdb-server (tests/js), and bench/tasks/tasks.mjs as the researchers and the pilots. Targets: 1,000 experiments
# submitted by 10 clients are all in the pool within 10 s, none lost or doubled, also when the pool is stopped for
# part of the run (OUTAGE_MS, default 3 s) and started again; a token marked done reaches a subscriber with p99 under
# 500 ms. Prints the figures and the line to paste into docs/benchmarks.md.
# Run it on a quiet machine (load average under 1.5; BENCH_FORCE=1 to run anyway): client, server and pool share it.
#
# Usage: bench/tasks/run.sh    Settings (environment): CLIENTS, EXPERIMENTS, OUTAGE_MS, LATENCY_SAMPLES.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here="$repo/bench/tasks"
work=$(mktemp -d)
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
couch_port=""
trap 'stop_server; [ -z "$couch_port" ] || bash "$here/couch.sh" stop "$work/pool" "$couch_port"; rm -rf "$work"' EXIT
refuse_busy_machine

npm ci --prefix "$repo/tests/js" --no-audit --no-fund --loglevel=error >&2
build_server

couch_port=$(free_port)
bash "$here/couch.sh" start "$work/pool" "$couch_port"
# Experiments are many and fast here: the per-user limits of a portal stay out of the way; sign-ups come from one address.
start_server "--Picas:Url=http://127.0.0.1:$couch_port/" --Picas:Database=bench-tokens \
  --Experiments:CreateRateLimit:PermitLimit=100000 --Accounts:RateLimit:PermitLimit=1000
# The pool is set up in the background: wait for the design document the pilots claim through.
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$couch_port/bench-tokens/_design/Monitor" && break
  sleep 0.1
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(node "$here/tasks.mjs" "http://127.0.0.1:$port" "http://127.0.0.1:$couch_port/" bench-tokens \
  "$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll" "Data Source=$work/ipp.db" "$work/pool" "$couch_port")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server_checked

echo "$result"
node -e '
const r = JSON.parse(process.argv[1]);
const run = (f) => `${f.experiments} submitted in ${f.submittedMs} ms, all in the pool at ${f.allInPoolMs} ms (each token after its experiment: p50 ${f.tokenDelayMs.p50} ms, p99 ${f.tokenDelayMs.p99} ms, max ${f.tokenDelayMs.max} ms), lost ${f.lost}, doubled ${f.doubled}`;
console.log(`| ${r.clients} clients | ${run(r.first)} | ${run(r.withOutage)} (pool down ${r.withOutage.outageMs} ms; all in ${r.withOutage.afterRestartMs} ms after its restart) | done → subscriber p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${r.latency.samples} samples, ${r.latency.lost} lost) |`);
' "$result"
echo "$(date -u +%Y-%m-%d\ %H:%M) UTC · $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load average before: $load_before, after: $load_after · .NET $(dotnet --version), Node $(node --version)"
