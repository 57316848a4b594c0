#!/usr/bin/env bash
# The example deployment, run on this machine: two instances of the server behind nginx, on one PostgreSQL database
# and one upload folder, then a smoke check through nginx (deploy/smoke.mjs). Everything is throwaway, in a temporary
# folder: a PostgreSQL cluster (tests/postgres/cluster.sh), the uploads, the instances on free loopback ports, and
# nginx (Debian's package, installed with apt-get when missing) run in the foreground with its own prefix, a
# self-signed certificate and the site of deploy/nginx on free ports; the system's nginx service is left alone.
# Prints PASS or FAIL (exit 0 or 1) and stops everything it started on exit; after a FAIL the logs are kept.
#
# Usage: deploy/two-instances.sh    Needs: the .NET SDK, Node.js, PostgreSQL (Debian: postgresql), openssl, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d /tmp/ipp-two-instances.XXXXXX)
# shellcheck source=deploy/lib/instances.sh
. "$repo/deploy/lib/instances.sh"

nginx_pid=""
passed=false
finish() {
  if [ -n "$nginx_pid" ]; then
    kill -TERM "$nginx_pid" 2> /dev/null || true
    wait "$nginx_pid" 2> /dev/null || true
  fi
  stop_instances
  stop_database
  if $passed; then
    rm -rf "$work"
    echo PASS
    exit 0
  else
    echo "FAIL (logs: $work/A.log, $work/B.log, $work/nginx/)"
    exit 1
  fi
}
trap finish EXIT

# What to run as root: directly, or through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v nginx > /dev/null; then
  say "installing nginx (Debian's package; the system's nginx service is not used)"
  as_root apt-get install -y -q nginx >&2 || { as_root apt-get update -q >&2 && as_root apt-get install -y -q nginx >&2; }
fi
command -v envsubst > /dev/null || as_root apt-get install -y -q gettext-base >&2
[ -d "$repo/tests/js/node_modules/graphql-ws" ] || npm ci --prefix "$repo/tests/js" --no-audit --no-fund --loglevel=error >&2
build_server

port_a=$(free_port)
port_b=$(free_port)
https_port=$(free_port)
http_port=$(free_port)
site="https://127.0.0.1:$https_port"

say "starting PostgreSQL and instances A (port $port_a) and B (port $port_b)"
mkdir -p "$work/uploads"
start_database
# What each instance behind the proxy needs besides the shared database and uploads; the per-request log lines show
# which instance served what.
behind_nginx=(--ForwardedHeaders:KnownProxies:0=127.0.0.1 "--Server:PublicBaseUrl=$site"
  --Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information)
start_instance A "$port_a" "${behind_nginx[@]}"
start_instance B "$port_b" "${behind_nginx[@]}"
wait_ready A "$port_a"
wait_ready B "$port_b"

say "starting nginx on $site"
tls="$work/tls"
mkdir -p "$tls" "$work/nginx/temp"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$tls/key.pem" -out "$tls/certificate.pem" 2> /dev/null
IPP_SERVER_NAME=localhost IPP_HTTPS_LISTEN="127.0.0.1:$https_port" IPP_HTTP_LISTEN="127.0.0.1:$http_port" \
  IPP_TLS_CERTIFICATE="$tls/certificate.pem" IPP_TLS_CERTIFICATE_KEY="$tls/key.pem" \
  IPP_INSTANCE_A="127.0.0.1:$port_a" IPP_INSTANCE_B="127.0.0.1:$port_b" \
  "$repo/deploy/nginx/render-site.sh" > "$work/nginx/site.conf"
# nginx.conf of its own: in the foreground, its files in $work/nginx, one worker (as www-data when started as root,
# as Debian's nginx runs), the instance that served each request in the access log.
worker_user=""
[ "$(id -u)" -ne 0 ] || { worker_user="user www-data;"; chown -R www-data: "$work/nginx/temp"; }
cat > "$work/nginx/nginx.conf" << CONF
$worker_user
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log notice;
events {
    worker_connections 512;
}
http {
    log_format routed '\$request_method \$uri \$status upstream=\$upstream_addr step=\$http_x_smoke_step upgrade=\$http_upgrade';
    access_log $work/nginx/access.log routed;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    include $work/nginx/site.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" 2> "$work/nginx/stderr.log" &
nginx_pid=$!
for _ in $(seq 50); do
  curl -s -o /dev/null --cacert "$tls/certificate.pem" "$site/" && break
  kill -0 "$nginx_pid" 2> /dev/null || { cat "$work/nginx/error.log" "$work/nginx/stderr.log" >&2; exit 1; }
  sleep 0.1
done

ok=true
expect() { # expect WHAT ACTUAL WANTED
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: $2, not $3"; ok=false; fi
}
expect "plain HTTP is redirected to HTTPS" \
  "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/graphql")" "301 https://127.0.0.1/graphql"
expect "the instances' health probes are not public" \
  "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$tls/certificate.pem" "$site/health")" 404

say "smoke check through nginx"
NODE_EXTRA_CA_CERTS="$tls/certificate.pem" node "$repo/deploy/smoke.mjs" "$site/graphql" "$work/uploads" "$work/smoke.json" || ok=false

experiment=""
[ ! -f "$work/smoke.json" ] || experiment=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).experiment ?? "")' "$work/smoke.json")
if [ -n "$experiment" ]; then
  expect "the folder move was recorded once, by one of the instances" \
    "$(psql "host=$database_folder user=ipp_test dbname=ipp" -tA -c "SELECT COUNT(*) FROM experiment_events WHERE experiment_id = $experiment AND status = 'completed'")" 1
fi

# Which instance nginx chose for each step, and what each instance's own log saw.
echo "nginx routed (instance A is 127.0.0.1:$port_a, B 127.0.0.1:$port_b):"
sed -n 's/^\([A-Z]*\) \([^ ]*\) \([0-9]*\) upstream=\([^ ]*\) step=\([^ ]*\) .*/  \5: \1 \2 \3 via \4/p' "$work/nginx/access.log" \
  | sed "s/127.0.0.1:$port_a\$/A/; s/127.0.0.1:$port_b\$/B/"
for name in A B; do
  requests=$(grep 'Request starting' "$work/$name.log" | grep -c '/graphql' || true)
  expect "instance $name served requests through nginx (its log: $requests)" "$([ "$requests" -gt 0 ] && echo yes || echo no)" yes
  if grep -E '^(fail|crit)|"LogLevel":"(Error|Critical)"' "$work/$name.log" > /dev/null; then
    expect "instance $name logged no error" "errors in $work/$name.log" none
  fi
done

$ok && passed=true
