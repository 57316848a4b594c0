#!/usr/bin/env bash
# The library's download benchmarks (issue 11), on a Release build of the server:
#   1. a 1 GiB file uploaded through uploadFiles to the Local store, downloaded with curl -o /dev/null from
#      GET /library/{id}/content, against dd reading the same blob (bs=1M, to /dev/null) beside it, each once from the
#      disk (the blob's pages dropped from the page cache) and once from the page cache; and, as a peer that also
#      crosses HTTP on loopback, curl -o /dev/null of the same blob from nginx (sendfile on), when nginx is installed;
#   2. the same through a WebDAV store (rclone serve webdav on 127.0.0.1), against curl -o /dev/null of the blob
#      straight from the WebDAV server;
#   3. a folder of 10,000 files, 1 GiB together (seeded into the database and the Local store by seed-folder.py),
#      downloaded as a zip, the zip then checked (every entry, every CRC).
# For each it samples the server's VmRSS from /proc/<pid>/status every 50 ms during the download; growth is the peak
# minus VmRSS before it (after a warm-up download). It also reports the server's CPU time for each download (and
# rclone's for the server's download and for its direct read), which the machine's load does not inflate as it does
# the elapsed time. Targets: downloads >= 70% of the storage's own speed, memory
# growth < 64 MiB. Run it on a quiet machine:
#   bench/library-downloads/run.sh [work folder, default /tmp/ipp-library-download-bench]
# (BENCH_FORCE=1 skips the load check; BENCH_MIB and BENCH_FILES make a smaller dry run; BENCH_RUNS=n measures each
# file pair n times, alternating, one line each; BENCH_SERVER_ARGS adds settings to both servers, e.g.
# "--Kestrel:Limits:MaxResponseBufferSize=4194304".)
# Everything it creates is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

work=${1:-/tmp/ipp-library-download-bench}
# shellcheck source=../lib/server.sh
. "$repo/bench/lib/server.sh"
size=$((${BENCH_MIB:-1024} * 1024 * 1024))
files=${BENCH_FILES:-10000}
runs=${BENCH_RUNS:-1}
read -r -a server_args <<<"${BENCH_SERVER_ARGS:-}"
refuse_busy_machine

rclone_pid=
nginx_pid=
cleanup() {
  stop_sampler
  stop_server
  [ -n "$rclone_pid" ] && kill "$rclone_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/uploads" "$work/blobs" "$work/webdav"
build_server
dll="$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll"

log "Writing the $((size / 1048576)) MiB source file..."
head -c "$size" /dev/urandom >"$work/source.bin"
head -c $((8 * 1024 * 1024)) /dev/urandom >"$work/warmup.bin"
sync

mib_per_s() { awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f", bytes / seconds / 1048576 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
now() { date +%s.%N; }
rss() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$server_pid/status"; }
# The CPU time (user + system, in clock ticks) process $1 has used: what a download costs whatever the load.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'; }

graphql() { # body [token]
  curl -sf "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -H 'Accept: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$1"
}

# Signs the bench user up (once per database), makes them a data engineer and signs them in: sets `token`.
sign_in() {
  graphql '{"query":"mutation { createUser(input: {email: \"bench@example.org\", password: \"correct horse battery\"}) { token } }"}' >/dev/null || true
  dotnet "$dll" users grant-role bench@example.org DATA_ENGINEER "--ConnectionStrings:Ipp=Data Source=$work/ipp.db" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 || true
  token=$(graphql '{"query":"mutation { authenticate(input: {email: \"bench@example.org\", password: \"correct horse battery\"}) { token } }"}' | jq -r .data.authenticate.token)
}

upload() { # file, name -> prints the new entry's global id
  local operations
  operations=$(jq -cn --arg name "$2" '{query: "mutation ($input: UploadFilesInput!) { uploadFiles(input: $input) { entries { id } errors { __typename } } }",
    variables: {input: {files: [{path: $name, file: null}]}}}')
  curl -s "http://127.0.0.1:$port/graphql" -H 'GraphQL-Preflight: 1' -H 'Accept: application/json' -H "Authorization: Bearer $token" \
    -F "operations=$operations;type=application/json" -F 'map={"0":["variables.input.files.0.file"]};type=application/json' \
    -F "0=@$1;type=application/octet-stream" | tee -a "$work/uploads.log" | jq -r ".data.uploadFiles.entries[0].id"
}

# Downloads the entry ($1) to $2 (default /dev/null) while sampling: sets `seconds`, `bytes`, `growth` (MiB) and
# `cpu` (the server's CPU seconds).
measured_download() {
  local before out ticks_before
  before=$(rss)
  ticks_before=$(ticks "$server_pid")
  start_sampler
  out=$(curl -s -o "${2:-/dev/null}" -w '%{time_total} %{size_download} %{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/library/$1/content")
  stop_sampler
  cpu=$(cpu_seconds $(($(ticks "$server_pid") - ticks_before)))
  read -r seconds bytes code <<<"$out"
  [ "$code" = 200 ] || { log "download of $1 answered $code"; cat "$work/uploads.log" >&2; exit 1; }
  growth=$(((($(cat "$work/peak") - before)) / 1024))
}

report=()

# 1. Local.
start_server "--Storage:Local:Path=$work/blobs" --Uploads:MaxFileBytes=$((size + 1)) --GraphQL:ExecutionTimeout=00:10:00 --Experiments:MaxUserBytes=$((4 * size + 1073741824)) "${server_args[@]}"
sign_in
warm=$(upload "$work/warmup.bin" warmup.bin)
measured_download "$warm"
entry=$(upload "$work/source.bin" source.bin)
blob=$(find "$work/blobs" -type f -size +$(((size - 1) / 1024))k | head -n 1)
# Each read is measured twice: from the disk (the blob's pages dropped from the page cache first, for this file
# alone) and from the page cache (the file read just before).
evict() { sync; dd if="$1" iflag=nocache count=0 status=none; }
dd_read() { local start; start=$(now); dd if="$1" of=/dev/null bs=1M status=none; awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }'; }
# nginx serving the blob folder: what an HTTP server that copies nothing in user space (sendfile) gets on the same
# loopback; `peer disk|"page cache"` measures it and prints the report's words.
peer() { :; }
if command -v nginx >/dev/null; then
  nport=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
  access_log off;
  sendfile on;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nport; root $work/blobs; }
}
EOF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log" &
  nginx_pid=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$nport/" && break; sleep 0.1; done
  peer() {
    local out peer_seconds peer_bytes
    [ "$1" = disk ] && evict "$blob"
    out=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "http://127.0.0.1:$nport/${blob#"$work/blobs/"}")
    read -r peer_seconds peer_bytes <<<"$out"
    [ "$peer_bytes" = "$size" ] || { log "nginx sent $peer_bytes bytes, not $size"; exit 1; }
    echo "; curl -o from nginx $peer_seconds s, $(mib_per_s "$size" "$peer_seconds") MiB/s"
  }
