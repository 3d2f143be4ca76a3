#!/usr/bin/env bash
# SAM 2.1 tiny and EdgeTAM at real size (random weights, fixed seed) on this machine, graph by graph:
# ms per call (ONNX Runtime Java, warm, median of N, measured twice), FLOPs per call (MatMul/Gemm/Conv/
# ConvTranspose after ONNX shape inference, bench/sam2_flops.py), achieved GFLOP/s and fraction of this
# CPU's fp32 peak, frames/s for 1, 8 and 50 objects, an end-to-end 1-object run that checks the
# composition, and the plan command's estimate for that run against its measured time.
# Last, one line per model:  model=M encoder_ratio_of_peak=X memattn_ratio_of_peak=Y fps_50_objects=Z
#
# Usage: bench/sam2-speed.sh [--quick] [--reps N] [--frames F] [--threads T] [--device cpu|cuda:N] [--report STAMP]
#   --quick   the test-size bundles in tracker/src/test/resources (seconds, for trying the script)
#   default   real-size bundles in bench/.work/ (exported there first when absent: needs Debian's
#             python3-torch/onnx/omegaconf and the sam2 + EdgeTAM + timm sources in
#             tracker/export/.third_party/, see tracker/README.md; export takes ~20 min per model here)
# Not part of ./mvnw verify. Needs java, python3 with onnx and numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=0; REPS=""; FRAMES=""; THREADS=0; DEVICE=cpu; REPORT=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --reps) REPS=$2; shift ;;
    --frames) FRAMES=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --device) DEVICE=$2; shift ;;
    --report) REPORT=$2; shift ;;  # reuse bench/.work/*-STAMP.json, measure only what is missing
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
WORK=bench/.work; mkdir -p "$WORK"
if [ "$QUICK" = 1 ]; then
  REPS=${REPS:-5}; FRAMES=${FRAMES:-8}
  RES=tracker/src/test/resources/io/keyframe/tracker/sam2
  MODELS="sam2=$RES/parity-sam2.1 edgetam=$RES/parity-edgetam"
else
  REPS=${REPS:-3}; FRAMES=${FRAMES:-3}
  MODELS="sam2=$WORK/sam2.1-tiny edgetam=$WORK/edgetam"
  TP=tracker/export/.third_party
  if [ ! -f "$WORK/sam2.1-tiny/manifest.json" ]; then
    echo "sam2-speed: exporting SAM 2.1 tiny (random weights) to $WORK/sam2.1-tiny" >&2
    nice "$PY" bench/sam2_bench_export.py --sam2-root "$TP/sam2" --layout sam2 \
      --config configs/sam2.1/sam2.1_hiera_t.yaml --out "$WORK/sam2.1-tiny" >"$WORK/export-sam2.log" 2>&1
  fi
  if [ ! -f "$WORK/edgetam/manifest.json" ]; then
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

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "$REPORT" ] || LOAD_START="(--report: see the measuring run's log)"
STAMP=${REPORT:-$(date -u +%Y%m%dT%H%M%SZ)}
for pair in $MODELS; do
  name=${pair%%=*}; dir=${pair#*=}
  [ -f "$dir/manifest.json" ] || { echo "sam2-speed: no bundle at $dir (export failed? see $WORK/export-*.log)" >&2; exit 1; }
  # memory attention at frame 1's size (1 memory, 1 pointer): the plan interpolates the ramp to K
  [ -f "$WORK/$name-$STAMP.k1.json" ] || $JAVA -cp "$CP" io.keyframe.tracker.bench.Sam2Speed --bundle "$dir" \
    --out "$WORK/$name-$STAMP.k1.json" --reps "$REPS" --frames 0 --threads "$THREADS" --device "$DEVICE" \
    --only memory_attention --memories 1 --pointers 1
  [ -f "$WORK/$name-$STAMP.flops.json" ] && continue
  echo "sam2-speed: $name from $dir, $REPS reps x 2 runs, end to end $FRAMES frames" >&2
  probe="$WORK/probe-$name"; rm -rf "$probe"
  "$PY" bench/sam2_flops.py probe "$dir" "$probe"
  $JAVA -cp "$CP" io.keyframe.tracker.bench.Sam2Speed --bundle "$dir" --out "$WORK/$name-$STAMP.json" \
    --reps "$REPS" --frames "$FRAMES" --threads "$THREADS" --device "$DEVICE" --probe-dir "$probe"
  "$PY" bench/sam2_flops.py count "$WORK/$name-$STAMP.json" >"$WORK/$name-$STAMP.flops.json"
  rm -rf "$probe"
done
[ -f "$WORK/fallback-$STAMP.json" ] || \
  $JAVA -cp "$CP" io.keyframe.tracker.bench.Sam2Speed --fallback-batch data-samples --out "$WORK/fallback-$STAMP.json"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "$REPORT" ] || LOAD_END="$LOAD_START"

