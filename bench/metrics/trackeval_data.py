"""TrackEval's per-sequence input (ids and IoU per timestep) for one MOTChallenge gt/prediction pair.

Benchmark only: shared by ref_bench.py (warm loop) and per_process_ref.py (one process), so both
time TrackEval's HOTA on the same input. TrackEval must be on sys.path (BENCH_REFS/TrackEval).
"""
import numpy as np


def load(gt, pred):
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
    return data
