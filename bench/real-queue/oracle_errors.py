#!/usr/bin/python3
"""Per-frame tracker errors by py-motmetrics (the oracle for keyframe's RealTrackerErrors test).

  PYTHONPATH=/work/shared/bench-refs/py-motmetrics /usr/bin/python3 oracle_errors.py DATA_DIR TRACKER SEQ... > expected.csv

Ground truth: rows with conf (marking) != 0 and class 1 (pedestrian), as keyframe's evaluation
filters them (TrackEval's MOTChallenge preprocessing also drops tracker boxes on distractor classes;
neither py-motmetrics' app nor keyframe does). Tracker: every row. Matching: IoU >= 0.5
(distance 1 - IoU <= 0.5), py-motmetrics' compare_to_groundtruth. Prints one row per frame:
seq,frame,fp,miss,switch (frames 1-based as in the files), then TOTAL rows per sequence.
"""
import os
import sys

import numpy as np

np.float = float  # py-motmetrics predates numpy 1.24
np.int = int
np.bool = bool
import motmetrics as mm  # noqa: E402


def main():
    data, tracker, seqs = sys.argv[1], sys.argv[2], sys.argv[3:]
    bench = "MOT17-train"
    print("seq,frame,fp,miss,switch")
    totals = []
    for seq in seqs:
        gt = mm.io.loadtxt(os.path.join(data, "gt", "mot_challenge", bench, seq, "gt", "gt.txt"), fmt="mot16", min_confidence=-1)
        gt = gt[(gt["Confidence"] != 0) & (gt["ClassId"] == 1)]
        ts = mm.io.loadtxt(os.path.join(data, "trackers", "mot_challenge", bench, tracker, "data", seq + ".txt"), fmt="mot16", min_confidence=-1)
        acc = mm.utils.compare_to_groundtruth(gt, ts, "iou", distth=0.5)
        ev = acc.mot_events.reset_index()
        frames = sorted(set(gt.index.get_level_values(0)) | set(ts.index.get_level_values(0)))
        t = [0, 0, 0]
        for f in frames:
            e = ev[ev["FrameId"] == f]["Type"]
            row = [int((e == "FP").sum()), int((e == "MISS").sum()), int((e == "SWITCH").sum())]
            t = [a + b for a, b in zip(t, row)]
            print("%s,%d,%d,%d,%d" % (seq, f, *row))
        totals.append((seq, t))
    for seq, t in totals:
        print("%s,TOTAL,%d,%d,%d" % (seq, *t))


if __name__ == "__main__":
    main()
