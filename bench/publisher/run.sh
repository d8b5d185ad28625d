#!/usr/bin/env bash
# Load benchmark of publisher-service with wrk: NOT part of `mvn verify`; prints figures, never
# passes or fails on them. Builds the PostgreSQL flavour (mvn -Ppostgresql),
# starts it on 127.0.0.1:$PORT against schema $SCHEMA of the local PostgreSQL (trust auth), loads
# $ITEMS items with load-items.sql, then measures with wrk:
#   1. the saturated rate: $THREADS threads, $CONNECTIONS connections, $DURATION, --latency;
#   2. p99 at half that rate: wrk cannot hold a fixed rate (wrk2 is not available), so pace.lua
#      gives each of $HALF_CONNECTIONS connections a think time of HALF_CONNECTIONS*1000/(rate/2)
#      ms before each request (not counted in latency); the achieved rate is printed beside it.
# Usage: bench/publisher/run.sh   (env: ITEMS, DURATION, CONNECTIONS, HALF_CONNECTIONS, THREADS,
#        PORT, CACHE_ENTRIES, SKIP_BUILD=1, JAVA_EXTRA: more JVM options, e.g. a JFR recording,
#        ONLY: run only the cases whose name starts with it, INGEST_PER_SECOND: see below)
# INGEST_PER_SECOND=n: while wrk measures, one PostgreSQL session inserts n new items per second
# (each its own transaction, newest first in every list), as a normalizer would: every write
# changes the ETag of every list, so the representation cache is renewed after each one and the
# figures show reads under continuous writes. The 304 case is skipped then: its ETag ages at once.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/publisher"
WORK=${WORK:-/tmp/cleanwire-bench-publisher}
ITEMS=${ITEMS:-100000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
HALF_CONNECTIONS=${HALF_CONNECTIONS:-64}
# Entries of the publisher's representation cache (cleanwire.publisher.cache.max-entries);
# CACHE_ENTRIES=0 measures every 200 answer rendered from the database.
CACHE_ENTRIES=${CACHE_ENTRIES:-256}
PORT=${PORT:-18080}
SCHEMA=${SCHEMA:-publisher_bench}
INGEST_PER_SECOND=${INGEST_PER_SECOND:-0}
INGEST_APP=cleanwire-bench-ingest
PSQL=(psql -h 127.0.0.1 -U postgres -d test -X -q -v ON_ERROR_STOP=1)
BASE="http://127.0.0.1:$PORT"

mkdir -p "$WORK"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "building publisher-service (PostgreSQL flavour)…" >&2
  (cd "$ROOT" && mvn -B -q -f publisher-service/pom.xml package -DskipTests -Ppostgresql)
  rm -rf "$WORK/app" && cp -r "$ROOT/publisher-service/target/quarkus-app-postgresql" "$WORK/app"
fi

"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" -c "CREATE SCHEMA $SCHEMA"

echo "starting publisher on $BASE…" >&2
# No Kafka broker is needed for reads: the consumer channel is switched off. The rate limit stays
# active (its code runs on every request) with a quota no single client reaches.
java -Xms512m -Xmx512m ${JAVA_EXTRA:-} \
  -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
  -Dquarkus.datasource.username=postgres -Dquarkus.flyway.schemas="$SCHEMA" \
  -Dquarkus.log.level=WARN \
  -Dmp.messaging.incoming.normalized-entries.enabled=false \
  -Dcleanwire.publisher.rate-limit.requests-per-second=100000000 \
  -Dcleanwire.publisher.rate-limit.burst=100000000 \
  -Dcleanwire.publisher.cache.max-entries="$CACHE_ENTRIES" \
  -jar "$WORK/app/quarkus-run.jar" > "$WORK/publisher.log" 2>&1 &
PID=$!
stop_ingest() {
  # The DO loop runs in the server: end its backend, not just the client.
  "${PSQL[@]}" -tAc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
    WHERE application_name = '$INGEST_APP'" > /dev/null 2>&1 || true
}
trap 'stop_ingest; kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/q/health/live" > /dev/null 2>&1 && break
  kill -0 $PID 2>/dev/null || { cat "$WORK/publisher.log" >&2; exit 1; }
  sleep 0.5
done

echo "loading $ITEMS items…" >&2
PGOPTIONS="-c search_path=$SCHEMA" "${PSQL[@]}" -v n="$ITEMS" -f "$HERE/load-items.sql"
sleep 2 # let the cached version stamp (1 s) expire

ETAG=$(curl -fsS -D - -o /dev/null "$BASE/feeds/rss" | tr -d '\r' | awk 'tolower($1)=="etag:"{print $2}')
[[ -n "$ETAG" ]] || { echo "no ETag on /feeds/rss" >&2; exit 1; }
curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/feeds/rss" | grep -q 304 \
  || { echo "/feeds/rss did not answer 304 to its own ETag" >&2; exit 1; }

# name|path|If-None-Match
CASES=(
  "item list|/api/v1/items?limit=50|"
  "filtered (language=de)|/api/v1/items?limit=50&language=de|"
  "search (q=election)|/api/v1/items?limit=50&q=election|"
  "search (q=Häuser, language=de)|/api/v1/items?limit=50&language=de&q=H%C3%A4user|"
  "/feeds/rss|/feeds/rss|"
  "/feeds/rss 304 (If-None-Match)|/feeds/rss|$ETAG"
)
if ((INGEST_PER_SECOND > 0)); then
  unset 'CASES[5]'
  echo "ingesting $INGEST_PER_SECOND items/s while measuring…" >&2
  PGAPPNAME=$INGEST_APP PGOPTIONS="-c search_path=$SCHEMA" "${PSQL[@]}" -c "DO \$\$
    DECLARE k int := $ITEMS + 1;
    BEGIN
      LOOP
        PERFORM bench_insert(k, k, clock_timestamp());
        COMMIT;
        k := k + 1;
        PERFORM pg_sleep(1.0 / $INGEST_PER_SECOND);
      END LOOP;
    END \$\$" > /dev/null 2>&1 &
  INGEST_STARTED=$(date +%s)
fi

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

# Prints "<req/s> <p99 ms> <non-2xx/3xx count> <publisher CPU ms per request>" for one wrk run.
# The CPU figure (user + system time of the publisher JVM over the run, divided by the requests
# answered) does not depend on what else the shared machine runs; 2000 / it is the rate two free
# cores would sustain for the publisher alone.
measure() {
  local connections=$1 pace=$2 etag=$3 url=$4 duration=$5
  local out before after
  before=$(cpu_ticks)
  out=$(PACE_MS=$pace IF_NONE_MATCH=$etag wrk -t"$THREADS" -c"$connections" -d"$duration" \
    --latency -s "$HERE/pace.lua" "$url")
  after=$(cpu_ticks)
  echo "$out" >> "$WORK/wrk.log"
  local requests cpu
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  cpu=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="${requests:-0}" \
    'BEGIN{ if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "n/a" }')
  local rps p99 errors
  rps=$(echo "$out" | awk '/^Requests\/sec:/{printf "%.0f", $2}')
  p99=$(echo "$out" | awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} \
    else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/{print $NF}')
  echo "$rps $p99 ${errors:-0} $cpu"
}

