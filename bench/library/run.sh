#!/usr/bin/env bash
# The files list benchmark (issue 11): a library of 100,000 entries with 20 tags (bench/library/seed.sql, written
# straight into the database in bulk), and one `files` page of 20 with a tag filter and a name search, newest first,
# asked over HTTP one request at a time (bench/library/list.mjs: 500 warm-up requests of each search, `WARMUP`, then
# 500 measured, `REQUESTS`), from a Release build of the server on SQLite and then on PostgreSQL (a throwaway cluster,
# tests/postgres/cluster.sh).
# The tag is on a tenth of the entries. Two searches: a common one (`scan`: a tenth of the names; with the tag, 500
# entries, the newest page of them found among the newest 4,000 rows) and a rare one (`scan-00`: a hundredth of the
# names, the oldest; with the tag, 50 entries, all at the old end of the order). Target: median under 20 ms.
# Prints a Markdown table with each search's latencies and the CPU time a request cost the server (and the database's
# processes on PostgreSQL), which a busy machine does not inflate as it does the latencies. Run it on a quiet machine:
#   bench/library/run.sh   (set BENCH_FORCE=1 to skip the load check)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d)
chmod 755 "$work" # the PostgreSQL cluster's own user reaches its folder in it
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
trap 'stop_server; [ ! -d "$work/pg" ] || "$repo/tests/postgres/cluster.sh" stop "$work/pg" > /dev/null; rm -rf "$work"' EXIT

load=$(cut -d' ' -f1 /proc/loadavg)
if [ "${BENCH_FORCE:-0}" != 1 ] && awk "BEGIN { exit !($load >= 1.5) }"; then
  echo "The machine is busy (load $load): run it when the load is under 1.5, or set BENCH_FORCE=1." >&2
  exit 2
fi

build_server
dll="$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll"
email=bench@example.org
other=other@example.org

graphql() { # body, token
  curl -sf "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -H 'Accept: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$1"
}

sign_up() { # email -> the user's id
  graphql "{\"query\":\"mutation { createUser(input: {email: \\\"$1\\\", password: \\\"correct horse battery\\\"}) { user { id } } }\"}" \
    | jq -r .data.createUser.user.id | base64 -d 2> /dev/null | cut -d: -f2
}

sign_in() { # email -> a token (roles are read at sign-in)
  graphql "{\"query\":\"mutation { authenticate(input: {email: \\\"$1\\\", password: \\\"correct horse battery\\\"}) { token } }\"}" | jq -r .data.authenticate.token
}

# The CPU time (clock ticks) the server and, on PostgreSQL, the cluster's processes have used: what a request costs
# whatever else the machine runs, which the latencies do not show on a busy machine.
cpu_ticks() {
  local pids=("$server_pid") total=0 pid
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -n 1 "$work/pg/data/postmaster.pid")
    pids+=("$postmaster" $(pgrep -P "$postmaster" || true))
  fi
  for pid in "${pids[@]}"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

seed() { # owner id, other id, number expression, time expression -> the seed's SQL
  sed -e "s/@OWNER@/$1/g" -e "s/@OTHER@/$2/g" -e "s/@NUMBER@/$3/g" -e "s/@CREATED_AT@/$4/g" "$repo/bench/library/seed.sql"
}

# One provider: the server on settings "$@", the owner and the other user signed up, the owner made a DATA_ENGINEER,
# the library written by $write (a command reading SQL), and the two searches measured. Prints the table's rows.
measure() { # provider name, write command, settings...
  local provider=$1 write=$2
  shift 2
  start_server "$@" "--Storage:Local:Path=$work/blobs"
  local owner_id other_id
  owner_id=$(sign_up "$email")
  other_id=$(sign_up "$other")
  dotnet "$dll" users grant-role "$email" DATA_ENGINEER "$@" > /dev/null
  log "Writing the library ($provider)..."
  { seed "$owner_id" "$other_id" "$number" "$created_at"; echo "${analyze:-}"; } | $write
  local token tag
  token=$(sign_in "$email")
  tag=$(printf 'Tag:%s' "$(echo "SELECT id FROM tags WHERE name = 'tag-3';" | $read)" | base64 | tr '+/' '-_' | tr -d '=\n')
  local requests=${REQUESTS:-500} search
  # Both searches warmed up before either is measured, long enough for .NET's tiered JIT to have compiled the hot
  # methods again with their profile: after 100 requests of each, on a busy machine, the search measured first still
  # paid for that compilation in the background (twice the CPU per request of the same search measured after it).
  for search in scan scan-00; do
    node "$repo/bench/library/list.mjs" "http://127.0.0.1:$port/graphql" "$token" "$tag" "$search" 1 "${WARMUP:-500}" > /dev/null
  done
  for search in scan scan-00; do
    local result before after
    before=$(cpu_ticks)
    result=$(node "$repo/bench/library/list.mjs" "http://127.0.0.1:$port/graphql" "$token" "$tag" "$search" "$requests" 0)
    after=$(cpu_ticks)
    echo "| $provider | \`$search\` | $(jq -r .median <<< "$result") | $(jq -r .p90 <<< "$result") | $(jq -r .p99 <<< "$result") |" \
      "$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') |"
  done
  stop_server_checked
}

echo "| Database | Search | Median (ms) | p90 (ms) | p99 (ms) | CPU per request (ms) |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"

number="printf('%06d', i)"
created_at="strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+' || i || ' minutes')"
read="sqlite3 $work/ipp.db"
measure SQLite "sqlite3 $work/ipp.db" "--ConnectionStrings:Ipp=Data Source=$work/ipp.db"

"$repo/tests/postgres/cluster.sh" start "$work/pg" > /dev/null
psql -h "$work/pg" -U ipp_test -d postgres -qc "CREATE DATABASE bench"
pg="-h $work/pg -U ipp_test -d bench"
number="lpad(i::text, 6, '0')"
created_at="timestamptz '2025-01-01 00:00:00+00' + i * interval '1 minute'"
read="psql $pg -qtAX"
# Statistics and a vacuum, as autovacuum makes them soon after a bulk write (SQLite has no statistics unless ANALYZE is
# run: none here). The vacuum moves the rows from the trigram index's pending list (the migration made it on an empty
# table, so it gathers new rows there) into the index proper, without which the planner prices the index far too high.
analyze="; VACUUM ANALYZE;"
measure PostgreSQL "psql $pg -q -v ON_ERROR_STOP=1" "--ConnectionStrings:Ipp=Host=$work/pg;Username=ipp_test;Database=bench"
