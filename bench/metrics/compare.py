#!/usr/bin/python3
"""Checks keyframe's and the references' values are equal, then prints the speed ratios (bench only)."""
import json
import sys

ref = json.load(open(sys.argv[1]))
kf = json.load(open(sys.argv[2]))
batch = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else None
ours = dict(kf["report"]["sequences"])
ours["OVERALL"] = kf["report"]["overall"]
KEYS = ["mota", "motp", "idf1", "idp", "idr", "recall", "precision", "num_switches", "num_fragmentations",
        "mostly_tracked", "partially_tracked", "mostly_lost", "num_false_positives", "num_misses",
        "num_unique_objects", "num_transfer", "num_ascend", "num_migrate", "num_objects", "num_predictions",
        "idtp", "idfp", "idfn", "hota", "deta", "assa", "loca", "detre", "detpr", "assre", "asspr"]
bad = 0
checked = 0
for name, want in ref["values"].items():
    if name not in ours:
        if name == "OVERALL" and len(ours) == 2:
            continue
        print(f"missing sequence {name}")
        bad += 1
        continue
    for k in KEYS:
        if k not in want:
            continue
        a, b = want[k], ours[name].get(k)
        checked += 1
        if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9 * max(1.0, abs(a))):
            print(f"MISMATCH {name} {k}: reference {a} keyframe {b}")
            bad += 1
print(f"values checked: {checked}, mismatches: {bad}")
if bad:
    sys.exit(1)
mm_med, kf_med = ref["motmetrics_median_s"], kf["median_s"]
print("times are process CPU seconds (load + compute, median of runs); wall in brackets (shared machine)")
print(f"py-motmetrics (CLEAR+ID): {mm_med:.3f} s [{ref['motmetrics_median_wall_s']:.3f}]; "
      f"TrackEval HOTA: {ref['trackeval_hota_median_s']:.3f} s [{ref['trackeval_hota_median_wall_s']:.3f}]")
print(f"keyframe (CLEAR+ID+HOTA): {kf_med:.3f} s [{kf['median_wall_s']:.3f}], first run incl. JIT warm-up {kf['first_s']:.3f} s")
print(f"ratio vs py-motmetrics + TrackEval HOTA: {(mm_med + ref['trackeval_hota_median_s']) / kf_med:.1f}x")
if batch:
    print(f"synthetic batch {batch['videos']} videos x {batch['frames']} frames x {batch['objects']} objects, "
          f"{batch['threads']} threads (generation + IoU + CLEAR + ID + HOTA): {batch['process_cpu_s']:.1f} s CPU "
          f"= {batch['process_cpu_s'] / batch['threads']:.1f} s on {batch['threads']} free cores; "
          f"{batch['wall_s']:.1f} s wall on this shared machine")
# The same baseline as per_process_ratio: py-motmetrics' CLEAR + identity plus TrackEval's HOTA.
print(f"warm_ratio_vs_motmetrics_only={mm_med / kf_med:.1f}")
print(f"warm_ratio={(mm_med + ref['trackeval_hota_median_s']) / kf_med:.1f}")
