#!/usr/bin/env bash
# SAM 2.1 tiny and EdgeTAM at real size (random weights, fixed seed) on this machine, graph by graph,
# then the video loop end to end, and the plan command checked against it:
#  1. each graph (ONNX Runtime Java, warm, median of --reps calls, measured twice: the two runs must
#     agree within 10 % or the output says so): ms per call at object batch 1 and at a larger batch B
#     (up to 8, as many objects as keep memory attention's scores within 6 GB), memory attention over
#     1 and over 7 memories; FLOPs per call (MatMul/Gemm/Conv/ConvTranspose after shape inference,
#     bench/sam2_flops.py), achieved GFLOP/s and fraction of this CPU's fp32 peak;
#  2. the fit cost(b) = fixed + b x per_object of each per-object graph (from batches 1 and B);
#  3. calibration: the loop end to end on 1 and 2 objects x 3 frames; what it adds beyond the graph
#     calls the plan composes (per frame + per object-frame) goes into the figures;
#  4. validation, on other batches than the calibration's: 8 objects x 4 frames (both models) and
#     50 objects x 3 frames (EdgeTAM; SAM 2's 50-object memory attention needs ~47 GB in one call),
#     each measured --repeats times; `plan_ratio=` = the plan command's prediction / measured time;
#  5. frames/s for 1, 8 and 50 objects, measured end to end where a run measured it, otherwise
#     composed (steady state, 7 memories) from the plan and labelled so.
# Last, one line per model:
#   model=M encoder_ratio_of_peak=X memattn_ratio_of_peak=Y fps_50_objects=Z fps_50_source=measured|composed
#
# Time budget (the lead's quiet run, both models, idle 2-core Zen 2): about 20-25 min with the
# defaults (--reps 1 --repeats 2), estimated as this session's loaded run (load average 14-20:
# SAM 2 45 min with --max-batch 4 --repeats 1) divided by the ~6x an idle machine was faster in
# earlier runs: SAM 2 ~12 min, EdgeTAM ~9 min, build and plan calls ~2 min. The 50-object EdgeTAM
# run was killed (SIGKILL, likely memory) on the shared 24 GiB machine: check free memory first
# (--validate-edgetam 8x4 drops it). Under a load average of ~15 expect 5-6 times that.
#
# Usage: bench/sam2-speed.sh [--quick] [--work DIR] [--report-out FILE] [--models "edgetam sam2"]
#          [--reps N] [--repeats R] [--max-batch B] [--validate-sam2 L] [--validate-edgetam L] [--threads T] [--device cpu|cuda:N] [--report STAMP]
#   --quick       the test-size bundles in tracker/src/test/resources (seconds, for trying the script)
#   --work DIR    bundles and results (default $SAM2_BENCH_WORK, else bench/.work); real-size bundles
#                 are exported there first when absent (needs Debian's python3-torch/onnx/omegaconf and
#                 the sam2 + EdgeTAM + timm sources in tracker/export/.third_party/, see
#                 tracker/README.md; ~20 min per model on a loaded 2-core machine)
#   --report-out FILE  also write the figures JSON there (it can replace
#                 cli/src/main/resources/io/keyframe/cli/sam2-figures.json)
#   --validate-sam2 LIST, --validate-edgetam LIST  validation batches (OBJECTSxFRAMES,...); defaults 8x4 and
#                 8x4,50x3; --validate-sam2 8x4,50x3 adds ~4 min idle x repeats (one 50 x 3 run: 215 s)
#   --max-batch B  the larger batch of the graph fit at most B (default 8; memory caps it too)
#   --report STAMP  reuse DIR/*-STAMP.json, measure only what is missing
# A quiet run (2026-12-02: 680 s for both models on the idle 2-core machine):
#   bench/sam2-speed.sh --work DIR --report-out DIR/sam2-figures.json
# Not part of ./mvnw verify. Needs java, python3 with onnx and numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0; REPS=1; REPEATS=2; MAX_BATCH=8; THREADS=0; DEVICE=cpu; REPORT=; REPORT_OUT=; MODELS_ORDER="edgetam sam2"
WORK=${SAM2_BENCH_WORK:-bench/.work}
declare -A VALIDATE=([sam2]=8x4 [edgetam]=8x4,50x3)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --work) WORK=$2; shift ;;
    --report-out) REPORT_OUT=$2; shift ;;
    --models) MODELS_ORDER=$2; shift ;;
    --reps) REPS=$2; shift ;;
    --repeats) REPEATS=$2; shift ;;
    --max-batch) MAX_BATCH=$2; shift ;;
    --validate-sam2) VALIDATE[sam2]=$2; shift ;;
    --validate-edgetam) VALIDATE[edgetam]=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --device) DEVICE=$2; shift ;;
    --report) REPORT=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
mkdir -p "$WORK"
T_START=$(date +%s)
CALIBRATE=1x3,2x3
declare -A BUNDLE
if [ "$QUICK" = 1 ]; then
  RES=tracker/src/test/resources/io/keyframe/tracker/sam2
  BUNDLE=([sam2]=$RES/parity-sam2.1 [edgetam]=$RES/parity-edgetam)
