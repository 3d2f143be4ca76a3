#!/usr/bin/env python3
"""Benchmark tooling (bench/sam2-speed.sh, not the product): from Sam2Speed's measurements, the figures
file `keyframe track --plan` reads, and the plan checked against the loop's own end-to-end runs.

  * fraction of peak: FLOPs per call (bench/sam2_flops.py) / ms per call at batch 1 / this CPU's fp32 peak
    (cores x clock x FLOP per cycle per core, from /proc/cpuinfo and lscpu);
  * fit per per-object graph: cost(b) = fixed + b x per_object through its batch-1 and batch-B medians;
  * loop calibration: the loop end to end on the calibration batches minus what the plan composes for them
    from the graph figures alone (the plan command itself, loop 0), fitted to per_frame + N x per_object_frame
    (two calibration batches with different N; with one, all of it per object-frame);
  * validation: the plan command's prediction for each validation batch (never a calibration batch) over the
    measured wall time: plan_ratio, flagged outside 20 %; repeats flagged when they differ by more than 10 %;
  * frames/s at 1, 8 and 50 objects: measured (frames / wall s of an end-to-end run with that many objects,
    memory ramp included) where one ran, else composed: one steady-state frame (7 memories) as the plan
    prices it (plan of 101 frames minus plan of 100).
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile


def peak_flops():
    info = open("/proc/cpuinfo").read()

    def field(k):
        m = re.search(r"^%s\s*:\s*(.+)$" % re.escape(k), info, re.M)
        return m.group(1).strip() if m else ""

    cores = os.cpu_count()
    mhz = float(field("cpu MHz") or 0)
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        m = re.search(r"CPU max MHz:\s*([\d.]+)", lscpu)
        if m:
            mhz = max(mhz, float(m.group(1)))
    except OSError:
        pass
    flags = field("flags").split()
    vendor, family, model = field("vendor_id"), int(field("cpu family") or 0), int(field("model") or 0)
    if vendor == "AuthenticAMD":
        # Zen 1 (family 23, model < 0x30): 2 x 128-bit FMA pipes. Zen 2/3 (family 23 >= 0x30, 25): 2 x 256-bit.
        # Zen 4 (family 25, AVX-512): 2 x 256-bit datapaths (512-bit ops double-pumped). Zen 5 (family 26): 2 x 512.
        width = 128 if (family == 23 and model < 0x30) else (512 if family >= 26 else 256)
        why = f"AMD family {family} model {model:#x}: 2 FMA pipes x {width}-bit"
    else:
        width = 512 if "avx512f" in flags else (256 if "avx2" in flags else 128)
        why = f"{vendor}: 2 FMA units x {width}-bit (avx512f={'avx512f' in flags})"
    flop_cycle = width // 32 * 2 * 2  # fp32 lanes x 2 (multiply + add) x 2 FMA units
    peak = cores * mhz * 1e6 * flop_cycle
    print(f"peak: {cores} cores x {mhz:.0f} MHz x {flop_cycle} fp32 FLOP/cycle/core ({why}; FMA = 2 FLOP)"
          f" = {peak/1e9:.1f} GFLOP/s")
    return peak, f"{cores} cores, {field('model name')}, {mhz:.0f} MHz"


def mean2(row):
    return (row["ms_median_run1"] + row["ms_median_run2"]) / 2


def agree(values, limit=0.10):
    return len(values) < 2 or (max(values) - min(values)) / min(values) <= limit


def fit(rows, graph):
    """cost(b) = fixed + b x per_object through batch 1 and the largest batch measured."""
    bs = sorted(int(b) for b in rows if graph in rows[b])
    t1 = mean2(rows["1"][graph])
    if len(bs) < 2:
        return {"fixed_ms": 0.0, "per_object_ms": round(t1, 3), "batches": [1]}
    B = bs[-1]
    tb = mean2(rows[str(B)][graph])
    per = max(0.0, (tb - t1) / (B - 1))
    return {"fixed_ms": round(t1 - per, 3), "per_object_ms": round(per, 3), "batches": [1, B]}


def plan(command, fig, model, device, sizes):
    """The plan command's predicted ms for each (objects, frames): one batch folder, one video each."""
    d = tempfile.mkdtemp(prefix="sam2-plan-")
    try:
        for n, f in sizes:
            v = os.path.join(d, f"n{n}-f{f}")
            os.makedirs(v)
            objs = [{"trackId": i + 1, "label": "object"} for i in range(n)]
            json.dump({"video": {"id": f"n{n}-f{f}", "fps": 30, "width": 64, "height": 64, "frameCount": f},
                       "objects": objs}, open(os.path.join(v, "meta.json"), "w"))
        out = subprocess.run(shlex.split(command) + ["track", "--plan", d, "--model", model, "--device", device,
                                                     "--figures", fig], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"sam2_figures: the plan command failed ({out.returncode}): {out.stderr.strip()}")
        got = {}
        for line in out.stdout.splitlines():
            m = re.match(r"video=n(\d+)-f(\d+) frames=\d+ objects=\d+ predicted_hours=(\S+)", line)
            if m:
                got[(int(m.group(1)), int(m.group(2)))] = float(m.group(3)) * 3.6e6
        return got
    finally:
        shutil.rmtree(d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--stamp", required=True)
    ap.add_argument("--quick", default="0")
    ap.add_argument("--load", nargs=2, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--calibrate", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--plan-command", required=True)
    a = ap.parse_args()
    peak, machine = peak_flops()
    print(f"load average (1, 5, 15 min): {a.load[0]} at start, {a.load[1]} at end, on {os.cpu_count()} cores "
          "(other work shares them)")
    calib = [tuple(int(x) for x in r.split("x")) for r in a.calibrate.split(",")]
    figures = {"machine": machine, "peak_gflops": round(peak / 1e9, 1), "load_average": list(a.load),
               "bench": "bench/sam2-speed.sh" + (" --quick" if a.quick == "1" else ""), "measured": a.stamp,
               "models": {}}
    fb = json.load(open(os.path.join(a.work, f"fallback-{a.stamp}.json")))
    figures["models"]["fallback"] = {"device": "cpu", "ms_per_object_frame": fb["ms_per_object_frame"],
                                     "measured_on": "data-samples (model.mot.txt detections, no pixels)"}
    summary = []
    for name in a.models.split():
        base = os.path.join(a.work, f"{name}-{a.stamp}")
        if not os.path.exists(base + ".e2e.json"):
            continue
        b, k1, e2e = (json.load(open(base + s)) for s in (".json", ".k1.json", ".e2e.json"))
        fl = json.load(open(base + ".flops.json"))
        enc = "image_encoder" if "image_encoder" in b["graphs"] else "vision_encoder"
        dec = "mask_decoder" if "mask_decoder" in b["graphs"] else "video_mask_decoder"
        print(f"\n== {name}: {b['model']} ({b['layout']}), device {b['session']['device']}, "
              f"{b['session']['intra_op_threads']} intra-op threads, object batch axis {b['object_batch']}, "
              f"batches measured {b['batches']}")
        print(f"{'graph':22s} {'batch':>5s} {'memories':>8s} {'ms run1':>10s} {'ms run2':>10s} {'ms/object':>10s}"
              f" {'GFLOP/call':>11s} {'GFLOP/s':>9s} {'of peak':>8s}")
        ratio = {}
        rows = {bb: dict(r) for bb, r in b["graphs_by_batch"].items()}
        for bb, r in k1["graphs_by_batch"].items():
            rows.setdefault(bb, {})["memory_attention_1"] = r["memory_attention"]
        for bb in sorted(rows, key=int):
            for g, row in rows[bb].items():
                r1, r2 = row["ms_median_run1"], row["ms_median_run2"]
                mem = 1 if g == "memory_attention_1" else (b["memories"] if g == "memory_attention" else "")
                cells = ""
                if bb == "1" and g in fl:
                    gf = fl[g] / 1e9
                    rate = gf / (mean2(row) / 1e3)
                    ratio[g] = rate * 1e9 / peak
                    cells = f" {gf:11.2f} {rate:9.1f} {ratio[g]:8.1%}"
                flag = "" if agree([r1, r2]) else "   RUNS DISAGREE by more than 10 %"
                print(f"{g.replace('_1', ''):22s} {bb:>5s} {str(mem):>8s} {r1:10.1f} {r2:10.1f}"
                      f" {mean2(row) / int(bb):10.1f}{cells}{flag}")
        fits = {"batch": max(b["batches"])}
        for g in ("memory_attention", "memory_attention_1", dec, "memory_encoder"):
            fits[g] = fit(rows, g)
            print(f"fit {g}: {fits[g]['fixed_ms']:.1f} ms + b x {fits[g]['per_object_ms']:.1f} ms"
                  f" (batches {fits[g]['batches']})")
        graph_ms = {g: round(mean2(r), 3) for g, r in b["graphs"].items()}
        graph_ms["memory_attention_1"] = round(mean2(k1["graphs"]["memory_attention"]), 3)
        entry = {"model": b["model"], "layout": b["layout"], "device": b["session"]["device"],
                 "intra_op_threads": b["session"]["intra_op_threads"], "memories": b["memories"],
                 "object_batch": b["object_batch"], "max_objects_per_call": b["max_objects_per_call"],
                 "graph_ms": graph_ms, "graph_fit": fits,
                 "loop_ms": {"per_frame": 0.0, "per_object_frame": 0.0}}
        figures["models"][name] = entry
        runs = {(r["objects"], r["frames"]): r for r in e2e["end_to_end"]}
        measured = {k: sum(r["ms_total_runs"]) / len(r["ms_total_runs"]) for k, r in runs.items()}
        # --- calibration: what the loop adds beyond the graphs the plan composes -----------------
        json.dump(figures, open(a.out, "w"), indent=2)
        composed = plan(a.plan_command, a.out, name, a.device, [c for c in calib if c in runs])
        print(f"end to end ({len(next(iter(runs.values()))['ms_total_runs'])} repeats each; graph ms inside the loop"
              " from the loop's own timers):")
        for (n, f), r in runs.items():
            inloop = sum(r["graph_ms_in_loop"].values())
            tag = "calibration" if (n, f) in calib else "validation"
            flag = "" if agree(r["ms_total_runs"]) else "   REPEATS DISAGREE by more than 10 %"
            print(f"  {tag:11s} {n:3d} objects x {f} frames: {', '.join(f'{x:.0f}' for x in r['ms_total_runs'])} ms;"
                  f" graph calls in the loop {inloop:.0f} ms, the rest {measured[(n, f)] - inloop:.0f} ms{flag}")
        resid = {(n, f): (measured[(n, f)] - composed[(n, f)]) / f for (n, f) in composed}
        if len(resid) >= 2:
            (n1, _), (n2, _) = sorted(resid)[0], sorted(resid)[-1]
            r1, r2 = resid[sorted(resid)[0]], resid[sorted(resid)[-1]]
            per_obj = max(0.0, (r2 - r1) / (n2 - n1))
            per_frame = max(0.0, r1 - n1 * per_obj)
        else:
            (n1, _), r1 = next(iter(resid.items()))
            per_obj, per_frame = max(0.0, r1 / n1), 0.0
        entry["loop_ms"] = {"per_frame": round(per_frame, 3), "per_object_frame": round(per_obj, 3),
                            "calibration": ",".join(f"{n}x{f}" for n, f in composed),
                            "residuals_ms_per_frame": {f"{n}x{f}": round(v, 1) for (n, f), v in resid.items()}}
        print(f"loop beyond the graphs, from the calibration runs {entry['loop_ms']['calibration']}"
              f" (measured minus the plan's graphs, per frame: "
              + ", ".join(f"{n} objects {v:.0f} ms" for (n, _), v in resid.items())
              + f"): {per_frame:.1f} ms per frame + {per_obj:.1f} ms per object and frame")
        json.dump(figures, open(a.out, "w"), indent=2)
        # --- validation and frames/s through the plan command with the final figures --------------
        val = [k for k in runs if k not in calib]
        steady = [(n, f) for n in (1, 8, 50) for f in (100, 101)]
        pred = plan(a.plan_command, a.out, name, a.device, val + steady)
        for n, f in val:
            p, m = pred[(n, f)], measured[(n, f)]
            r = p / m
            print(f"validation model={name} objects={n} frames={f} predicted_s={p/1e3:.1f} measured_s={m/1e3:.1f}"
                  f" plan_ratio={r:.2f}" + ("" if abs(r - 1) <= 0.2 else "   OUTSIDE 20 %"))
        fps = {}
        for n in (1, 8, 50):
            got = [(f, measured[(nn, f)]) for (nn, f) in runs if nn == n]
            if got:
                f, ms = max(got)
                fps[n] = (f / (ms / 1e3), f"measured, {n} x {f} frames end to end (memories 0..{f - 1})")
            else:
                ms = pred[(n, 101)] - pred[(n, 100)]
                fps[n] = (1e3 / ms, "composed: a steady-state frame (7 memories) as the plan prices it")
        print("frames/s: " + "; ".join(f"{n} objects {v:.3g} ({why})" for n, (v, why) in fps.items()))
        print("frames/s composed for the steady state (7 memories): " + ", ".join(
            f"{n} objects {1e3 / (pred[(n, 101)] - pred[(n, 100)]):.3g}" for n in (1, 8, 50)))
        entry["frames_per_second"] = {str(n): {"fps": round(v, 4), "source": why} for n, (v, why) in fps.items()}
        entry["validation"] = [{"objects": n, "frames": f, "predicted_ms": round(pred[(n, f)], 1),
                                "measured_ms_runs": runs[(n, f)]["ms_total_runs"],
                                "plan_ratio": round(pred[(n, f)] / measured[(n, f)], 3)} for n, f in val]
        json.dump(figures, open(a.out, "w"), indent=2)
        src = "measured" if fps[50][1].startswith("measured") else "composed"
        summary.append(f"model={name} encoder_ratio_of_peak={ratio[enc]:.3f} "
                       f"memattn_ratio_of_peak={ratio['memory_attention']:.3f} fps_50_objects={fps[50][0]:.3g} "
                       f"fps_50_source={src}")
    print(f"\nfallback tracker: {fb['ms_per_object_frame']*1e3:.2f} us per object and frame "
          f"({fb['object_frames']} object-frames of data-samples)")
    print(f"figures written to {a.out}\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
