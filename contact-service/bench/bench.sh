#!/usr/bin/env bash
# contact-service benchmark (not a test): starts the local stack with contact-service unless one answers on
# :8081 already, then runs Bench.java against it and prints the table.
#   contact-service/bench/bench.sh [creates=30000] [concurrency=64] [importRows=100000]
# The local stack starts the service with -Xmx256m, so the import heap figure is bounded by that.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${LIFELINE_BENCH_URL:-http://localhost:8081}
# The jar runs in the prod profile, which has no defaults for its secrets; the local run's values:
export LIFELINE_ADMIN_KEY=${LIFELINE_ADMIN_KEY:-local-admin-key}
export LIFELINE_LINK_SECRET=${LIFELINE_LINK_SECRET:-local-link-secret-change-me}
started=""
if ! curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; then
  [ -f contact-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -o -pl contact-service package -DskipTests
  # Own process group, so that stopping it also stops the stack and the service it forked.
  setsid ./mvnw -q -o -pl local-stack exec:exec \
    -Dlifeline.services=contact-service=contact-service/target/quarkus-app/quarkus-run.jar=8081=contact \
    > /tmp/lifeline-bench-stack.log 2>&1 &
  started=$!
  trap 'kill -- -$started 2>/dev/null || true; sleep 5' EXIT
  for _ in $(seq 1 120); do curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
fi
java contact-service/bench/Bench.java "$BASE" "$LIFELINE_ADMIN_KEY" "${1:-30000}" "${2:-64}" "${3:-100000}"