# This run's figures, in the file the plan command reads (--figures).
FIG="$WORK/sam2-figures-$STAMP.json"
"$PY" - "$WORK" "$STAMP" "$QUICK" "$LOAD_START" "$LOAD_END" "$FIG" <<'PYEOF'
import json, os, re, subprocess, sys
work, stamp, quick, load0, load1, fig = sys.argv[1:7]

# --- peak fp32 FLOP/s of this CPU: cores x clock x FLOP per cycle per core -----------------------
info = open("/proc/cpuinfo").read()
def field(k):
    m = re.search(r"^%s\s*:\s*(.+)$" % re.escape(k), info, re.M)
    return m.group(1).strip() if m else ""
cores = os.cpu_count()
mhz = float(field("cpu MHz") or 0)
try:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    m = re.search(r"CPU max MHz:\s*([\d.]+)", lscpu)
    if m: mhz = max(mhz, float(m.group(1)))
except OSError:
    pass
flags = field("flags").split()
vendor, family, model = field("vendor_id"), int(field("cpu family") or 0), int(field("model") or 0)
if vendor == "AuthenticAMD":
    # Zen 1 (family 23, model < 0x30): 2 x 128-bit FMA pipes. Zen 2/3 (family 23 >= 0x30, 25): 2 x 256-bit.
    # Zen 4 (family 25, AVX-512): 2 x 256-bit datapaths (512-bit ops double-pumped). Zen 5 (family 26): 2 x 512.
    width = 128 if (family == 23 and model < 0x30) else (512 if family >= 26 else 256)
    units, why = 2, f"AMD family {family} model {model:#x}: 2 FMA pipes x {width}-bit"
else:
    width = 512 if "avx512f" in flags else (256 if "avx2" in flags else 128)
    units, why = 2, f"{vendor}: 2 FMA units x {width}-bit (avx512f={'avx512f' in flags})"
flop_cycle = width // 32 * 2 * units   # fp32 lanes x 2 (multiply + add) x FMA units
peak = cores * mhz * 1e6 * flop_cycle
print(f"peak: {cores} cores x {mhz:.0f} MHz x {flop_cycle} fp32 FLOP/cycle/core ({why}; FMA = 2 FLOP) = {peak/1e9:.1f} GFLOP/s")
print(f"load average (1, 5, 15 min): {load0} at start, {load1} at end, on {cores} cores (other work shares them)")

figures = {"machine": f"{cores} cores, {field('model name')}, {mhz:.0f} MHz", "peak_gflops": round(peak / 1e9, 1),
           "load_average": [load0, load1], "bench": "bench/sam2-speed.sh" + (" --quick" if quick == "1" else ""),
           "measured": stamp, "models": {}}
