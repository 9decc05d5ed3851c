#!/usr/bin/env bash
# Shared by the bench/*.sh commands: builds the project with the bench sources, copies the build aside and runs
# one benchmark main class.   bench/run-bench.sh <MainClass> <default JVM options> [benchmark arguments…]
# A bench that needs a module's package-private types lives in that module's package and is named in full
# (cn.jiceng.scoring.VanguardBench); a plain name is in cn.jiceng.bench.
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"; jvm="$2"; shift 2
case "$main" in *.*) ;; *) main="cn.jiceng.bench.$main" ;; esac

# On a shared machine builds take a lock so concurrent Maven runs do not trample target/.
locked() {
	if command -v flock >/dev/null 2>&1; then
		flock "${MVN_LOCK:-/tmp/mvn.lock}" "$@"
	else
		"$@"
	fi
}

# Offline first (fast, no network); on a fresh clone the local repository may lack the bench profile's plugins,
# so a failed offline build is retried online once.
maven() {
	locked ./mvnw -B -ntp -o -q "$@" || locked ./mvnw -B -ntp -q "$@"
}
maven -Pbench test-compile
maven dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="$(cat target/bench-classpath.txt)"
# A private copy of the build, so another build recompiling target/ cannot pull classes away mid-run.
OUT="target/bench-$main"
rm -rf "$OUT" && mkdir -p "$OUT/bench-classes"
locked cp -r target/classes "$OUT/classes"
javac -nowarn -encoding UTF-8 -d "$OUT/bench-classes" -cp "$OUT/classes:$CP" $(find bench/src -name '*.java')
mkdir -p bench/out
exec java ${BENCH_JAVA_OPTS:-$jvm} -cp "$OUT/classes:$OUT/bench-classes:$CP" "$main" "$@"
