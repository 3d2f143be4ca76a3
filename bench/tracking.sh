#!/usr/bin/env bash
# Fallback tracker on a generated occlusion-heavy batch (default 10 videos x 900 frames x 30 objects):
# IDF1, HOTA, ID switches, fragmentations for no re-init / keyframe re-init at ground-truth occlusion
# points / at automatically recommended points / ID stitching / auto keyframes + stitching, the ID-switch
# ratio of each against no re-init (same run), frames/s of each model path on this CPU (path=... lines),
# and last one line per variant: variant=NAME idsw=N frag=N idf1=X hota=X dup_ids=N fps=X.
# First line: tracker_config={...}, every fallback setting the variants share (as in tracker.json).
# Usage: bench/tracking.sh [videos] [frames] [objects] [seed] [--no-appearance]
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl tracker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# The benchmark lives in src/test (not shipped, not run by surefire: no *Test name).
cp="tracker/target/classes:tracker/target/test-classes:$(cat tracker/target/bench-classpath.txt)"
exec java -Xmx3g -Dai.djl.offline=true -Dkeyframe.shared="$(pwd)/../shared" -Dkeyframe.root="$(pwd)" \
  -cp "$cp" io.keyframe.tracker.bench.TrackingBenchmark "$@"
