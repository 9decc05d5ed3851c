#!/usr/bin/env bash
# Organizational-life benchmark (issue 3): four colors and compliance of a full year at province size, side by
# side with the bare PostgreSQL aggregate over the same attendance rows, on a fresh embedded database.
#   bench/orglife.sh [scale=50] [runs=3]     (scale 50 ≈ 1,000,000 members, 12 themed days per branch)
#   bench/orglife.sh demo [scale=1]          (times the demo county with its organizational life)
# Heap: BENCH_JAVA_OPTS (default 2 GB; the database does the work).
# With SPRING_DATASOURCE_URL set it runs against that database instead, and a database that already holds the
# benchmark's data from an earlier run is reused (no load, no generation): quick repeats while tuning.
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" cn.jiceng.orglife.OrgLifeBench -Xmx2g "$@"
