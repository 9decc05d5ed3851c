#!/usr/bin/env bash
# Excel import benchmark (SPEC.md §6): generates a template-layout workbook of 100,000 valid members into
# bench/out/ and times POST /api/members/import against a freshly started platform on the embedded database.
#   bench/import.sh [rows=100000] [runs=2]
# Heap defaults to the 512 MB a county is promised to run in; override with BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

# On a shared machine builds take a lock so concurrent Maven runs do not trample target/.
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
OUT=target/bench-import
rm -rf "$OUT" && mkdir -p "$OUT/bench-classes"
locked cp -r target/classes "$OUT/classes"
javac -nowarn -encoding UTF-8 -d "$OUT/bench-classes" -cp "$OUT/classes:$CP" bench/src/cn/jiceng/bench/ImportBench.java
mkdir -p bench/out
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$OUT/classes:$OUT/bench-classes:$CP" cn.jiceng.bench.ImportBench "$@"
