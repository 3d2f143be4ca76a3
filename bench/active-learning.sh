#!/usr/bin/env bash
# Active-learning value of the expert queue: errors caught at a 10% frame budget by the combined
# queue vs uniform random sampling (mean over seeds), each signal alone too, and label quality
# (IDF1/HOTA vs truth) after each batch. Last line: ratio=X (combined / random).
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl simulation -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="simulation/target/classes:simulation/target/test-classes:$(cat simulation/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" io.keyframe.simulation.ActiveLearningBench "$@"
