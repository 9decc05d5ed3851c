#!/usr/bin/env bash
# Vanguard index benchmark (SPEC.md §6): full-year set-based recompute of the vanguard index for N members
# (12 themed days each, plus a year of demo claims) against PostgreSQL's bare aggregate over the same attendance rows.
#   bench/vanguard.sh [members=1000000] [runs=3]
# Heap defaults to 1 GB (the work is in PostgreSQL); override with BENCH_JAVA_OPTS.
# With SPRING_DATASOURCE_URL set it runs against that database instead; one that already holds the benchmark's data
# is reused (no generation). -Dbench.explain=true in BENCH_JAVA_OPTS prints the plans.
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" cn.jiceng.scoring.VanguardBench -Xmx1g "$@"
