#!/usr/bin/env bash
# List and report endpoints at a fixed arrival rate against the demo county (SPEC.md §6: p99 < 50 ms at 200 req/s).
#   bench/api.sh [requestsPerSecond=200] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
locked() {
	if command -v flock >/dev/null 2>&1; then flock "${MVN_LOCK:-/tmp/mvn.lock}" "$@"; else "$@"; fi
}
locked ./mvnw -o -q -Pbench test-compile
locked ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="$(cat target/bench-classpath.txt)"
OUT=target/bench-api
rm -rf "$OUT" && mkdir -p "$OUT/bench-classes"
locked cp -r target/classes "$OUT/classes"
javac -nowarn -encoding UTF-8 -d "$OUT/bench-classes" -cp "$OUT/classes:$CP" bench/src/cn/jiceng/bench/ApiLatencyBench.java
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$OUT/classes:$OUT/bench-classes:$CP" cn.jiceng.bench.ApiLatencyBench "$@"
