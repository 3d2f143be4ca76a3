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
import trackeval_data  # noqa: E402

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


def run_hota():
    metric = trackeval.metrics.HOTA()
    res = {name: metric.eval_sequence(trackeval_data.load(gt, pred)) for name, gt, pred in seqs}
    res["OVERALL"] = metric.combine_sequences({k: v for k, v in res.items()})
    return res


def timed(fn):
    """Process CPU time per run (shared-machine load does not count), and wall time."""
    times, walls, out = [], [], None
    for _ in range(iterations):
        t0, w0 = time.process_time(), time.perf_counter()
        out = fn()
        times.append(time.process_time() - t0)
        walls.append(time.perf_counter() - w0)
    return out, times, walls


summary, mm_times, mm_walls = timed(run_motmetrics)
hota, hota_times, hota_walls = timed(run_hota)
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
                  "motmetrics_median_wall_s": statistics.median(mm_walls),
                  "trackeval_hota_median_wall_s": statistics.median(hota_walls),
                  "values": values}))