summary = []
for name in ("sam2", "edgetam"):
    path = os.path.join(work, f"{name}-{stamp}.json")
    if not os.path.exists(path): continue
    b = json.load(open(path)); fl = json.load(open(os.path.join(work, f"{name}-{stamp}.flops.json")))
    print(f"\n== {name}: {b['model']} ({b['layout']}), device {b['session']['device']}, {b['session']['intra_op_threads']} intra-op threads, "
          f"memory attention over {b['memories']} memories and {b['pointers']} pointers")
    print(f"{'graph':22s} {'ms run1':>10s} {'ms run2':>10s} {'GFLOP/call':>11s} {'GFLOP/s':>9s} {'of peak':>8s}")
    ms, ratio = {}, {}
    for g, row in b["graphs"].items():
        r1, r2 = row["ms_median_run1"], row["ms_median_run2"]
        m_ = (r1 + r2) / 2; ms[g] = m_
        gf = fl[g] / 1e9; rate = gf / (m_ / 1e3); ratio[g] = rate * 1e9 / peak
        agree = abs(r1 - r2) / min(r1, r2) <= 0.10
        print(f"{g:22s} {r1:10.1f} {r2:10.1f} {gf:11.2f} {rate:9.1f} {ratio[g]:8.1%}" + ("" if agree else "   RUNS DISAGREE by more than 10 %"))
    enc = ms.get("image_encoder", ms.get("vision_encoder"))
    dec = ms.get("mask_decoder", ms.get("video_mask_decoder"))
    per_obj = ms["memory_attention"] + dec + ms["memory_encoder"]
    fps = {n: 1000.0 / (enc + n * per_obj) for n in (1, 8, 50)}
    print(f"per frame: encoder {enc:.1f} ms once + per object {per_obj:.1f} ms (memory attention {ms['memory_attention']:.1f}, decoder {dec:.1f}, memory encoder {ms['memory_encoder']:.1f})")
    print("frames/s, composed from the per-graph medians (objects run one by one through batch-1 graphs): " +
          ", ".join(f"{n} objects {f:.3g}" for n, f in fps.items()))
    k1 = json.load(open(os.path.join(work, f"{name}-{stamp}.k1.json")))["graphs"]["memory_attention"]
    ma1 = (k1["ms_median_run1"] + k1["ms_median_run2"]) / 2
    K = b["memories"]
    def attn(t):  # frame t (prompt at 0) attends to min(t, K) memories; linear in the memory tokens
        k = min(t, K)
        return ma1 + (k - 1) * (ms["memory_attention"] - ma1) / max(1, K - 1)
    print(f"memory attention over 1 memory and 1 pointer (frame 1): {ma1:.1f} ms (run1 {k1['ms_median_run1']:.1f}, run2 {k1['ms_median_run2']:.1f})")
    e = b.get("end_to_end_1_object")
    loop = 0.0
    if e:
        F = e["frames"]
        ramp = (F * (enc + dec + ms["memory_encoder"]) + sum(attn(t) for t in range(1, F))) / F
        print(f"end to end, 1 object, {F} frames: {e['ms_per_frame']:.1f} ms/frame measured vs {ramp:.1f} composed with the "
              f"memory ramp (ratio {e['ms_per_frame']/ramp:.2f}); the steady state (7 memories) composes to {enc + per_obj:.1f}")
        # What the Java loop adds per object and frame beyond the graphs' own calls (pre/post-processing,
        # mask upsampling, memory bookkeeping), from the 1-object run; the plan adds it per object-frame.
        loop = max(0.0, e["ms_per_frame"] - ramp)
    figures["models"][name] = {"model": b["model"], "layout": b["layout"], "device": b["session"]["device"],
                               "loop_ms_per_object_frame": round(loop, 3),
                               "intra_op_threads": b["session"]["intra_op_threads"],
                               "memories": K,
                               "graph_ms": dict({k: round(v, 3) for k, v in ms.items()}, memory_attention_1=round(ma1, 3)),
                               "end_to_end_1_object": e and {"frames": e["frames"], "ms_total": round(e["ms_total"], 1)}}
    enc_key = "image_encoder" if "image_encoder" in ratio else "vision_encoder"
    summary.append(f"model={name} encoder_ratio_of_peak={ratio[enc_key]:.3f} memattn_ratio_of_peak={ratio['memory_attention']:.3f} fps_50_objects={fps[50]:.3g}")
fb = json.load(open(os.path.join(work, f"fallback-{stamp}.json")))
figures["models"]["fallback"] = {"device": "cpu", "ms_per_object_frame": fb["ms_per_object_frame"],
                                 "measured_on": "data-samples (model.mot.txt detections, no pixels)"}
print(f"\nfallback tracker: {fb['ms_per_object_frame']*1e3:.2f} us per object and frame ({fb['object_frames']} object-frames of data-samples)")
json.dump(figures, open(fig, "w"), indent=2)
open(fig + ".summary", "w").write("\n".join(summary) + "\n")
print(f"\nfigures written to {fig}")
PYEOF

# The plan command's estimate of the end-to-end run above (one video, FRAMES frames, one object).
PLAN=$WORK/plan-batch; rm -rf "$PLAN"; mkdir -p "$PLAN/bench-video"
printf '{"video":{"id":"bench-video","fps":30,"width":64,"height":64,"frameCount":%d},"objects":[{"trackId":1,"label":"object"}]}\n' "$FRAMES" \
  >"$PLAN/bench-video/meta.json"
for name in sam2 edgetam; do
  measured=$("$PY" -c "import json,sys; m=json.load(open(sys.argv[1]))['models'].get(sys.argv[2]); print(m['end_to_end_1_object']['ms_total'] if m and m['end_to_end_1_object'] else '')" "$FIG" "$name")
  [ -n "$measured" ] || continue
  out=$($JAVA -cp "$CLICP" io.keyframe.cli.KeyframeCli track --plan "$PLAN" --model "$name" --device "$DEVICE" --figures "$FIG")
  hours=$(echo "$out" | sed -n 's/.*predicted_hours=\([0-9.eE+-]*\).*/\1/p' | tail -1)
  "$PY" -c "import sys; p=float(sys.argv[1])*3.6e6; m=float(sys.argv[2]); r=p/m; print(f'plan vs measured, {sys.argv[3]}: predicted {p:.0f} ms, measured {m:.0f} ms, ratio {r:.2f}' + ('' if abs(r-1) <= 0.2 else ' (outside 20 %)'))" "$hours" "$measured" "$name"
done
cat "$FIG.summary"
