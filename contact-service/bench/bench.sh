#!/usr/bin/env bash
# contact-service benchmark (not a test). Against LIFELINE_BENCH_URL if set (a service you run yourself);
# otherwise starts its own local stack on ports of its own (service 18081, Kafka 29092, PostgreSQL 25432,
# SMTP 3525) with data in contact-service/target/bench-run/, so it never collides with the regular local run, and stops it after.
#   contact-service/bench/bench.sh [creates=30000] [concurrency=64] [importRows=100000]
# The local stack starts the service with -Xmx256m, so the import heap figure is bounded by that.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The jar runs in the prod profile, which has no defaults for its secrets; the local run's values:
export LIFELINE_ADMIN_KEY=${LIFELINE_ADMIN_KEY:-local-admin-key}
export LIFELINE_LINK_SECRET=${LIFELINE_LINK_SECRET:-local-link-secret-change-me}
BASE=${LIFELINE_BENCH_URL:-}
if [ -z "$BASE" ]; then
  BASE=http://127.0.0.1:18081
  [ -f contact-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -pl contact-service -am package -DskipTests
  # Own process group, so that stopping it also stops the stack and the service it forked.
  setsid ./mvnw -q -pl local-stack exec:exec \
    -Dlifeline.services=contact-service=contact-service/target/quarkus-app/quarkus-run.jar=18081=contact \
    -Dlifeline.kafka.port=29092 -Dlifeline.postgres.port=25432 -Dlifeline.smtp.port=3525 \
    -Dlifeline.mail-web.port=9025 -Dlifeline.data-dir=contact-service/target/bench-run \
    > /tmp/lifeline-bench-stack.log 2>&1 &
  started=$!
  trap 'kill -- -$started 2>/dev/null || true; sleep 5' EXIT
  # Health and metrics are on the management port: the API port plus 1000 in the local run.
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:19081/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
fi
# A service you run yourself: LIFELINE_BENCH_MANAGEMENT_URL if its management port is not the API port plus 1000.
java contact-service/bench/Bench.java "$BASE" "$LIFELINE_ADMIN_KEY" "${1:-30000}" "${2:-64}" "${3:-100000}" \
  ${LIFELINE_BENCH_MANAGEMENT_URL:+"$LIFELINE_BENCH_MANAGEMENT_URL"}

# The issue's yardstick: wrk (Debian package wrk), liveness and creates in the same run at the same connections.
if command -v wrk >/dev/null; then
  MGMT=${LIFELINE_BENCH_MANAGEMENT_URL:-$(echo "$BASE" | awk -F: '{print $1 ":" $2 ":" $3 + 1000}')}
  CONNS=${LIFELINE_BENCH_WRK_CONNECTIONS:-16}
  SECS=${LIFELINE_BENCH_WRK_SECONDS:-15}
  LIFELINE_BENCH_API_KEY=$(curl -fs -H "X-Admin-Key: $LIFELINE_ADMIN_KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Wrk\",\"slug\":\"wrk-$RANDOM$RANDOM\",\"defaultRegion\":\"DE\",\"timeZone\":\"Europe/Berlin\",\"optInMode\":\"single\"}" \
    "$BASE/api/v1/admin/tenants" | sed -E 's/.*"apiKey":"([^"]+)".*/\1/')
  export LIFELINE_BENCH_API_KEY
  wrk -t2 -c"$CONNS" -d5s -s contact-service/bench/wrk-create.lua "$BASE" >/dev/null # warm-up
  live=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$MGMT/q/health/live")
  create=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s contact-service/bench/wrk-create.lua "$BASE")
  rate() { echo "$1" | awk '/^Requests\/sec/ {print $2}'; }
  p99() { echo "$1" | awk '$1 == "99%" {print $2}'; }
  errs() { echo "$1" | awk '/Non-2xx/ {print $NF} END {}' | tail -1; }
  echo
  echo "| wrk, $CONNS connections, ${SECS} s each | req/s | p99 | non-2xx |"
  echo "|---|---|---|---|"
  echo "| GET /q/health/live | $(rate "$live") | $(p99 "$live") | $(errs "$live") |"
  echo "| POST /api/v1/contacts | $(rate "$create") | $(p99 "$create") | $(errs "$create") |"
  echo "| creates / liveness | $(awk -v c="$(rate "$create")" -v l="$(rate "$live")" 'BEGIN {printf "%.1f %%", 100 * c / l}') | | |"
fi
