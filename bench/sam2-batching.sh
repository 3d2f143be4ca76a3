#!/usr/bin/env bash
# Gain of each no-wasted-work change in the SAM 2 loop (per-object calls -> tensor reuse -> encoder once
# per frame -> object batching), warm, ratios against the per-object loop in the same invocation, with
# the machine's load average before and after. Default: the test-size SAM 2.1 parity bundle, 8 objects,
# 6 frames; pass a real-size bundle (export/export_sam2_bundle.py) for real costs.
# Usage: bench/sam2-batching.sh [bundle-dir] [objects] [frames] [repeats] [intra-op-threads]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} mvn -B -o -q -pl tracker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-test-classpath.txt 2>&1) || { echo "$build"; exit 1; }
cp="tracker/target/test-classes:tracker/target/classes:$(cat tracker/target/bench-test-classpath.txt)"
exec java -Xmx4g -Dai.djl.offline=true -cp "$cp" io.keyframe.tracker.bench.Sam2BatchingBench "$@"
