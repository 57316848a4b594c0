#!/usr/bin/env bash
# The 1 GiB upload benchmark (issue 4): uploads a 1 GiB file through createExperiment (a GraphQL multipart request,
# curl as the client, which streams the file from disk) to a Release build of the server, and measures
#   - the server's peak memory growth: the highest VmRSS sampled from /proc/<pid>/status during the upload, and
#     VmHWM after it, each minus VmRSS before it (after a warm-up upload);
#   - the throughput, against the disk's own copy speed measured beside it in the same run on the same file system:
#     dd of the same 1 GiB file with conv=fsync (the server fsyncs each upload too).
# Targets: growth < 64 MiB, throughput >= 70% of the copy. Run it on a quiet machine (it is I/O heavy):
#   bench/uploads/run.sh [work folder, default /tmp/ipp-upload-bench]   (set BENCH_FORCE=1 to skip the load check)
# Everything it creates is deleted at the end, the 1 GiB files included.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

work=${1:-/tmp/ipp-upload-bench}
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
size=$((${BENCH_MIB:-1024} * 1024 * 1024))  # BENCH_MIB: a smaller file for a dry run of the script
load=$(cut -d' ' -f1 /proc/loadavg)
if [ "${BENCH_FORCE:-0}" != 1 ] && awk "BEGIN { exit !($load >= 1.5) }"; then
  echo "The machine is busy (load $load): run it when the load is under 1.5, or set BENCH_FORCE=1." >&2
  exit 2
fi

sampler_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/uploads"
build_server

echo "Writing the $((size / 1048576)) MiB source file..."
head -c "$size" /dev/urandom >"$work/source.bin"
sync

mib_per_s() { awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f", bytes / seconds / 1048576 }'; }
now() { date +%s.%N; }

start_server

graphql() {
  curl -sf "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -H 'Accept: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$1"
}
token=$(graphql '{"query":"mutation { createUser(input: {email: \"bench@example.org\", password: \"correct horse battery\"}) { token } }"}' | jq -r .data.createUser.token)

upload() { # file, name -> prints curl's time_total; the response goes to $work/response.json
  local operations map
  operations=$(jq -cn --arg name "$2" '{query: "mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id status } } }",
    variables: {input: {application: "threshold-segmentation", name: $name, parameters: {threshold: 0.5}, files: [{parameter: "scan", file: null}]}}}')
  map='{"0":["variables.input.files.0.file"]}'
  curl -s -o "$work/response.json" -w '%{time_total}' "http://127.0.0.1:$port/graphql" \
    -H 'GraphQL-Preflight: 1' -H 'Accept: application/json' -H "Authorization: Bearer $token" \
    -F "operations=$operations;type=application/json" -F "map=$map;type=application/json" -F "0=@$1;type=application/octet-stream"
}

# Warm-up: the code paths jitted, the database and folders touched.
head -c $((8 * 1024 * 1024)) /dev/urandom >"$work/warmup.bin"
upload "$work/warmup.bin" warmup >/dev/null
sleep 1

status() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$server_pid/status"; }
rss_before=$(status VmRSS)
hwm_before=$(status VmHWM)
(
  peak=0
  while kill -0 "$server_pid" 2>/dev/null; do
    rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak"
    sleep 0.05
  done
) &
sampler_pid=$!

sync
upload_seconds=$(upload "$work/source.bin" "1 GiB upload")
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
hwm_after=$(status VmHWM)
peak=$(cat "$work/peak")
response=$(cat "$work/response.json")

# The disk's own speed, beside it: the same file copied on the same file system, flushed to disk.
sync
copy_start=$(now)
dd if="$work/source.bin" of="$work/copy.bin" bs=1M conv=fsync status=none
copy_seconds=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')

upload_rate=$(mib_per_s "$size" "$upload_seconds")
copy_rate=$(mib_per_s "$size" "$copy_seconds")
echo
echo "Response: $response"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ)   Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), load before $load"
echo "Memory: VmRSS before $((rss_before / 1024)) MiB, peak sampled VmRSS $((peak / 1024)) MiB (growth $(((peak - rss_before) / 1024)) MiB), VmHWM before $((hwm_before / 1024)) MiB, after $((hwm_after / 1024)) MiB (growth over VmRSS before: $(((hwm_after - rss_before) / 1024)) MiB)"
echo "Upload: $upload_seconds s, $upload_rate MiB/s; dd conv=fsync copy: $copy_seconds s, $copy_rate MiB/s; ratio $(awk -v u="$upload_rate" -v c="$copy_rate" 'BEGIN { printf "%.0f%%", 100 * u / c }')"
