#!/usr/bin/env bash
# Load benchmark of the report server with wrk (apt-get install -y wrk): keep-alive connections
# against the overview and agreement pages of a seeded synthetic 100-video Parquet batch, after the
# same wrk run against /api/health (no report work) as the baseline of this invocation.
# Prints p50/p99 latency and req/s of both; the last line is   p50_ms=X p99_ms=X rps=X   (pages).
# Usage: bench/report-load.sh [videos=100] [seconds=10] [connections=4] [frames_per_video=100]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIDEOS="${1:-100}"; SECONDS_RUN="${2:-10}"; CONN="${3:-4}"; FRAMES="${4:-100}"
command -v wrk >/dev/null || { echo "report-load: wrk not found (apt-get install -y wrk)" >&2; exit 1; }
cd "$ROOT"
CP_FILE="$ROOT/report-server/target/bench-classpath.txt"
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -B -q -o -pl report-server -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$ROOT/report-server/target/test-classes:$ROOT/report-server/target/classes:$(cat "$CP_FILE")"
for m in dataset metrics tracker scoring; do CP="$CP:$ROOT/$m/target/classes"; done

export KF_TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LOG="$(mktemp)"; LUA="$(mktemp --suffix=.lua)"
java -Xmx2g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" io.keyframe.report.LoadFixtureServer "$VIDEOS" "$FRAMES" "$KF_TOKEN" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$LOG" "$LUA"' EXIT
for _ in $(seq 1 600); do grep -q '^READY ' "$LOG" && break; kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }; sleep 0.5; done
grep -v '^READY ' "$LOG" | grep -v 'AI Agent' || true
URL="$(grep '^READY ' "$LOG" | awk '{print $2}')"

cat >"$LUA" <<'LUA'
local token = os.getenv("KF_TOKEN")
local paths = {}
for p in string.gmatch(os.getenv("KF_PATHS"), "[^,]+") do table.insert(paths, p) end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f rps=%.1f errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

run() { # $1 = comma-separated paths
  KF_PATHS="$1" wrk -t2 -c"$CONN" -d"${SECONDS_RUN}s" --timeout 5s -s "$LUA" "$URL" | grep '^RESULT' | sed 's/^RESULT //'
}
KF_PATHS="/overview,/agreement,/api/health" wrk -t1 -c2 -d4s -s "$LUA" "$URL" >/dev/null   # warm-up: JIT + caches
BASE="$(run /api/health)"
PAGES="$(run /overview,/agreement)"
echo "baseline /api/health          : $BASE"
echo "pages /overview + /agreement  : $PAGES"
get() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
awk -v a="$(get p99_ms "$PAGES")" -v b="$(get p99_ms "$BASE")" -v c="$(get rps "$PAGES")" -v d="$(get rps "$BASE")" \
  'BEGIN { printf "ratio pages/baseline: p99 %.2fx, req/s %.2fx\n", a / b, c / d }'
echo "$PAGES" | awk '{print $1, $2, $3}'
