#!/usr/bin/env bash
# The library's 1 GiB upload benchmark (issue 11): uploads a 1 GiB file of random bytes through uploadFiles (a
# GraphQL multipart request, curl as the client, streaming the file from disk) to a Release build of the server, on
# each blob store, and measures
#   - the server's memory growth: the highest VmRSS sampled from /proc/<pid>/status every 50 ms during the upload,
#     minus VmRSS before it (after a warm-up upload);
#   - the throughput, against the storage's own speed measured beside it in the same run:
#       Local:  dd of the same file with conv=fsync, on the same file system as the store (the store flushes too);
#       WebDav: curl -T of the same file to the same `rclone serve webdav` the server stores in. rclone offers no
#               digest, so the server verifies an upload by reading it back (Storage:WebDav:VerifyByReadingBack):
#               "WebDavSizeOnly" measures it checking the size alone, as against a server that gives its digest. For
#               "WebDav" a curl -o of curl -T's file follows, and a second ratio compares the upload with the two: what
#               the storage itself takes to store a file and read it back whole.
# Targets: growth < 64 MiB, throughput >= 70% of the storage's own. Run it on a quiet machine (it is I/O heavy):
#   bench/library-uploads/run.sh [work folder, default /tmp/ipp-library-upload-bench]
# BENCH_FORCE=1 skips the load check, BENCH_MIB a smaller file for a dry run, BENCH_STORES some of "Local WebDav
# WebDavSizeOnly", BENCH_SKIP_BUILD=1 measures the build already there, BENCH_RUNS=n measures each store n times, the
# upload and the storage's own copy alternating, one line each (a shared machine's load shifts between the lines, less
# within one). Each line gives the CPU time of the server, of curl and (WebDAV) of rclone beside the elapsed times: on
# a machine with few cores their sum bounds the elapsed time. Everything it creates is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

work=${1:-/tmp/ipp-library-upload-bench}
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
size=$((${BENCH_MIB:-1024} * 1024 * 1024))
stores=${BENCH_STORES:-Local WebDav WebDavSizeOnly}
runs=${BENCH_RUNS:-1}
refuse_busy_machine

