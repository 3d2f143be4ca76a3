#!/usr/bin/env bash
# Streaming annotation reading: a 1,800-frame x 50-object CVAT video XML (90,000 boxes, ~10 MB) read
# by keyframe's StAX reader vs a JDK DOM parse building the same detections (baseline), median of 5,
# then the StAX reader alone in a 64 MB heap. Last line of the first run: ratio=X (DOM / StAX).
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl dataset -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="dataset/target/classes:dataset/target/test-classes:$(cat dataset/target/bench-classpath.txt)"
java -Xmx512m -cp "$cp" io.keyframe.dataset.FormatsReadBench
echo "--- 64 MB heap, StAX only"
exec java -Xmx64m -cp "$cp" io.keyframe.dataset.FormatsReadBench --stax-only
