#!/usr/bin/env bash
# Runs the engine's benchmarks and the JavaScript peers (graphql-js 16, and graphql-jit on the execution cases) on this
# machine, one after the other in one run, and prints a table of the mean time per operation of each case and the
# ratios graphql-js / Ipp.Graph and graphql-jit / Ipp.Graph.
# Usage: bench/compare.sh [--quick]   (--quick: BenchmarkDotNet's short job and 1 s per JavaScript case)
set -euo pipefail
cd "$(dirname "$0")/.."

job=()
seconds=5
if [ "${1:-}" = "--quick" ]; then
  job=(--job short)
  seconds=1
fi

npm ci --prefix bench/js --no-audit --no-fund --loglevel=error
artifacts=$(mktemp -d)
dotnet run -c Release --project bench/Ipp.Graph.Engine.Benchmarks -- \
  --filter '*' "${job[@]}" --exporters json --artifacts "$artifacts" >&2
# Production mode, as graphql-js is deployed: it skips its development-only checks on every type test.
NODE_ENV=production node bench/js/bench.mjs "$seconds" > "$artifacts/peers.json"
node bench/js/compare.mjs "$artifacts"
