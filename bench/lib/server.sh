# Sourced by the benchmark scripts (bench/http, bench/subscribers, bench/uploads, bench/library-*): Ipp.Graph as deployed, the Release
# build logging at Warning on 127.0.0.1, with its database and uploads in the run's folder, started and stopped.
# The sourcing script sets `repo` (the repository root) and `work` (the run's folder) first.

server_pid=""

log() { echo "$*" >&2; }

# Stops the run unless the machine is quiet (load under 1.5) or BENCH_FORCE=1; leaves the load in `load` for the report.
refuse_busy_machine() {
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ "${BENCH_FORCE:-0}" != 1 ] && awk "BEGIN { exit !($load >= 1.5) }"; then
    echo "The machine is busy (load $load): run it when the load is under 1.5, or set BENCH_FORCE=1." >&2
    exit 2
  fi
}

# Samples the server's VmRSS every 50 ms in the background, the highest (KiB) kept in $work/peak, until stop_sampler.
sampler_pid=""
start_sampler() {
  echo 0 >"$work/peak"
  (
    peak=0
    while kill -0 "$server_pid" 2>/dev/null; do
      value=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
      [ "${value:-0}" -gt "$peak" ] && peak=$value && echo "$peak" >"$work/peak"
      sleep 0.05
    done
  ) &
  sampler_pid=$!
}

stop_sampler() {
  [ -n "$sampler_pid" ] || return 0
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=
}

build_server() {
  dotnet build "$repo/src/Ipp.Graph" -c Release -nologo -v quiet >&2
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

# Waits until the server started in the background ($server_pid) answers on port $1; fails the run if it stops.
wait_ready() {
  for _ in $(seq 150); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
      return 0
    fi
    kill -0 "$server_pid" 2> /dev/null || { log "the server stopped:"; cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  log "the server did not start on port $1"
  exit 1
}

# Starts Ipp.Graph on a free port (set in `port`) with $work/ipp.db and $work/uploads; extra arguments are settings.
start_server() {
  port=$(free_port)
  dotnet "$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll" --urls "http://127.0.0.1:$port" \
    "--ConnectionStrings:Ipp=Data Source=$work/ipp.db" "--UPLOAD_FOLDER=$work/uploads" \
    --Logging:LogLevel:Default=Warning "$@" > "$work/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$port"
}

stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
    server_pid=""
  fi
}

# Stops the server and fails the run if it logged an error.
stop_server_checked() {
  stop_server
  if grep -E '^(fail|crit)' "$work/server.log" >&2; then
    log "Ipp.Graph logged errors"
    exit 1
  fi
}