: > "$WORK/wrk.log"
echo "cache.max-entries=$CACHE_ENTRIES, $ITEMS items, ingest $INGEST_PER_SECOND items/s," \
  "wrk -t$THREADS, $DURATION per run," \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| request | req/s (c=%s) | p99 ms | publisher CPU ms/req | rate at half load | p99 ms at half load | non-2xx/3xx |\n' \
  "$CONNECTIONS"
printf '|---|---|---|---|---|---|---|\n'
for case in "${CASES[@]}"; do
  IFS='|' read -r name path etag <<< "$case"
  [[ -n "${ONLY:-}" && "$name" != "$ONLY"* ]] && continue
  url="$BASE$path"
  measure "$CONNECTIONS" 0 "$etag" "$url" "$WARMUP" > /dev/null # JIT warm-up
  read -r rps p99 errors cpu < <(measure "$CONNECTIONS" 0 "$etag" "$url" "$DURATION")
  half=$((rps / 2))
  pace=$(( (HALF_CONNECTIONS * 1000 + half / 2) / (half > 0 ? half : 1) ))
  ((pace < 1)) && pace=1
  read -r hrps hp99 herrors _ < <(measure "$HALF_CONNECTIONS" "$pace" "$etag" "$url" "$DURATION")
  printf '| %s | %s | %s | %s | %s (c=%s, %s ms pace) | %s | %s |\n' \
    "$name" "$rps" "$p99" "$cpu" "$hrps" "$HALF_CONNECTIONS" "$pace" "$hp99" \
    "$((errors + herrors))"
done
if ((INGEST_PER_SECOND > 0)); then
  added=$("${PSQL[@]}" -tAc "SELECT count(*) - $ITEMS FROM $SCHEMA.item")
  echo "ingested $added items in $(($(date +%s) - INGEST_STARTED)) s"
  stop_ingest
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw wrk output: $WORK/wrk.log" >&2