fi
for cache in disk "page cache"; do for run in $(seq "$runs"); do
  [ "$cache" = disk ] && evict "$blob"
  measured_download "$entry"
  local_seconds=$seconds local_growth=$growth
  [ "$bytes" = "$size" ] || { log "downloaded $bytes bytes, not $size"; exit 1; }
  [ "$cache" = disk ] && evict "$blob"
  dd_seconds=$(dd_read "$blob")
  report+=("Local $((size / 1048576)) MiB file, from the $cache: download $local_seconds s, $(mib_per_s "$size" "$local_seconds") MiB/s; dd read $dd_seconds s, $(mib_per_s "$size" "$dd_seconds") MiB/s; ratio $(ratio "$dd_seconds" "$local_seconds"); VmRSS growth $local_growth MiB; server CPU $cpu s$(peer "$cache")")
done; done

# 3. The folder of $files files, as a zip (same server, same store).
folder=$(python3 "$repo/bench/library-downloads/seed-folder.py" "$work/ipp.db" "$work/blobs" bench@example.org folder "$files" "$size")
folder_id=$(printf 'LibraryEntry:%s' "$folder" | base64 -w0 | tr '+/' '-_' | tr -d '=')
measured_download "$folder_id" "$work/folder.zip"
zip_seconds=$seconds zip_growth=$growth zip_bytes=$bytes
check=$(python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); print(len(z.infolist()), 'entries,', 'all CRCs good' if bad is None else 'bad: ' + bad)" "$work/folder.zip")
rm -f "$work/folder.zip"
report+=("Folder of $files files ($((size / 1048576)) MiB) as a zip: $zip_seconds s, $(mib_per_s "$zip_bytes" "$zip_seconds") MiB/s of zip ($((zip_bytes / 1048576)) MiB); $check; VmRSS growth $zip_growth MiB")
stop_server_checked
rm -rf "$work/blobs" "$work/ipp.db"*

# 2. WebDAV (rclone), the same file.
rport=$(free_port)
rclone serve webdav "$work/webdav" --addr "127.0.0.1:$rport" --user ipp --pass webdav-secret >"$work/rclone.log" 2>&1 &
rclone_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$rport/" && break; sleep 0.1; done
start_server --Storage:Provider=WebDav "--Storage:WebDav:BaseUrl=http://127.0.0.1:$rport/" --Storage:WebDav:UserName=ipp --Storage:WebDav:Password=webdav-secret \
  --Uploads:MaxFileBytes=$((size + 1)) --GraphQL:ExecutionTimeout=00:10:00 "${server_args[@]}"
sign_in
warm=$(upload "$work/warmup.bin" warmup.bin)
measured_download "$warm"
entry=$(upload "$work/source.bin" source.bin)
key=$(sqlite3 "$work/ipp.db" "SELECT blob_key FROM library_files WHERE size = $size LIMIT 1")
for cache in disk "page cache"; do for run in $(seq "$runs"); do
  [ "$cache" = disk ] && evict "$work/webdav/${key:0:2}/$key"
  relay_ticks=$(ticks "$rclone_pid")
  measured_download "$entry"
  webdav_seconds=$seconds webdav_growth=$growth
  relay_rclone_cpu=$(cpu_seconds $(($(ticks "$rclone_pid") - relay_ticks)))
  [ "$cache" = disk ] && evict "$work/webdav/${key:0:2}/$key"
  rclone_ticks=$(ticks "$rclone_pid")
  direct_seconds=$(curl -s -o /dev/null -w '%{time_total}' -u ipp:webdav-secret "http://127.0.0.1:$rport/${key:0:2}/$key")
  rclone_cpu=$(cpu_seconds $(($(ticks "$rclone_pid") - rclone_ticks)))
  report+=("WebDAV $((size / 1048576)) MiB file, from the $cache: download $webdav_seconds s, $(mib_per_s "$size" "$webdav_seconds") MiB/s; curl -o straight from rclone $direct_seconds s, $(mib_per_s "$size" "$direct_seconds") MiB/s; ratio $(ratio "$direct_seconds" "$webdav_seconds"); VmRSS growth $webdav_growth MiB; server CPU $cpu s, rclone's for it $relay_rclone_cpu s (rclone's CPU for the direct read $rclone_cpu s)")
done; done
stop_server_checked

echo
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ)   Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), load before $load"
printf '%s\n' "${report[@]}"
