# shellcheck shell=bash
# shellcheck disable=SC2154 # repo and work are the sourcing script's.
# Sourced by deploy/two-instances.sh and bench/fanout/run.sh: two instances of Ipp.Graph's Release build on this
# machine, as several instances are deployed, on one throwaway PostgreSQL cluster (tests/postgres/cluster.sh) and
# one upload folder. The sourcing script sets `repo` (the repository root) and `work` (the run's folder: the cluster,
# the uploads and each instance's log go there), and calls stop_instances and stop_database on exit.

declare -A instance_pid=()
database_folder=""

say() { echo "$*" >&2; }

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

build_server() {
  say "building the server (Release)"
  dotnet build "$repo/src/Ipp.Graph" -c Release -nologo -v quiet >&2
}

# Starts the cluster and creates the database `ipp` in it; sets `connection`, the instances' ConnectionStrings:Ipp.
start_database() {
  # As root the cluster runs as the `postgres` user, which must reach its folder inside the run's.
  chmod 711 "$work"
  database_folder="$work/postgres"
  local admin
  admin=$("$repo/tests/postgres/cluster.sh" start "$database_folder")
  psql "host=$database_folder user=ipp_test dbname=postgres" -q -c 'CREATE DATABASE ipp' > /dev/null
  connection=${admin/Database=postgres/Database=ipp}
}

stop_database() {
  if [ -n "$database_folder" ]; then
    "$repo/tests/postgres/cluster.sh" stop "$database_folder" || true
    database_folder=""
  fi
}

# start_instance NAME PORT [SETTING...]: the server on 127.0.0.1:PORT with the shared database and uploads, working
# in $work, its output in $work/NAME.log. Returns at once; wait_ready waits for it.
start_instance() {
  local name=$1 port=$2
  shift 2
  (cd "$work" && exec dotnet "$repo/src/Ipp.Graph/bin/Release/net10.0/Ipp.Graph.dll" --urls="http://127.0.0.1:$port" \
    "--ConnectionStrings:Ipp=$connection" "--UPLOAD_FOLDER=$work/uploads" "--Server:InstanceId=$name" "$@") > "$work/$name.log" 2>&1 &
  instance_pid[$name]=$!
}

# wait_ready NAME PORT: waits until the instance is ready to serve (GET /health/ready answers 200); fails the run
# if it stops or takes more than a minute.
wait_ready() {
  local name=$1 port=$2 status
  for _ in $(seq 300); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)
    [ "$status" != 200 ] || return 0
    if ! kill -0 "${instance_pid[$name]}" 2> /dev/null; then
      say "instance $name stopped:"
      tail -n 30 "$work/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
  say "instance $name was not ready within a minute"
  return 1
}

stop_instances() {
  local pid
  for pid in "${instance_pid[@]}"; do
    kill -TERM "$pid" 2> /dev/null || true
  done
  for pid in "${instance_pid[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  instance_pid=()
}
