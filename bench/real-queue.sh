#!/usr/bin/env bash
# The expert queue on real data: seven MOT17 training sequences (first 200 frames, TrackEval's
# layout, scoring/src/test/resources/real/trackeval) with a real tracker's output delivered; the
# tracker's real errors (py-motmetrics' FP/miss/ID-switch events vs the ground truth) on the queued
# frames vs random and an oracle, per sequence at 5/10/20 %; tuned on MOT17-02/05/10, the rest held
# out. Same as ./keyframe simulate --real DIR. Last line: ratio=X (held-out mean at 10 %).
# Arguments (optional): a TrackEval data folder, then weight overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl scoring -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="scoring/target/classes:scoring/target/test-classes:$(cat scoring/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" io.keyframe.scoring.realdata.RealQueueBench "${1:-scoring/src/test/resources/real/trackeval/data}" "${2:-}"
