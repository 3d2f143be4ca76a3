#!/usr/bin/python3
"""Per-process figures of bench/metrics.sh: values equal first, then CPU seconds and the ratio (bench only).

Usage: per_process_compare.py KEYFRAME_JSON MOTMETRICS_JSON HOTA_JSON KF_CPU MM_CPU HOTA_CPU (CPU: median seconds)
"""
import json
import sys

kf = json.load(open(sys.argv[1]))
seq = next(iter(kf["sequences"].values()))
ref = json.load(open(sys.argv[2]))
ref.update(json.load(open(sys.argv[3])))
bad = 0
for k, want in ref.items():
    got = seq.get(k)
    if got is None or abs(got - want) > 1e-9 * max(1.0, abs(want)):
        print(f"MISMATCH {k}: reference {want} keyframe {got}")
        bad += 1
print(f"per process, values checked: {len(ref)}, mismatches: {bad}")
if bad:
    sys.exit(1)
kf_s, mm_s, hota_s = (float(x) for x in sys.argv[4:7])
print(f"per process CPU seconds (user+sys of the whole process, median): keyframe {kf_s:.2f}, "
      f"py-motmetrics {mm_s:.2f}, TrackEval HOTA {hota_s:.2f}")
print(f"per_process_ratio={(mm_s + hota_s) / kf_s:.1f}")
