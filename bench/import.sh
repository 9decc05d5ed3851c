#!/usr/bin/env bash
# Excel import benchmark (SPEC.md §6): generates a template-layout workbook of 100,000 valid members into
# bench/out/ and times POST /api/members/import against a freshly started platform on the embedded database.
#   bench/import.sh [rows=100000] [runs=2]
# Heap defaults to the 512 MB a county is promised to run in; override with BENCH_JAVA_OPTS.
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" ImportBench -Xmx512m "$@"