else
  BUNDLE=([sam2]=$WORK/sam2.1-tiny [edgetam]=$WORK/edgetam)
  TP=tracker/export/.third_party
  # only the bundles of --models (an export of the other may be under way)
  if [[ " $MODELS_ORDER " == *" sam2 "* && ! -f "$WORK/sam2.1-tiny/manifest.json" ]]; then
    echo "sam2-speed: exporting SAM 2.1 tiny (random weights) to $WORK/sam2.1-tiny" >&2
    nice "$PY" bench/sam2_bench_export.py --sam2-root "$TP/sam2" --layout sam2 \
      --config configs/sam2.1/sam2.1_hiera_t.yaml --out "$WORK/sam2.1-tiny" >"$WORK/export-sam2.log" 2>&1
  fi
  if [[ " $MODELS_ORDER " == *" edgetam "* && ! -f "$WORK/edgetam/manifest.json" ]]; then
    echo "sam2-speed: exporting EdgeTAM (RepViT-M1 trunk from timm, random weights) to $WORK/edgetam" >&2
    PYTHONPATH="$TP/timm${PYTHONPATH:+:$PYTHONPATH}" nice "$PY" bench/sam2_bench_export.py --sam2-root "$TP/EdgeTAM" \
      --layout edgetam --config configs/edgetam.yaml --out "$WORK/edgetam" >"$WORK/export-edgetam.log" 2>&1
  fi
fi

MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g} ./mvnw -B -o -q -pl cli -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="tracker/target/test-classes:tracker/target/classes:dataset/target/classes:metrics/target/classes:$(cat tracker/target/bench-classpath.txt)"
CLICP="cli/target/classes:scoring/target/classes:spark-jobs/target/classes:tracker/target/classes:dataset/target/classes:metrics/target/classes:$(cat cli/target/bench-classpath.txt)"
JAVA="java -Xmx6g -Dai.djl.offline=true --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
SPEED="$JAVA -cp $CP io.keyframe.tracker.bench.Sam2Speed --reps $REPS --threads $THREADS --device $DEVICE"

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "$REPORT" ] || LOAD_START="(--report: see the measuring run's log)"
STAMP=${REPORT:-$(date -u +%Y%m%dT%H%M%SZ)}
for name in $MODELS_ORDER; do
  dir=${BUNDLE[$name]}
  [ -f "$dir/manifest.json" ] || { echo "sam2-speed: no bundle at $dir (export failed? see $WORK/export-*.log)" >&2; exit 1; }
  grep -q '"object_batch": true' "$dir/manifest.json" ||
    echo "sam2-speed: $dir has no object batch axis (old export): every object runs alone" >&2
  out="$WORK/$name-$STAMP"
  t0=$(date +%s)
  if [ ! -f "$out.flops.json" ]; then
    echo "sam2-speed: $name from $dir, graphs at 7 memories, $REPS reps x 2 runs" >&2
    probe="$WORK/probe-$name"; rm -rf "$probe"
    "$PY" bench/sam2_flops.py probe "$dir" "$probe"
    $SPEED --bundle "$dir" --out "$out.json" --batches auto --max-batch "$MAX_BATCH" --probe-dir "$probe"
    "$PY" bench/sam2_flops.py count "$out.json" >"$out.flops.json"
    rm -rf "$probe"
  fi
  # memory attention at frame 1's size (1 memory, 1 pointer), same batches: the plan's ramp to 7
  batches=$("$PY" -c "import json,sys; print(','.join(map(str, json.load(open(sys.argv[1]))['batches'])))" "$out.json")
  [ -f "$out.k1.json" ] || $SPEED --bundle "$dir" --out "$out.k1.json" --only memory_attention \
    --memories 1 --pointers 1 --batches "$batches"
  # the loop end to end: calibration batches, then validation batches (never the same ones)
  [ -f "$out.e2e.json" ] || $SPEED --bundle "$dir" --out "$out.e2e.json" --only none \
    --runs "$CALIBRATE,${VALIDATE[$name]}" --repeats "$REPEATS"
  echo "sam2-speed: $name measured in $(( $(date +%s) - t0 )) s" >&2
done
[ -f "$WORK/fallback-$STAMP.json" ] || \
  $JAVA -cp "$CP" io.keyframe.tracker.bench.Sam2Speed --fallback-batch data-samples --out "$WORK/fallback-$STAMP.json"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "$REPORT" ] || LOAD_END="$LOAD_START"

# Fit, calibrate, write the figures the plan command reads (--figures), validate the plan on the
# validation batches (through the plan command itself), print frames/s and the ratio lines.
FIG="$WORK/sam2-figures-$STAMP.json"
"$PY" bench/sam2_figures.py --work "$WORK" --stamp "$STAMP" --quick "$QUICK" --load "$LOAD_START" "$LOAD_END" \
  --out "$FIG" --calibrate "$CALIBRATE" --models "$MODELS_ORDER" --device "$DEVICE" \
  --plan-command "$JAVA -cp $CLICP io.keyframe.cli.KeyframeCli"
[ -z "$REPORT_OUT" ] || cp "$FIG" "$REPORT_OUT"
echo "sam2-speed: done in $(( $(date +%s) - T_START )) s; figures in $FIG${REPORT_OUT:+ and $REPORT_OUT}" >&2
