#!/usr/bin/env bash
# Runs the whole Cleanwire stack on this machine with embedded defaults: a real Kafka broker
# in-process (KRaft), H2 file databases under ./data, the three services and a demo feed server
# with the bundled sample feeds, which it subscribes. Needs only a JDK 17+ and Maven (and curl).
# Ctrl-C or SIGTERM stops everything cleanly. Data survives between runs; delete ./data to reset.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$ROOT/data
LOGS=$DATA/logs
KAFKA_PORT=${CLEANWIRE_KAFKA_PORT:-9092}
FEEDS_PORT=${CLEANWIRE_DEMO_FEEDS_PORT:-8090}
PUBLISHER_PORT=8080 FETCHER_PORT=8081 NORMALIZER_PORT=8082
PIDS=()

say() { printf '[run-local] %s\n' "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

command -v java >/dev/null || die "java not found: install a JDK 17 or newer"
command -v mvn >/dev/null || die "mvn not found: install Apache Maven"
command -v curl >/dev/null || die "curl not found: it is used to wait for the services and subscribe the demo feeds"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$KAFKA_PORT" "$FEEDS_PORT" "$PUBLISHER_PORT" "$FETCHER_PORT" "$NORMALIZER_PORT"; do
  if port_busy "$port"; then
    die "port $port is in use (another run-local.sh still running?)"
  fi
done

# Build what is missing or older than the sources.
mkdir -p "$LOGS"
STAMP=$DATA/.build-stamp
needs_build=false
for jar in fetcher-service/target/quarkus-app/quarkus-run.jar normalizer-service/target/quarkus-app/quarkus-run.jar \
           publisher-service/target/quarkus-app/quarkus-run.jar kafka-local/target/lib; do
  [ -e "$jar" ] || needs_build=true
done
if [ "$needs_build" = false ] && [ -f "$STAMP" ] && \
   [ -n "$(find . -path ./data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$STAMP" -print -quit)" ]; then
  needs_build=true
fi
[ -f "$STAMP" ] || needs_build=true
if [ "$needs_build" = true ]; then
  say "building (mvn -DskipTests package; the first build downloads dependencies)..."
  mvn -B -q -DskipTests package > "$LOGS/build.log" 2>&1 || { tail -40 "$LOGS/build.log"; die "build failed, see $LOGS/build.log"; }
  touch "$STAMP"
fi

if [ -n "${CLEANWIRE_ADMIN_TOKEN:-}" ]; then
  TOKEN=$CLEANWIRE_ADMIN_TOKEN
elif [ -s "$DATA/admin-token" ]; then
  TOKEN=$(cat "$DATA/admin-token")
else
  TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077; printf '%s' "$TOKEN" > "$DATA/admin-token")
fi

stop_all() {
  trap - INT TERM EXIT
  say "stopping..."
  # services first (they flush and commit), the broker last
  local i
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  say "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

start() { # name, log, command...
  local name=$1 log=$2; shift 2
  "$@" > "$log" 2>&1 &
  PIDS+=("$!")
  say "started $name (pid $!, log $log)"
}

wait_for_line() { # pid, log, text, seconds
  local pid=$1 log=$2 text=$3 deadline=$((SECONDS + $4))
  until grep -q "$text" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log"; die "process $pid exited, see $log"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$log"; die "timed out waiting for '$text' in $log"; }
    sleep 0.3
  done
}

