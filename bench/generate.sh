#!/usr/bin/env bash
# Scale check of the synthetic clinic generator: 3 videos x 1,800 frames x 50 objects (default),
# in memory and written with every annotation file, against a baseline that writes the same number
# of rows as plain CSV. Last line: ratio=X (generate + write / plain rows).
# Args (optional): videos frames objects seed.
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl synth -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="synth/target/classes:synth/target/test-classes:$(cat synth/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$cp" io.keyframe.synth.GenerateBench "$@"
