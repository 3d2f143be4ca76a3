#!/usr/bin/env bash
# Benchmark: keyframe's tracking metrics vs py-motmetrics (CLEAR-MOT, IDF1) and TrackEval (HOTA) on
# the same MOTChallenge files, values checked equal first; then a 100 x 1800 x 50 synthetic batch.
# Prints per_process_ratio= (whole-process CPU of one call each, start-up included: what a user pays)
# and warm_ratio= ((py-motmetrics + TrackEval HOTA) time / keyframe time, medians of in-process runs
# after JIT warm-up), each with the machine's core count, CPU model and load average.
# Needs Debian python3 + numpy/scipy/pandas (apt) and the reference checkouts in ../shared/bench-refs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${KEYFRAME_SHARED:-$ROOT/../shared}"
REFS="$SHARED/bench-refs"
WORK="$ROOT/bench/.work/metrics"
PY=/usr/bin/python3
# Runs per tool; the median is reported. The JVM needs a few runs to finish JIT compilation, the
# interpreter does not, so keyframe gets more runs (its first run is printed too).
ITER_REF="${ITER_REF:-3}" ITER_KF="${ITER_KF:-10}"
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

# Per process: what one call costs a user, start-up, reading and compute included, on one
# 1,800-frame x 100-object pair; CPU = user + sys of the whole process (/usr/bin/time), median of runs.
PP_RUNS="${PP_RUNS:-3}"
mkdir -pm 755 "$WORK/pp"
$PY bench/metrics/gen_mot.py "$WORK/pp" 1 1800 100
PP_GT="$WORK/pp/syn0-gt.txt" PP_PRED="$WORK/pp/syn0-pred.txt"
cpu() { # median CPU seconds of "$@" over PP_RUNS runs
  local t=()
  for ((r = 0; r < PP_RUNS; r++)); do
    /usr/bin/time -f "%U %S" -o "$WORK/pp/time" "$@" > /dev/null
    t+=("$(awk '{print $1 + $2}' "$WORK/pp/time")")
  done
  printf '%s\n' "${t[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
facts() { # what the figures ran on: the machine is shared, so its load goes with them
  echo "machine: nproc=$(nproc), CPU$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load average $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; a shared machine: other work runs beside the bench)"
}
echo "== per process: keyframe mot-metrics, py-motmetrics, TrackEval HOTA on 1,800 x 100 ($PP_RUNS runs each)"
facts
# Builds keyframe if needed, and mot-metrics' AppCDS archive, outside the timing.
./keyframe --version > /dev/null
head -1000 "$PP_GT" > "$WORK/pp/warm-gt.txt"
head -1000 "$PP_PRED" > "$WORK/pp/warm-pred.txt"
KEYFRAME_SKIP_BUILD=1 KEYFRAME_AUDIT_LOG="$WORK/pp/audit.jsonl" ./keyframe mot-metrics --gt "$WORK/pp/warm-gt.txt" --pred "$WORK/pp/warm-pred.txt" > /dev/null
KF_CPU=$(cpu env KEYFRAME_SKIP_BUILD=1 KEYFRAME_AUDIT_LOG="$WORK/pp/audit.jsonl" ./keyframe mot-metrics --gt "$PP_GT" --pred "$PP_PRED" --json)
KEYFRAME_SKIP_BUILD=1 KEYFRAME_AUDIT_LOG="$WORK/pp/audit.jsonl" ./keyframe mot-metrics --gt "$PP_GT" --pred "$PP_PRED" --json > "$WORK/pp/kf.json"
MM_CPU=$(cpu $PY bench/metrics/per_process_ref.py "$REFS" motmetrics "$PP_GT" "$PP_PRED" "$WORK/pp/mm.json")
HOTA_CPU=$(cpu $PY bench/metrics/per_process_ref.py "$REFS" hota "$PP_GT" "$PP_PRED" "$WORK/pp/hota.json")
$PY bench/metrics/per_process_compare.py "$WORK/pp/kf.json" "$WORK/pp/mm.json" "$WORK/pp/hota.json" "$KF_CPU" "$MM_CPU" "$HOTA_CPU" | tee "$WORK/pp/summary.txt"
facts | tee -a "$WORK/pp/summary.txt"

echo "== warm loop (in one JVM, after JIT warm-up; not what one call costs)"
echo "== reference: py-motmetrics + TrackEval HOTA ($ITER_REF runs)"
$PY bench/metrics/ref_bench.py "$REFS" "$ITER_REF" "${ARGS[@]}" | tail -1 > "$WORK/ref.json"
echo "== keyframe ($ITER_KF runs in one JVM)"
# Serial GC: no concurrent GC threads adding CPU time to a single-threaded job.
java -Xmx2g -XX:+UseSerialGC -cp "$CP:$WORK/classes" MotBench mot "$ITER_KF" "${ARGS[@]}" > "$WORK/keyframe.json"
echo "== keyframe synthetic batch (videos frames objects threads: $BATCH)"
# shellcheck disable=SC2086
java -Xmx3g -cp "$CP:$WORK/classes" MotBench batch $BATCH > "$WORK/batch.json"
$PY bench/metrics/compare.py "$WORK/ref.json" "$WORK/keyframe.json" "$WORK/batch.json"
facts
echo "== both figures (per process: what one call costs; warm: in-process compute after JIT warm-up)"
cat "$WORK/pp/summary.txt"
