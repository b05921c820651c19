#!/usr/bin/env bash
# contact-service benchmark (not a test). Against LIFELINE_BENCH_URL if set (a service you run yourself);
# otherwise starts its own local stack on ports of its own (service 18081, Kafka 29092, PostgreSQL 25432,
# SMTP 3525; outreach-service 18083) with data in contact-service/target/bench-run/, so it never collides with the
# regular local run, and stops it after.
#   contact-service/bench/bench.sh [creates=30000] [concurrency=64] [importRows=100000]
# creates=0 measures the import alone (e.g. importRows=1000000). With its own stack it also measures, in the same
# run, PostgreSQL's raw COPY of the same rows into an unlogged table, and upload → outreach can reach every row.
# The local stack starts the service with -Xmx256m, so the import heap figure is bounded by that.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The jar runs in the prod profile, which has no defaults for its secrets; the local run's values:
export LIFELINE_ADMIN_KEY=${LIFELINE_ADMIN_KEY:-local-admin-key}
export LIFELINE_LINK_SECRET=${LIFELINE_LINK_SECRET:-local-link-secret-change-me}
BASE=${LIFELINE_BENCH_URL:-}
if [ -z "$BASE" ]; then
  BASE=http://127.0.0.1:18081
  [ -f contact-service/target/quarkus-app/quarkus-run.jar ] && [ -f outreach-service/target/quarkus-app/quarkus-run.jar ] \
    || ./mvnw -q -pl contact-service,outreach-service -am package -DskipTests
  # outreach-service's prod profile has no default for its link key either.
  export LIFELINE_LINK_SIGNING_KEY=${LIFELINE_LINK_SIGNING_KEY:-bench-link-signing-key-0123456789}
  if curl -s -o /dev/null "http://127.0.0.1:18081" || curl -s -o /dev/null "http://127.0.0.1:18083"; then
    echo "a bench stack is still running on 18081/18083 (another run, or one still stopping): wait, then retry" >&2
    exit 1
  fi
  # Own process group (job control on for this one job), so that stopping it also stops the stack and the services
  # it forked. (setsid left the group unknown to the script when it had to fork, and the stack running after it.)
  set -m
  ./mvnw -q -pl local-stack exec:exec \
    -Dlifeline.services=contact-service=contact-service/target/quarkus-app/quarkus-run.jar=18081=contact,outreach-service=outreach-service/target/quarkus-app/quarkus-run.jar=18083=outreach \
    -Dlifeline.kafka.port=29092 -Dlifeline.postgres.port=25432 -Dlifeline.smtp.port=3525 \
    -Dlifeline.mail-web.port=9025 -Dlifeline.data-dir=contact-service/target/bench-run \
    > /tmp/lifeline-bench-stack.log 2>&1 &
  started=$!
  set +m
  # The services take a while to stop; the next run must not find this one's ports taken.
  trap 'kill -- -$started 2>/dev/null || true; for _ in $(seq 1 60); do pgrep -g $started >/dev/null || break; sleep 1; done' EXIT
  # Health and metrics are on the management port: the API port plus 1000 in the local run.
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:19081/q/health/ready" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:19083/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  export LIFELINE_BENCH_REACH_FILE=contact-service/target/bench-run/reach.txt
  rm -f "$LIFELINE_BENCH_REACH_FILE"
fi
# A service you run yourself: LIFELINE_BENCH_MANAGEMENT_URL if its management port is not the API port plus 1000.
java contact-service/bench/Bench.java "$BASE" "$LIFELINE_ADMIN_KEY" "${1:-30000}" "${2:-64}" "${3:-100000}" \
  ${LIFELINE_BENCH_MANAGEMENT_URL:+"$LIFELINE_BENCH_MANAGEMENT_URL"}

if [ -n "${LIFELINE_BENCH_REACH_FILE:-}" ] && [ -f "$LIFELINE_BENCH_REACH_FILE" ]; then
  export PGPASSWORD=postgres
  PSQL="psql -h 127.0.0.1 -p 25432 -U postgres -qtA"
  read -r tenant started rows < "$LIFELINE_BENCH_REACH_FILE"
  # Reachable as outreach's audience counts it: projected contacts of the tenant with a confirmed channel.
  reached=0
  while :; do
    reached=$($PSQL -d outreach -c "select count(*) from outreach_contact where tenant_id = '$tenant' and (email_consent = 'confirmed' or sms_consent = 'confirmed' or whatsapp_consent = 'confirmed')")
    [ "$reached" -ge "$rows" ] && break
    [ $(( $(date +%s%3N) - started )) -gt 1800000 ] && break
    sleep 0.5
  done
  reach_ms=$(( $(date +%s%3N) - started ))
  # PostgreSQL's own bulk rate on this machine now: COPY of the same rows into an unlogged table.
  raw=contact-service/target/bench-run/raw.csv
  awk -v n="$rows" 'BEGIN {print "name,email,phone,tags,email_consent"; for (i = 0; i < n; i++) printf "Person %d,person%d@bench.example,+4915%09d,bench;import,yes\n", i, i, 100000000 + i}' > "$raw"
  $PSQL -d contact -c "drop table if exists bench_raw_copy; create unlogged table bench_raw_copy (name text, email text, phone text, tags text, email_consent text)"
  c0=$(date +%s%3N)
  $PSQL -d contact -c "\copy bench_raw_copy from '$raw' (format csv, header)"
  copy_ms=$(( $(date +%s%3N) - c0 ))
  $PSQL -d contact -c "drop table bench_raw_copy"
  rm -f "$raw"
  echo
  echo "| $rows rows, same run | s | rows/s |"
  echo "|---|---|---|"
  echo "| PostgreSQL raw COPY into an unlogged table | $(awk -v m="$copy_ms" 'BEGIN {printf "%.1f", m / 1000}') | $(awk -v m="$copy_ms" -v n="$rows" 'BEGIN {printf "%.0f", n * 1000 / m}') |"
  echo "| upload → outreach can reach all ($reached reached) | $(awk -v m="$reach_ms" 'BEGIN {printf "%.1f", m / 1000}') | $(awk -v m="$reach_ms" -v n="$rows" 'BEGIN {printf "%.0f", n * 1000 / m}') |"
fi

# The issue's yardstick: wrk (Debian package wrk), liveness and creates in the same run at the same connections.
if [ "${1:-30000}" != 0 ] && command -v wrk >/dev/null; then
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
