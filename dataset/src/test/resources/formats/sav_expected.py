#!/usr/bin/env python3
"""Oracle for SavReadTest: decodes SA-V's compressed COCO RLE without pycocotools or keyframe.

Follows the LEB128-like scheme of pycocotools' rleFrString (maskApi.c): 6-bit chunks offset by 48,
bit 0x20 = more chunks, bit 0x10 of the last chunk = sign; counts after the second are deltas
against the count two places back. Decodes to a column-major numpy array and takes the area and the
tight bbox from the pixels. Run from the repo root:
  python3 dataset/src/test/resources/formats/sav_expected.py ../shared/refdata/sav > dataset/src/test/resources/formats/sav_expected.csv
"""
import json
import sys
from pathlib import Path

import numpy as np


def counts_from_string(s):
    counts, p = [], 0
    while p < len(s):
        x, k, more = 0, 0, True
        while more:
            c = ord(s[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


def decode(h, w, s):
    flat = np.zeros(h * w, dtype=bool)
    pos, val = 0, False
    for c in counts_from_string(s):
        if val:
            flat[pos:pos + c] = True
        pos += c
        val = not val
    assert pos == h * w, (pos, h * w)
    return flat.reshape((w, h)).T  # column-major -> [row, col]


def main(folder):
    print("file,frame,masklet_id,area,x,y,w,h")
    for name in ("sav_000001_manual.json", "sav_000001_auto.json"):
        d = json.loads((Path(folder) / name).read_text())
        ids = d["masklet_id"]
        for i, frame in enumerate(d["masklet"]):
            for k, rle in enumerate(frame):
                h, w = rle["size"]
                m = decode(h, w, rle["counts"])
                area = int(m.sum())
                if area == 0:
                    continue
                ys, xs = np.nonzero(m)
                print(f"{name},{4 * i},{ids[k]},{area},{xs.min()},{ys.min()},{xs.max() - xs.min() + 1},{ys.max() - ys.min() + 1}")


if __name__ == "__main__":
    main(sys.argv[1])
