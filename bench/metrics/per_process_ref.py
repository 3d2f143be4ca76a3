#!/usr/bin/python3
"""One tool, one process, one sequence: py-motmetrics (CLEAR + identity) or TrackEval's HOTA.

Benchmark only: bench/metrics.sh runs it under /usr/bin/time to count the whole process's CPU
(interpreter start, imports, file reading, compute), the figure a user pays per call.
Usage: per_process_ref.py BENCH_REFS motmetrics|hota GT PRED OUT_JSON
"""
import json
import sys

import numpy as np

np.float = float
np.int = int
np.bool = bool

refs, tool, gt, pred, out = sys.argv[1:6]
sys.path.insert(0, refs + "/py-motmetrics")
sys.path.insert(0, refs + "/TrackEval")
values = {}
if tool == "motmetrics":
    import motmetrics as mm

    g = mm.io.loadtxt(gt, fmt="mot15-2D")
    p = mm.io.loadtxt(pred, fmt="mot15-2D")
    acc = mm.utils.compare_to_groundtruth(g, p, "iou", distth=0.5)
    mh = mm.metrics.create()
    s = mh.compute(acc, metrics=["mota", "motp", "idf1", "num_switches", "num_false_positives", "num_misses"], name="x")
    values = {k: float(v) for k, v in s.loc["x"].items()}
else:
    import trackeval
    import trackeval_data

    data = trackeval_data.load(gt, pred)
    r = trackeval.metrics.HOTA().eval_sequence(data)
    values = {"hota": float(np.mean(r["HOTA"])), "deta": float(np.mean(r["DetA"])), "assa": float(np.mean(r["AssA"]))}
json.dump(values, open(out, "w"))
