#!/usr/bin/env bash
# Agreement job scaling: local[1] vs local[2] vs a plain single-threaded Java loop over the same
# synthetic batch (gt vs three simulated annotators: CLEAR-MOT, IDF1, HOTA per video and class); the
# same loop on two threads shows how far this machine lets that code scale without Spark.
# Default size is the issue's: 100 videos x 1,800 frames x 50 objects (9M object-frames per source).
# Smaller runs: VIDEOS=8 FRAMES=300 OBJECTS=10 bench/spark-scale.sh
# The batch is generated once into bench/.work/spark-scale (not timed) and reused.
# Ends with one line: local1_s=X local2_s=X baseline_s=X
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIDEOS="${VIDEOS:-100}" FRAMES="${FRAMES:-1800}" OBJECTS="${OBJECTS:-50}"
WORK="$ROOT/bench/.work/spark-scale"
mkdir -p "$WORK"
cd "$ROOT"
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -B -q -o -pl spark-jobs -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="spark-jobs/target/test-classes:spark-jobs/target/classes:$(cat spark-jobs/target/bench.classpath)"
OPENS="$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086
# Parallel GC, as ./keyframe runs batch jobs: throughput work, and measured faster here than G1.
exec java -Xmx"${BENCH_HEAP:-8g}" -XX:+UseParallelGC $OPENS -cp "$CP" io.keyframe.spark.bench.SparkScaleBench "$WORK" "$VIDEOS" "$FRAMES" "$OBJECTS"
