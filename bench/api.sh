#!/usr/bin/env bash
# List, report and dashboard endpoints at a fixed arrival rate against the demo county, with /actuator/health as
# the floor (SPEC.md §6: p99 < 50 ms at 200 req/s).
#   bench/api.sh [requestsPerSecond=200] [seconds=30]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" ApiLatencyBench -Xmx512m "$@"
