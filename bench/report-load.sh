#!/usr/bin/env bash
# Load benchmark of the report server: open-loop requests at a fixed rate against the overview and
# agreement pages over a synthetic 100-video Parquet batch, with /api/health at the same rate as the
# baseline in the same invocation. Prints p50/p99 latency and req/s; the last line is
#   p50_ms=X p99_ms=X rps=X
# Usage: bench/report-load.sh [videos=100] [rate=200] [seconds=10]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/report-server/target/bench-classpath.txt"
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -B -q -o -pl report-server -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$ROOT/report-server/target/test-classes:$ROOT/report-server/target/classes:$(cat "$CP_FILE")"
# Reactor modules resolve to their target/classes only when packaged; add them explicitly.
for m in dataset metrics tracker scoring; do CP="$CP:$ROOT/$m/target/classes"; done
exec java -Xmx2g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" io.keyframe.report.ReportLoad "${1:-100}" "${2:-200}" "${3:-10}"
