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
    from trackeval.datasets._base_dataset import _BaseDataset

    g = np.loadtxt(gt, delimiter=",", ndmin=2)
    p = np.loadtxt(pred, delimiter=",", ndmin=2)
    frames = sorted(set(g[:, 0].astype(int)) | set(p[:, 0].astype(int)))
    gmap = {v: i for i, v in enumerate(sorted(set(g[:, 1].astype(int))))}
    pmap = {v: i for i, v in enumerate(sorted(set(p[:, 1].astype(int))))}
    data = {"gt_ids": [], "tracker_ids": [], "similarity_scores": [], "num_timesteps": len(frames),
            "num_gt_ids": len(gmap), "num_tracker_ids": len(pmap), "num_gt_dets": len(g), "num_tracker_dets": len(p)}
    for f in frames:
        gf = g[g[:, 0] == f]
        pf = p[p[:, 0] == f]
        data["gt_ids"].append(np.array([gmap[int(i)] for i in gf[:, 1]], dtype=int))
        data["tracker_ids"].append(np.array([pmap[int(i)] for i in pf[:, 1]], dtype=int))
        data["similarity_scores"].append(_BaseDataset._calculate_box_ious(gf[:, 2:6], pf[:, 2:6], box_format="xywh"))
    r = trackeval.metrics.HOTA().eval_sequence(data)
    values = {"hota": float(np.mean(r["HOTA"])), "deta": float(np.mean(r["DetA"])), "assa": float(np.mean(r["AssA"]))}
json.dump(values, open(out, "w"))
