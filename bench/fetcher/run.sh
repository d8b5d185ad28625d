#!/usr/bin/env bash
# Fetcher benchmark: the real fetcher-service (H2 file database, real in-process Kafka broker)
# polling N feeds (default 10,000) served by BenchFeedServer on 127.0.0.1.
#   phase 1: first poll of every feed, 50 new entries each (published to Kafka, acks=all)
#   phase 2: conditional polls answered 304, measured over a window
#   phase 3: server ignores validators: 200 with the same 50 entries, nothing new to publish
# Prints polls/minute per phase and the fetcher's peak resident memory (VmHWM).
# Usage: bench/fetcher/run.sh [feeds=10000] [window-seconds=60]. Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/bench/fetcher
WORK=$BENCH/target/run
FEEDS=${1:-10000}
WINDOW=${2:-60}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
SERVER_PORT=${BENCH_SERVER_PORT:-18090}
FETCHER_PORT=${BENCH_FETCHER_PORT:-18081}
TOKEN=bench-token
PIDS=()

say() { printf '[bench] %s\n' "$*"; }
stop_all() {
  local i
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
}
trap stop_all EXIT

wait_for_line() { # log, text, seconds
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  say "timed out waiting for '$2' in $1"; tail -20 "$1"; exit 1
}
metric() { # name{labels} -> value (0 when absent)
  curl -s "http://127.0.0.1:$FETCHER_PORT/q/metrics" | { grep -F "$1" || true; } | { grep -v '^#' || true; } \
    | awk '{s+=$2} END {printf "%d", s}'
}
served() { # full|notModified -> requests the bench server answered so far (a check on the metrics)
  curl -s "http://127.0.0.1:$SERVER_PORT/_stats" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'
}

say "building the bench server and, if missing, the fetcher"
mvn -B -q -f bench/fetcher/pom.xml package -DskipTests
JAR=fetcher-service/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find fetcher-service/src/main fetcher-service/pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -q -f fetcher-service/pom.xml package -DskipTests
fi
rm -rf "$WORK" && mkdir -p "$WORK/data"

java -Xmx512m -cp "$BENCH/target/lib/*" io.cleanwire.kafka.LocalKafkaMain "$WORK/kafka" "$KAFKA_PORT" > "$WORK/kafka.log" 2>&1 &
PIDS+=("$!")
java -Xmx256m -cp "$BENCH/target/classes" io.cleanwire.bench.BenchFeedServer "$SERVER_PORT" > "$WORK/server.log" 2>&1 &
PIDS+=("$!")
wait_for_line "$WORK/kafka.log" "KAFKA READY" 120
wait_for_line "$WORK/server.log" "BENCH FEEDS READY" 30

QUARKUS_HTTP_PORT=$FETCHER_PORT \
CLEANWIRE_DATA_DIR=$WORK/data \
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
CLEANWIRE_ADMIN_TOKEN=$TOKEN \
CLEANWIRE_FETCHER_ALLOWED_ADDRESSES=127.0.0.1/32 \
CLEANWIRE_FETCHER_POLL_INTERVAL=PT1S \
CLEANWIRE_FETCHER_MIN_POLL_INTERVAL=PT1S \
CLEANWIRE_FETCHER_MAX_POLL_INTERVAL=PT1S \
CLEANWIRE_FETCHER_SCHEDULER_TICK=1s \
CLEANWIRE_FETCHER_MAX_FEEDS_PER_TICK=${BENCH_BATCH:-500} \
CLEANWIRE_FETCHER_POLL_CONCURRENCY=${BENCH_WORKERS:-32} \
CLEANWIRE_FETCHER_MAX_CONCURRENT_PER_HOST=${BENCH_WORKERS:-32} \
QUARKUS_LOG_CATEGORY__IO_CLEANWIRE__LEVEL=WARN \
  java -Xmx${BENCH_XMX:-768m} -jar fetcher-service/target/quarkus-app/quarkus-run.jar > "$WORK/fetcher.log" 2>&1 &
FETCHER_PID=$!
PIDS+=("$FETCHER_PID")
wait_for_line "$WORK/fetcher.log" "Listening on" 90

{
  echo '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>'
  for i in $(seq 1 "$FEEDS"); do
    echo "<outline type=\"rss\" text=\"f$i\" xmlUrl=\"http://127.0.0.1:$SERVER_PORT/f/$i.xml\"/>"
  done
  echo '</body></opml>'
} > "$WORK/feeds.opml"

say "phase 1: subscribing $FEEDS feeds; first polls publish 50 new entries each"
start=$(date +%s.%N)
curl -s -f -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/x-opml' \
  --data-binary @"$WORK/feeds.opml" "http://127.0.0.1:$FETCHER_PORT/api/v1/feeds/import" > /dev/null
while [ "$(metric 'cleanwire_fetcher_polls_total{status="OK"}')" -lt "$FEEDS" ]; do sleep 1; done
end=$(date +%s.%N)
published=$(metric 'cleanwire_fetcher_entries_published_total')
first=$(awk -v n="$FEEDS" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", n * 60 / (e - s)}')
say "phase 1: $FEEDS first polls in $(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}') s = $first polls/min ($published entries published)"

sleep 5
say "phase 2: conditional polls (304) for ${WINDOW}s"
a=$(metric 'cleanwire_fetcher_polls_total{status="NOT_MODIFIED"}'); sa=$(served notModified); t0=$(date +%s.%N)
sleep "$WINDOW"
b=$(metric 'cleanwire_fetcher_polls_total{status="NOT_MODIFIED"}'); sb=$(served notModified); t1=$(date +%s.%N)
not_modified=$(awk -v a="$a" -v b="$b" -v s="$t0" -v e="$t1" 'BEGIN {printf "%.0f", (b - a) * 60 / (e - s)}')
say "phase 2: $not_modified polls/min answered 304 ($((b - a)) polls recorded, $((sb - sa)) 304s served)"

curl -s "http://127.0.0.1:$SERVER_PORT/_mode?ignore-validators" > /dev/null
sleep 5
say "phase 3: 200 with 50 unchanged entries (validators ignored) for ${WINDOW}s"
a=$(metric 'cleanwire_fetcher_polls_total{status="OK"}'); sa=$(served full); t0=$(date +%s.%N)
sleep "$WINDOW"
b=$(metric 'cleanwire_fetcher_polls_total{status="OK"}'); sb=$(served full); t1=$(date +%s.%N)
full=$(awk -v a="$a" -v b="$b" -v s="$t0" -v e="$t1" 'BEGIN {printf "%.0f", (b - a) * 60 / (e - s)}')
say "phase 3: $full polls/min of 50-entry feeds, nothing new to publish ($((b - a)) polls recorded, $((sb - sa)) bodies served)"

failed=$(metric 'cleanwire_fetcher_polls_total{status="FAILED"}')
hwm=$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$FETCHER_PID/status")
say "failed polls: $failed; fetcher peak RSS (VmHWM): $hwm; heap limit: ${BENCH_XMX:-768m}"
printf '%s\n' "feeds=$FEEDS first_poll_50_new_per_min=$first not_modified_per_min=$not_modified full_50_unchanged_per_min=$full failed=$failed peak_rss=\"$hwm\"" > "$WORK/result.txt"
cat "$WORK/result.txt"
