#!/usr/bin/env bash
# The load held (issue 15): starts the built jar as its own process on a fresh embedded PostgreSQL (demo security
# mode, no demo data, no scheduled close) on a free port, then runs infra/load/LoadDriver.java against it: a feed at
# an operator's rate scaled to this machine on the JSON endpoint, the customer page and the trivial endpoint under
# wrk, the previous month closed during it; at the end the totals against the feed, the 5xx, the page's p99 beside
# the trivial endpoint's. Prints what held and exits 1 when something did not. Stops the jar on every exit.
#
#   infra/load/load-held.sh                 # on demand: 10 minutes at the operator's rate
#   infra/load/load-held.sh --minutes 2     # the CI version (.ci/run)
#   any other LoadDriver option passes through: --rate N --clients N --sessions N --page-connections N
#   --trivial-connections N --think-ms N --p99-goal X; --heap 1g sets the jar's -Xmx; --keep keeps the run's folder
#
# Needs a JDK 17 and wrk (Debian package wrk). Builds the jar (offline) only when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

heap=1g
keep=false
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --heap) heap="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) driver_args+=("$1"); shift ;;
  esac
done

command -v wrk > /dev/null || { echo "load-held: wrk not found (apt-get install wrk)" >&2; exit 2; }
jar=$(ls portal-module/target/portal-module-*.jar 2> /dev/null | grep -v -- '-plain.jar' | head -1 || true)
if [ -z "$jar" ]; then
  echo "load-held: no jar in portal-module/target, building it (mvn -o -q -DskipTests package -pl portal-module -am)"
  mvn -o -q -DskipTests package -pl portal-module -am
  jar=$(ls portal-module/target/portal-module-*.jar | grep -v -- '-plain.jar' | head -1)
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
  echo "load-held: no free port found" >&2
  exit 2
}

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/load-held.XXXXXX")
port=$(free_port)
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2> /dev/null; then
    kill "$app_pid"
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2> /dev/null || break; sleep 1; done
    kill -0 "$app_pid" 2> /dev/null && kill -9 "$app_pid"
  fi
  if [ "$keep" = true ]; then
    echo "load-held: the run's folder (database, application log, wrk output) is kept in $run_dir"
  else
    rm -rf "$run_dir"
  fi
}
trap stop_app EXIT

echo "load-held: starting $jar on port $port (heap $heap, embedded PostgreSQL in $run_dir/db, log $run_dir/app.log)"
AXONIQ_UPDATE_CHECKER_DISABLED=true java "-Xmx$heap" -jar "$jar" --server.port="$port" \
  --footprint.embedded-db.directory="$run_dir/db" --footprint.security.mode=demo \
  --footprint.demo-data.enabled=false --footprint.month-close.scheduled=false > "$run_dir/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$port/actuator/health" 2> /dev/null | grep -q '"UP"'; then
    break
  fi
  if ! kill -0 "$app_pid" 2> /dev/null; then
    echo "load-held: the application stopped while starting; its log:" >&2
    tail -50 "$run_dir/app.log" >&2
    exit 2
  fi
  sleep 1
done
curl -fs "http://localhost:$port/actuator/health" | grep -q '"UP"' \
  || { echo "load-held: the application was not ready after 180 s" >&2; tail -50 "$run_dir/app.log" >&2; exit 2; }

status=0
java infra/load/LoadDriver.java --port "$port" --work "$run_dir" "${driver_args[@]}" || status=$?
if grep -q ' ERROR ' "$run_dir/app.log"; then
  echo "load-held: the application logged errors (first 20 lines):"
  grep ' ERROR ' "$run_dir/app.log" | head -20
fi
exit "$status"
