#!/usr/bin/env bash
# Organizational-life benchmark (issue 3): four colors and compliance of a full year at province size, side by
# side with the bare PostgreSQL aggregate over the same attendance rows, on a fresh embedded database.
#   bench/orglife.sh [scale=50] [runs=3]     (scale 50 ≈ 1,000,000 members, 12 themed days per branch)
#   bench/orglife.sh demo [scale=1]          (times the demo county with its organizational life)
# Heap: BENCH_JAVA_OPTS (default 2 GB; the database does the work).
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
OUT=target/bench-orglife
rm -rf "$OUT" && mkdir -p "$OUT/bench-classes"
locked cp -r target/classes "$OUT/classes"
javac -nowarn -encoding UTF-8 -d "$OUT/bench-classes" -cp "$OUT/classes:$CP" $(find bench/src -name '*.java')
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$OUT/classes:$OUT/bench-classes:$CP" cn.jiceng.bench.OrgLifeBench "$@"
