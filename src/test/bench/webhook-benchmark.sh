#!/usr/bin/env bash
# Webhook throughput benchmark (docs/benchmarks.md). Starts Payara Micro with the built WAR on the given database,
# warms the JIT up, then measures the no-op endpoint and the webhook with wrk in the same run, and counts what the
# database stored. Loopback only; bounded in time.
#   mvn -B -DskipTests package dependency:copy@payara-micro-for-tests && apt-get install -y wrk
#   src/test/bench/webhook-benchmark.sh h2|postgresql [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB="${1:-postgresql}"
SECONDS_PER_RUN="${2:-30}"
CONNECTIONS="${3:-32}"
PRIMARY=5d1f6c2e-8a4b-4c1e-9f3a-2b7e0c9d1a44
BACKUP=7e2a9b40-1c3d-4e5f-8a6b-0c1d2e3f4a5b
DATA="$(mktemp -d /tmp/afterhours-bench.XXXXXX)"
H2_JAR="$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar"
export AFTERHOURS_DATA_DIR="$DATA" AFTERHOURS_USERLOCK_ID_PRIMARY="$PRIMARY" AFTERHOURS_USERLOCK_ID_BACKUP="$BACKUP"
export AFTERHOURS_BENCH_NOOP_ENABLED=true
if [ "$DB" = postgresql ]; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS afterhours_bench" -c "CREATE DATABASE afterhours_bench"
    export AFTERHOURS_DB_CLASS=org.postgresql.ds.PGSimpleDataSource
    export AFTERHOURS_DB_URL=jdbc:postgresql://127.0.0.1:5432/afterhours_bench AFTERHOURS_DB_USER=postgres
    export AFTERHOURS_DB_PASSWORD=postgres
    count() { psql -h 127.0.0.1 -U postgres -d afterhours_bench -Atc "$1"; }
else
    export AFTERHOURS_DB_URL="jdbc:h2:file:$DATA/db/afterhours"
    count() { java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/db/afterhours" -user afterhours \
        -password embedded -sql "$1" | sed -n 2p | tr -d ' '; }
fi

java -Xmx512m -jar target/payara-micro.jar --deploy target/afterhours.war --contextroot / --port 8080 --nocluster \
    > "$DATA/payara.log" 2>&1 &
PAYARA=$!
trap 'kill $PAYARA 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do grep -q "ready in" "$DATA/payara.log" && break; sleep 1; done

WRK=(wrk -t2 -c"$CONNECTIONS" --latency -s src/test/bench/webhook.lua)
ARGS=(-- "$PRIMARY" "$BACKUP" 0.2)
echo "== warm-up (not counted)"
"${WRK[@]}" -d20s http://127.0.0.1:8080/api/bench/noop "${ARGS[@]}" > /dev/null
"${WRK[@]}" -d20s http://127.0.0.1:8080/api/userlock/notifications "${ARGS[@]}" > /dev/null
echo "== no-op endpoint, $SECONDS_PER_RUN s"
"${WRK[@]}" -d"${SECONDS_PER_RUN}s" http://127.0.0.1:8080/api/bench/noop "${ARGS[@]}"
echo "== webhook ($DB), $SECONDS_PER_RUN s"
"${WRK[@]}" -d"${SECONDS_PER_RUN}s" http://127.0.0.1:8080/api/userlock/notifications "${ARGS[@]}"
METRICS="$(curl -s 'http://127.0.0.1:8080/metrics?scope=application' | grep '^afterhours_notifications')"
echo "$METRICS"
kill $PAYARA; wait $PAYARA 2>/dev/null || true
echo "== database ($DB), warm-up included"
echo "rows stored:              $(count 'SELECT COUNT(*) FROM notification')"
echo "distinct events stored:   $(count 'SELECT COUNT(DISTINCT session_id) FROM notification')"
echo "stored per metrics:       $(echo "$METRICS" | grep 'outcome="stored"' | awk '{s+=$2} END {printf "%d", s}')"
echo "duplicates per metrics:   $(echo "$METRICS" | grep 'outcome="duplicate"' | awk '{s+=$2} END {printf "%d", s}')"
echo "data directory:           $DATA"