rclone_pid=
cleanup() {
  stop_sampler
  stop_server
  [ -n "$rclone_pid" ] && kill "$rclone_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server

echo "Writing the $((size / 1048576)) MiB source file..."
head -c "$size" /dev/urandom >"$work/source.bin"
head -c $((8 * 1024 * 1024)) /dev/urandom >"$work/warmup.bin"
sync

mib_per_s() { awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f", bytes / seconds / 1048576 }'; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { print b - a }'; }

# Being signed in gives the library's permissions, so the user needs no role. The operation's time limit is lifted: a
# loaded machine may take longer than 30 s to verify 1 GiB, and this measures throughput, not the limit.
library_settings=(--Permissions:SignedIn:0=files:read --Permissions:SignedIn:1=files:write --Experiments:MaxUserBytes=$((8 * size))
  --GraphQL:ExecutionTimeout=00:10:00)

sign_up() {
  curl -sf "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"query":"mutation { createUser(input: {email: \"bench@example.org\", password: \"correct horse battery\"}) { token } }"}' |
    jq -r .data.createUser.token
}

upload() { # file, path in the library -> prints curl's time_total; the response goes to $work/response.json, curl's CPU to $work/curl.cpu
  local operations
  operations=$(jq -cn --arg path "$2" '{query: "mutation ($input: UploadFilesInput!) { uploadFiles(input: $input) { entries { name size sha256 } errors { __typename } } }",
    variables: {input: {files: [{file: null, path: $path}]}}}')
  timed curl -s -o "$work/response.json" -w '%{time_total}' "http://127.0.0.1:$port/graphql" \
    -H 'GraphQL-Preflight: 1' -H 'Accept: application/json' -H "Authorization: Bearer $token" \
    -F "operations=$operations;type=application/json" -F 'map={"0":["variables.input.files.0.file"]};type=application/json' \
    -F "0=@$1;type=application/octet-stream"
}

# Runs a command, its CPU time (user + system seconds) written to $work/curl.cpu.
timed() { /usr/bin/time -f '%U %S' -o "$work/time.out" "$@"; awk '{ printf "%.1f", $1 + $2 }' "$work/time.out" >"$work/curl.cpu"; }

status() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$server_pid/status"; }

# The CPU time (user + system, in clock ticks) a process has used so far: the work per upload, which a loaded machine
# does not inflate as it does the elapsed time.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_since() { awk -v t="$(($(cpu_ticks "$1") - $2))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'; }

# rclone's CPU so far, in ticks (0 without rclone).
rclone_ticks() { if [ -n "$rclone_pid" ]; then cpu_ticks "$rclone_pid"; else echo 0; fi; }
rclone_cpu() { if [ -n "$rclone_pid" ]; then echo ", rclone $(cpu_since "$rclone_pid" "$1") s"; fi; }

# Signs up and uploads the warm-up file, once per server.
warm_up() {
  token=$(sign_up)
  upload "$work/warmup.bin" warmup.bin >/dev/null
  sleep 1
}

# Uploads the source file; sets upload_seconds, rss_before and peak (KiB), and upload_cpu (what each process spent).
measure_upload() {
  rss_before=$(status VmRSS)
  start_sampler
  sync
  local server_before rclone_before
  server_before=$(cpu_ticks "$server_pid")
  rclone_before=$(rclone_ticks)
  upload_seconds=$(upload "$work/source.bin" "source-$1.bin")
  upload_cpu="server $(cpu_since "$server_pid" "$server_before") s, curl $(cat "$work/curl.cpu") s$(rclone_cpu "$rclone_before")"
  stop_sampler
  peak=$(cat "$work/peak")
  [ "$peak" -gt "$rss_before" ] || peak=$rss_before
  jq -e '.data.uploadFiles.entries[0].size' "$work/response.json" >/dev/null || { log "the upload failed: $(cat "$work/response.json")"; exit 1; }
}

# The storage's own copy of the source file beside the upload; sets own_seconds, own_cpu and own (what it is), and for
# the store that reads an upload back, read_back (the storage's own write and read of the file, against the upload).
measure_own() {
  sync
  read_back=
  if [ "$1" = Local ]; then
    own="dd conv=fsync"
    local copy_start
    copy_start=$(date +%s.%N)
    timed dd if="$work/source.bin" of="$work/copy.bin" bs=1M conv=fsync status=none
    own_seconds=$(seconds_since "$copy_start")
    own_cpu="dd $(cat "$work/curl.cpu") s"
    rm -f "$work/copy.bin"
  else
    own="curl -T"
    local rclone_before
    rclone_before=$(rclone_ticks)
    own_seconds=$(timed curl -s -o /dev/null -w '%{time_total}' -u ipp:bench-secret -T "$work/source.bin" "http://127.0.0.1:$webdav_port/direct.bin")
    own_cpu="curl $(cat "$work/curl.cpu") s$(rclone_cpu "$rclone_before")"
    if [ "$1" = WebDav ]; then
      # What the storage itself takes to store a file and give it back whole: the read-back's own peer.
      rclone_before=$(rclone_ticks)
      read_seconds=$(timed curl -s -o /dev/null -w '%{time_total}' -u ipp:bench-secret "http://127.0.0.1:$webdav_port/direct.bin")
      read_back="; then curl -o of it: $read_seconds s (CPU: curl $(cat "$work/curl.cpu") s$(rclone_cpu "$rclone_before")), ratio to curl -T + curl -o $(awk -v u="$upload_seconds" -v p="$own_seconds" -v g="$read_seconds" 'BEGIN { printf "%.0f%%", 100 * (p + g) / u }')"
    fi
  fi
}

report() { # store, run
  local upload_rate own_rate
  upload_rate=$(mib_per_s "$size" "$upload_seconds")
  own_rate=$(mib_per_s "$size" "$own_seconds")
  echo "$1 run $2 (load $(cut -d' ' -f1 /proc/loadavg)): upload $upload_seconds s, $upload_rate MiB/s (CPU: $upload_cpu); $own: $own_seconds s, $own_rate MiB/s (CPU: $own_cpu);" \
    "ratio $(awk -v u="$upload_rate" -v c="$own_rate" 'BEGIN { printf "%.0f%%", 100 * u / c }')$read_back; VmRSS before $((rss_before / 1024)) MiB, peak $((peak / 1024)) MiB (growth $(((peak - rss_before) / 1024)) MiB)"
}

echo "Date: $(date -u +%Y-%m-%dT%H:%MZ)   Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), load before $load"
for store in $stores; do
  rm -rf "$work/uploads" "$work/blobs" "$work/webdav" "$work/ipp.db"*
  mkdir -p "$work/uploads" "$work/blobs" "$work/webdav"
  if [ "$store" = Local ]; then
    start_server "${library_settings[@]}" "--Storage:Local:Path=$work/blobs"
  else
    webdav_port=$(free_port)
    rclone serve webdav "$work/webdav" --addr "127.0.0.1:$webdav_port" --user ipp --pass bench-secret --config /dev/null >"$work/rclone.log" 2>&1 &
    rclone_pid=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$webdav_port/" && break; sleep 0.1; done
    start_server "${library_settings[@]}" --Storage:Provider=WebDav "--Storage:WebDav:BaseUrl=http://127.0.0.1:$webdav_port/" \
      --Storage:WebDav:UserName=ipp --Storage:WebDav:Password=bench-secret "--Storage:WebDav:VerifyByReadingBack=$([ "$store" = WebDav ] && echo true || echo false)"
  fi
  warm_up
  for run in $(seq "$runs"); do
    measure_upload "$run"
    measure_own "$store"
    report "$store" "$run"
    # The stored copies' files are removed between runs (the folders stay, as the store made them): the disk holds at
    # most two.
    find "$work/blobs" "$work/webdav" -type f -delete
  done
  stop_server_checked
  if [ -n "$rclone_pid" ]; then
    kill "$rclone_pid" 2>/dev/null || true
    wait "$rclone_pid" 2>/dev/null || true
    rclone_pid=
  fi
done
