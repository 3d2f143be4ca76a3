#!/usr/bin/python3
"""py-motmetrics (and TrackEval's HOTA) on MOTChallenge pairs: values and timings as JSON.

Benchmark only. Usage: ref_bench.py BENCH_REFS ITERATIONS name gt pred [name gt pred ...]
"""
import json
import statistics
import sys
import time

import numpy as np

# py-motmetrics and TrackEval predate numpy 1.24's removal of these aliases.
np.float = float
np.int = int
np.bool = bool

refs = sys.argv[1]
sys.path.insert(0, refs + "/py-motmetrics")
sys.path.insert(0, refs + "/TrackEval")
import motmetrics as mm  # noqa: E402
import trackeval  # noqa: E402
from trackeval.datasets._base_dataset import _BaseDataset  # noqa: E402

iterations = int(sys.argv[2])
seqs = [(sys.argv[k], sys.argv[k + 1], sys.argv[k + 2]) for k in range(3, len(sys.argv) - 2, 3)]
METRICS = mm.metrics.motchallenge_metrics + ["num_objects", "num_predictions", "num_matches", "num_frames",
                                             "idtp", "idfp", "idfn"]


def run_motmetrics():
    accs, names = [], []
    for name, gt, pred in seqs:
        g = mm.io.loadtxt(gt, fmt="mot15-2D")
        p = mm.io.loadtxt(pred, fmt="mot15-2D")
        accs.append(mm.utils.compare_to_groundtruth(g, p, "iou", distth=0.5))
        names.append(name)
    mh = mm.metrics.create()
    return mh.compute_many(accs, metrics=METRICS, names=names, generate_overall=len(seqs) > 1)


def load_trackeval(gt, pred):
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
    return data


def run_hota():
    metric = trackeval.metrics.HOTA()
    res = {name: metric.eval_sequence(load_trackeval(gt, pred)) for name, gt, pred in seqs}
    res["OVERALL"] = metric.combine_sequences({k: v for k, v in res.items()})
    return res


def timed(fn):
    times, out = [], None
    for _ in range(iterations):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, times


summary, mm_times = timed(run_motmetrics)
hota, hota_times = timed(run_hota)
values = {}
for name in summary.index:
    row = {k: (None if (isinstance(v, float) and np.isnan(v)) else float(v)) for k, v in summary.loc[name].items()}
    values[name] = row
for name, r in hota.items():
    target = values.setdefault(name, {})
    for key, field in [("hota", "HOTA"), ("deta", "DetA"), ("assa", "AssA"), ("loca", "LocA"),
                       ("detre", "DetRe"), ("detpr", "DetPr"), ("assre", "AssRe"), ("asspr", "AssPr")]:
        target[key] = float(np.mean(r[field]))
print(json.dumps({"motmetrics_first_s": mm_times[0], "motmetrics_median_s": statistics.median(mm_times),
                  "trackeval_hota_first_s": hota_times[0], "trackeval_hota_median_s": statistics.median(hota_times),
                  "values": values}))
