#!/usr/bin/env python3
"""Third-party reference values for SampleBatchJobsTest: the annotators of data-samples/ scored
against the ground truth by TrackEval's CLEAR / Identity / HOTA and by py-motmetrics, both run
from their sources in shared/bench-refs (no keyframe code involved).

Inputs are the committed files themselves: <video>/gt.mot.txt (class id = 1-based position in
batch.json's classes) and <video>/annotator-*.cvat.xml (CVAT for video 1.1: every <box> with
outside="0", the class is its <track>'s label). Box IoU, threshold 0.5.

Rows (long CSV: tool,video_id,pred_source,label,metric,value):
  trackeval   per (video, annotator, class) sequence; label __all__ = TrackEval's
              combine_classes_det_averaged over a video's classes; video __all__ = combine_sequences
              per class, then det-averaged over classes (TrackEval's COMBINED_SEQ / "cls_comb_det_av").
  motmetrics  per (video, annotator, class) sequence, MOTAccumulator + iou_matrix(max_iou=0.5);
              label __all__ = py-motmetrics' OVERALL row (compute_many(generate_overall=True)) over a
              video's class sequences, video __all__ = OVERALL over every (video, class) sequence.
  motmetrics-allclasses  one accumulator per (video, annotator) with every class together.

Run from the repository root (Debian's python3: numpy 1.24, scipy, pandas):
  /usr/bin/python3 spark-jobs/src/test/python/samples_oracle.py data-samples /work/shared/bench-refs \
      > spark-jobs/src/test/resources/samples/oracle.csv
"""
import contextlib
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

import numpy as np

# Both libraries still use the aliases numpy 1.24 removed.
np.float = float
np.int = int
np.bool = bool

SAMPLES, REFS = sys.argv[1], sys.argv[2]
sys.path[:0] = [os.path.join(REFS, "py-motmetrics"), os.path.join(REFS, "TrackEval")]
with contextlib.redirect_stdout(sys.stderr):  # TrackEval prints notes about optional datasets on import
    import motmetrics as mm  # noqa: E402
    from trackeval.datasets._base_dataset import _BaseDataset  # noqa: E402
    from trackeval.metrics import CLEAR, HOTA, Identity  # noqa: E402

ANNOTATORS = ["annotator-A", "annotator-B", "annotator-C"]
ALL = "__all__"
batch = json.load(open(os.path.join(SAMPLES, "batch.json")))
CLASSES = batch["classes"]
FRAMES = batch["spec"]["frames"]


def read_mot(path):
    """frame (0-based) -> [(id, label, x, y, w, h)]"""
    out = {}
    for line in open(path):
        f = line.strip().split(",")
        if not f[0]:
            continue
        frame, tid = int(f[0]) - 1, int(f[1])
        out.setdefault(frame, []).append((tid, CLASSES[int(f[7]) - 1], float(f[2]), float(f[3]), float(f[4]), float(f[5])))
    return out


def read_cvat(path):
    out = {}
    for track in ET.parse(path).getroot().iter("track"):
        tid, label = int(track.get("id")), track.get("label")
        for b in track.iter("box"):
            if b.get("outside") == "1":
                continue
            x0, y0, x1, y1 = (float(b.get(k)) for k in ("xtl", "ytl", "xbr", "ybr"))
            out.setdefault(int(b.get("frame")), []).append((tid, label, x0, y0, x1 - x0, y1 - y0))
    return out


def select(frames, label):
    return {f: [d for d in ds if label is None or d[1] == label] for f, ds in frames.items()}


def trackeval_data(gt, pr):
    """TrackEval's preprocessed sequence: ids relabelled 0..n-1, per-timestep box IoU."""
    gt_map, pr_map = {}, {}
    data = {"num_timesteps": FRAMES, "gt_ids": [], "tracker_ids": [], "similarity_scores": [], "num_gt_dets": 0, "num_tracker_dets": 0}
    for t in range(FRAMES):
        g, p = gt.get(t, []), pr.get(t, [])
        data["gt_ids"].append(np.array([gt_map.setdefault(d[0], len(gt_map)) for d in g], dtype=int))
        data["tracker_ids"].append(np.array([pr_map.setdefault(d[0], len(pr_map)) for d in p], dtype=int))
        gb = np.array([d[2:] for d in g], dtype=float).reshape(-1, 4)
        pb = np.array([d[2:] for d in p], dtype=float).reshape(-1, 4)
        data["similarity_scores"].append(_BaseDataset._calculate_box_ious(gb, pb, box_format="xywh"))
        data["num_gt_dets"] += len(g)
        data["num_tracker_dets"] += len(p)
    data["num_gt_ids"], data["num_tracker_ids"] = len(gt_map), len(pr_map)
    return data