wait_ready() { # name, port, pid
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready"; do
    kill -0 "$3" 2>/dev/null || { tail -30 "$LOGS/$1.log"; die "$1 exited, see $LOGS/$1.log"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$LOGS/$1.log"; die "$1 not ready after 120 s"; }
    sleep 0.5
  done
}

T0=$SECONDS
start kafka "$LOGS/kafka.log" java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "kafka-local/target/classes:kafka-local/target/lib/*" io.cleanwire.kafka.LocalKafkaMain "$DATA/kafka" "$KAFKA_PORT"
KAFKA_PID=$!
wait_for_line "$KAFKA_PID" "$LOGS/kafka.log" "KAFKA READY" 90

start demo-feeds "$LOGS/demo-feeds.log" java -Xmx64m -cp demo-feeds/target/classes io.cleanwire.demo.DemoFeedServerMain "$FEEDS_PORT"
wait_for_line "$!" "$LOGS/demo-feeds.log" "FEEDS READY" 30

export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export CLEANWIRE_DATA_DIR=$DATA
export CLEANWIRE_ADMIN_TOKEN=$TOKEN
# Local mode: the demo feeds live on 127.0.0.1, which production refuses.
export CLEANWIRE_FETCHER_ALLOW_PRIVATE_ADDRESSES=true
export CLEANWIRE_FETCHER_POLL_INTERVAL=${CLEANWIRE_FETCHER_POLL_INTERVAL:-PT5M}
# The bundled demo stories are archived ones from January 2022: keep them past the 90-day default.
export CLEANWIRE_PUBLISHER_RETENTION_MAX_AGE=${CLEANWIRE_PUBLISHER_RETENTION_MAX_AGE:-3650d}
# Look for due feeds often, so that new subscriptions are polled within seconds.
export CLEANWIRE_FETCHER_SCHEDULER_TICK=${CLEANWIRE_FETCHER_SCHEDULER_TICK:-5s}

declare -A PID_OF
for svc in publisher:$PUBLISHER_PORT normalizer:$NORMALIZER_PORT fetcher:$FETCHER_PORT; do
  name=${svc%%:*} port=${svc##*:}
  QUARKUS_HTTP_PORT=$port start "$name" "$LOGS/$name.log" java -Xmx512m -jar "$name-service/target/quarkus-app/quarkus-run.jar"
  PID_OF[$name]=$!
done
for svc in publisher:$PUBLISHER_PORT normalizer:$NORMALIZER_PORT fetcher:$FETCHER_PORT; do
  name=${svc%%:*} port=${svc##*:}
  wait_ready "$name" "$port" "${PID_OF[$name]}"
done
say "all services ready after $((SECONDS - T0)) s"

curl -fsS "http://127.0.0.1:$FEEDS_PORT/subscriptions.opml" | \
  curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/x-opml" --data-binary @- \
    "http://127.0.0.1:$FETCHER_PORT/api/v1/feeds/import" > "$LOGS/import.json" \
  || die "subscribing the demo feeds failed (see $LOGS/fetcher.log)"
say "demo feeds subscribed: $(cat "$LOGS/import.json")"

deadline=$((SECONDS + 120))
until curl -fsS "http://127.0.0.1:$PUBLISHER_PORT/api/v1/items?limit=1" 2>/dev/null | grep -q '"entryKey"'; do
  [ $SECONDS -lt $deadline ] || { say "no item served yet after 120 s; check $LOGS"; break; }
  sleep 0.5
done
say "first item served $((SECONDS - T0)) s after start"

cat <<INFO

  Cleanwire is running.
    Items (REST)     http://127.0.0.1:$PUBLISHER_PORT/api/v1/items
    RSS              http://127.0.0.1:$PUBLISHER_PORT/feeds/rss
    Feeds (admin)    http://127.0.0.1:$FETCHER_PORT/api/v1/feeds
    Normalizer       http://127.0.0.1:$NORMALIZER_PORT/api/v1/repair  (POST text/plain)
    OpenAPI          http://127.0.0.1:{$PUBLISHER_PORT,$FETCHER_PORT,$NORMALIZER_PORT}/q/openapi
    Demo feeds       http://127.0.0.1:$FEEDS_PORT/subscriptions.opml
    Kafka            127.0.0.1:$KAFKA_PORT
    Admin token      $TOKEN
    Logs             $LOGS

  Subscribe a feed:
    curl -X POST -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/json' \\
         -d '{"url":"https://example.org/feed.xml"}' http://127.0.0.1:$FETCHER_PORT/api/v1/feeds

  Ctrl-C stops everything.
INFO

# Stay up until a signal arrives or any child dies.
while true; do
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "process $pid exited unexpectedly; see $LOGS"
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
