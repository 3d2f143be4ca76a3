#!/usr/bin/env bash
# Benchmark: keyframe's tracking metrics vs py-motmetrics (CLEAR-MOT, IDF1) and TrackEval (HOTA) on
# the same MOTChallenge files, values checked equal first; then a 100 x 1800 x 50 synthetic batch.
# Ends with ratio=X (py-motmetrics time / keyframe time, median of in-process runs, load included).
# Needs Debian python3 + numpy/scipy/pandas (apt) and the reference checkouts in ../shared/bench-refs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${KEYFRAME_SHARED:-$ROOT/../shared}"
REFS="$SHARED/bench-refs"
WORK="$ROOT/bench/.work/metrics"
PY=/usr/bin/python3
ITER="${ITER:-5}"
SYN_COUNT="${SYN_COUNT:-4}" SYN_FRAMES="${SYN_FRAMES:-600}" SYN_OBJECTS="${SYN_OBJECTS:-30}"
BATCH="${BATCH:-100 1800 50 2}"
mkdir -p "$WORK"

cd "$ROOT"
MAVEN_OPTS=-Xmx1g mvn -B -o -q -pl metrics -am package -DskipTests
CP="metrics/target/classes:dataset/target/classes"
for a in jackson-core jackson-databind jackson-annotations; do
  CP="$CP:$(ls ~/.m2/repository/com/fasterxml/jackson/core/$a/2.21*/$a-2.21*.jar | grep -v sources | head -1)"
done
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" bench/metrics/MotBench.java

$PY bench/metrics/gen_mot.py "$WORK" "$SYN_COUNT" "$SYN_FRAMES" "$SYN_OBJECTS"
ARGS=(TUD-Campus "$SHARED/refdata/motchallenge/TUD-Campus/gt.txt" "$SHARED/refdata/motchallenge/TUD-Campus/test.txt")
for ((s = 0; s < SYN_COUNT; s++)); do ARGS+=("syn$s" "$WORK/syn$s-gt.txt" "$WORK/syn$s-pred.txt"); done

echo "== reference: py-motmetrics + TrackEval HOTA ($ITER runs)"
$PY bench/metrics/ref_bench.py "$REFS" "$ITER" "${ARGS[@]}" | tail -1 > "$WORK/ref.json"
echo "== keyframe ($ITER runs in one JVM)"
java -Xmx2g -cp "$CP:$WORK/classes" MotBench mot "$ITER" "${ARGS[@]}" > "$WORK/keyframe.json"
echo "== keyframe synthetic batch (videos frames objects threads: $BATCH)"
# shellcheck disable=SC2086
java -Xmx3g -cp "$CP:$WORK/classes" MotBench batch $BATCH > "$WORK/batch.json"
$PY bench/metrics/compare.py "$WORK/ref.json" "$WORK/keyframe.json" "$WORK/batch.json"
