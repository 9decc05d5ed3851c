#!/usr/bin/env bash
# Vanguard index benchmark (SPEC.md §6): full-year set-based recompute of the vanguard index for N members
# (12 themed days each, plus a year of demo claims) against PostgreSQL's bare aggregate over the same attendance rows.
#   bench/vanguard.sh [members=1000000] [runs=3]
# Heap defaults to 1 GB (the work is in PostgreSQL); override with BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

locked() {
	if command -v flock >/dev/null 2>&1; then
		flock "${MVN_LOCK:-/tmp/mvn.lock}" "$@"
	else
		"$@"
	fi
}

locked ./mvnw -o -q -Pbench test-compile
locked ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="$(cat target/bench-classpath.txt)"
# A private copy of the build, so another build recompiling target/ cannot pull classes away mid-run.
OUT=target/bench-vanguard
rm -rf "$OUT" && mkdir -p "$OUT/bench-classes"
locked cp -r target/classes "$OUT/classes"
javac -nowarn -encoding UTF-8 -d "$OUT/bench-classes" -cp "$OUT/classes:$CP" bench/src/cn/jiceng/bench/VanguardBench.java
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$OUT/classes:$OUT/bench-classes:$CP" cn.jiceng.bench.VanguardBench "$@"
