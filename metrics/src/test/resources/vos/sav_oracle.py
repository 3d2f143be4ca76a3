#!/usr/bin/python3
"""Oracle for keyframe's J&F tests on the real SA-V pair in ../shared/refdata/sav/.

Run with Debian python3 (apt: python3-numpy python3-skimage python3-opencv):
    /usr/bin/python3 sav_oracle.py > sav_expected.json
Per-frame J and F follow SA-V's sav_benchmark.py (adapted there from DAVIS 2017 / vos-benchmark):
get_iou (empty vs empty = 1), _seg2bmap, skimage.morphology.disk(ceil(0.008 * diagonal)) and
cv2.dilate; first and last annotated frames skipped. COCO compressed RLE is decoded below with
pycocotools' rleFrString algorithm (pycocotools itself is not packaged in Debian).
"""
import json
import math
import sys

import cv2
import numpy as np
import skimage
from skimage.morphology import disk

REF = "../../../../../../shared/refdata/sav/"


def rle_decode(counts, h, w):
    cnts, p, m = [], 0, 0
    while p < len(counts):
        x, k, more = 0, 0, True
        while more:
            c = ord(counts[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = (c & 0x20) != 0
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if m > 2:
            x += cnts[m - 2]
        cnts.append(x)
        m += 1
    flat = np.zeros(h * w, dtype=bool)
    pos, val = 0, False
    for c in cnts:
        if val:
            flat[pos:pos + c] = True
        pos += c
        val = not val
    return flat.reshape((w, h)).T  # column-major


def seg2bmap(seg):
    seg = seg.astype(bool)
    e = np.zeros_like(seg)
    s = np.zeros_like(seg)
    se = np.zeros_like(seg)
    e[:, :-1] = seg[:, 1:]
    s[:-1, :] = seg[1:, :]
    se[:-1, :-1] = seg[1:, 1:]
    b = seg ^ e | seg ^ s | seg ^ se
    b[-1, :] = seg[-1, :] ^ e[-1, :]
    b[:, -1] = seg[:, -1] ^ s[:, -1]
    b[-1, -1] = 0
    return b


def j_and_f(mask, gt):
    inter = (mask & gt).sum()
    psum = mask.sum() + gt.sum()
    j = 1.0 if inter == psum else inter / (psum - inter)
    bound = disk(np.ceil(0.008 * np.linalg.norm(mask.shape)))
    mb, gb = seg2bmap(mask), seg2bmap(gt)
    md = cv2.dilate(mb.astype(np.uint8), bound)
    gd = cv2.dilate(gb.astype(np.uint8), bound)
    n_fg, n_gt = np.sum(mb), np.sum(gb)
    if n_fg == 0 and n_gt > 0:
        p, r = 1, 0
    elif n_fg > 0 and n_gt == 0:
        p, r = 0, 1
    elif n_fg == 0 and n_gt == 0:
        p, r = 1, 1
    else:
        p = np.sum(mb * gd) / float(n_fg)
        r = np.sum(gb * md) / float(n_gt)
    f = 0 if p + r == 0 else 2 * p * r / (p + r)
    return float(j), float(f)


def load(name):
    d = json.load(open(REF + name))
    return [[rle_decode(o["counts"], o["size"][0], o["size"][1]) for o in frame] for frame in d["masklet"]]


man, auto = load("sav_000001_manual.json"), load("sav_000001_auto.json")
# Pairs to score with J&F, "manual:auto" arguments (the committed JSON used: 0:0 1:3 2:8 3:5 4:6 1:1 0:2).
pairs = [tuple(map(int, a.split(":"))) for a in sys.argv[1:]] or [(i, j) for i in range(len(man[0])) for j in range(len(auto[0]))]
out = {"tools": {"numpy": np.__version__, "opencv": cv2.__version__, "scikit-image": skimage.__version__}, "pairs": []}
for i, j in pairs:
    js, fs = [], []
    for k in range(1, len(man) - 1):
        jj, ff = j_and_f(auto[k][j], man[k][i])
        js.append(jj)
        fs.append(ff)
    ious = []
    for k in range(len(man)):
        a, b = man[k][i], auto[k][j]
        inter, union = (a & b).sum(), (a | b).sum()
        ious.append(inter / union if union else 0.0)
    out["pairs"].append({"manual": i, "auto": j, "J": float(np.mean(js)), "F": float(np.mean(fs)),
                         "mean_iou_all_frames": float(np.mean(ious)), "frames": len(js)})
# Mean IoU over all annotated frames for every manual x auto pair (the masklet matching score).
out["mean_iou_matrix"] = [[float(np.mean([((man[k][i] & auto[k][j]).sum() / (man[k][i] | auto[k][j]).sum())
                                          if (man[k][i] | auto[k][j]).sum() else 0.0 for k in range(len(man))]))
                           for j in range(len(auto[0]))] for i in range(len(man[0]))]
print(json.dumps(out, indent=1))