def motmetrics_acc(gt, pr):
    acc = mm.MOTAccumulator(auto_id=False)
    for t in range(FRAMES):
        g, p = gt.get(t, []), pr.get(t, [])
        gb = np.array([d[2:] for d in g], dtype=float).reshape(-1, 4)
        pb = np.array([d[2:] for d in p], dtype=float).reshape(-1, 4)
        acc.update([d[0] for d in g], [d[0] for d in p], mm.distances.iou_matrix(gb, pb, max_iou=0.5), frameid=t)
    return acc


TE_METRICS = {"clear": CLEAR({"THRESHOLD": 0.5, "PRINT_CONFIG": False}), "identity": Identity({"THRESHOLD": 0.5, "PRINT_CONFIG": False}), "hota": HOTA()}
TE_FIELDS = {
    "clear": ["MOTA", "MOTP", "IDSW", "CLR_TP", "CLR_FP", "CLR_FN", "Frag", "MT", "PT", "ML"],
    "identity": ["IDF1", "IDP", "IDR", "IDTP", "IDFP", "IDFN"],
    "hota": ["HOTA", "DetA", "AssA", "LocA"],
}
MM_FIELDS = ["mota", "motp", "idf1", "idp", "idr", "idtp", "idfp", "idfn", "num_switches", "num_false_positives", "num_misses",
             "num_matches", "num_objects", "num_fragmentations"]
mh = mm.metrics.create()
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["tool", "video_id", "pred_source", "label", "metric", "value"])


def emit_te(video, source, label, res):
    for metric, fields in TE_FIELDS.items():
        for f in fields:
            v = res[metric][f]
            if f in TE_METRICS[metric].integer_fields:
                out.writerow(["trackeval", video, source, label, f, int(v)])
            else:  # HOTA's values are per alpha; its summary is their mean
                out.writerow(["trackeval", video, source, label, f, repr(float(np.mean(v)))])


def emit_mm(tool, video, source, label, summary):
    for f in MM_FIELDS:
        v = summary[f]
        out.writerow([tool, video, source, label, f, repr(float(v)) if f in ("mota", "motp", "idf1", "idp", "idr") else int(v)])


def mm_summaries(accs):
    """py-motmetrics' own summary per accumulator plus its OVERALL row (counts summed, ratios from the sums)."""
    names = sorted(accs)
    s = mh.compute_many([accs[n] for n in names], metrics=MM_FIELDS, names=names, generate_overall=True)
    return {n: s.loc[n] for n in names}, s.loc["OVERALL"]


per_class = {}  # (source, label) -> {video: res}
mm_all = {source: {} for source in ANNOTATORS}  # every (video, class) accumulator, for the all-videos row
for video in batch["videos"]:
    gt = read_mot(os.path.join(SAMPLES, video, "gt.mot.txt"))
    for source in ANNOTATORS:
        pr = read_cvat(os.path.join(SAMPLES, video, source + ".cvat.xml"))
        labels = sorted({d[1] for ds in list(gt.values()) + list(pr.values()) for d in ds})
        video_res, accs = {}, {}
        for label in labels:
            g, p = select(gt, label), select(pr, label)
            data = trackeval_data(g, p)
            res = {m: TE_METRICS[m].eval_sequence(data) for m in TE_METRICS}
            video_res[label] = res
            per_class.setdefault((source, label), {})[video] = res
            emit_te(video, source, label, res)
            accs[label] = motmetrics_acc(g, p)
            mm_all[source][video + "/" + label] = accs[label]
        emit_te(video, source, ALL, {m: TE_METRICS[m].combine_classes_det_averaged({l: r[m] for l, r in video_res.items()}) for m in TE_METRICS})
        by_label, overall = mm_summaries(accs)
        for label in labels:
            emit_mm("motmetrics", video, source, label, by_label[label])
        emit_mm("motmetrics", video, source, ALL, overall)
        everything, _ = mm_summaries({"x": motmetrics_acc(gt, pr)})
        emit_mm("motmetrics-allclasses", video, source, ALL, everything["x"])

for source in ANNOTATORS:
    combined = {}
    for (s, label), by_video in sorted(per_class.items()):
        if s != source:
            continue
        combined[label] = {m: TE_METRICS[m].combine_sequences({v: r[m] for v, r in by_video.items()}) for m in TE_METRICS}
        emit_te(ALL, source, label, combined[label])
    emit_te(ALL, source, ALL, {m: TE_METRICS[m].combine_classes_det_averaged({l: r[m] for l, r in combined.items()}) for m in TE_METRICS})
    emit_mm("motmetrics", ALL, source, ALL, mm_summaries(mm_all[source])[1])
