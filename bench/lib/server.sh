# Sourced by the benchmark scripts (bench/http, bench/subscribers, bench/uploads): Ipp.Graph as deployed, the Release
# build logging at Warning on 127.0.0.1, with its database and uploads in the run's folder, started and stopped.
# The sourcing script sets `repo` (the repository root) and `work` (the run's folder) first.

server_pid=""

log() { echo "$*" >&2; }

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
