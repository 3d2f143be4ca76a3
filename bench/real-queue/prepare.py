#!/usr/bin/env python3
"""Cuts real MOTChallenge sequences (TrackEval's data layout) down to their first N frames for
keyframe's real-data queue evaluation (scoring/src/test/resources/real/trackeval, see SOURCES.md).

  python3 prepare.py SRC_DATA_DIR DST_DATA_DIR --frames 200 --tracker NAME=SRC_TRACKER_NAME SEQ...

SRC_DATA_DIR is TrackEval's `data` folder (gt/mot_challenge/<bench>-train/<seq>/..., trackers/
mot_challenge/<bench>-train/<tracker>/data/<seq>.txt). Ground-truth rows are copied unchanged; tracker
rows keep their columns, with coordinates rounded to 2 decimals (sub-pixel; the files were 4x
larger with float32 repr). seqinfo.ini gets seqLength=N. Nothing else is changed.
"""
import argparse
import configparser
import os


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--frames", type=int, default=200)
    ap.add_argument("--bench", default="MOT17-train")
    ap.add_argument("--tracker", action="append", required=True, help="DST_NAME=SRC_NAME")
    ap.add_argument("seqs", nargs="+")
    a = ap.parse_args()
    for seq in a.seqs:
        g_src = os.path.join(a.src, "gt", "mot_challenge", a.bench, seq)
        g_dst = os.path.join(a.dst, "gt", "mot_challenge", a.bench, seq)
        os.makedirs(os.path.join(g_dst, "gt"), exist_ok=True)
        with open(os.path.join(g_src, "gt", "gt.txt")) as f, open(os.path.join(g_dst, "gt", "gt.txt"), "w") as o:
            for line in f:
                if line.strip() and int(line.split(",")[0]) <= a.frames:
                    o.write(line if line.endswith("\n") else line + "\n")
        ini = configparser.ConfigParser()
        ini.optionxform = str
        ini.read(os.path.join(g_src, "seqinfo.ini"))
        ini["Sequence"]["seqLength"] = str(min(a.frames, int(ini["Sequence"]["seqLength"])))
        with open(os.path.join(g_dst, "seqinfo.ini"), "w") as o:
            ini.write(o, space_around_delimiters=False)
        for spec in a.tracker:
            dst_name, src_name = spec.split("=", 1)
            t_src = os.path.join(a.src, "trackers", "mot_challenge", a.bench, src_name, "data", seq + ".txt")
            t_dst = os.path.join(a.dst, "trackers", "mot_challenge", a.bench, dst_name, "data")
            os.makedirs(t_dst, exist_ok=True)
            with open(t_src) as f, open(os.path.join(t_dst, seq + ".txt"), "w") as o:
                for line in f:
                    c = line.strip().split(",")
                    if not line.strip() or int(c[0]) > a.frames:
                        continue
                    for k in (2, 3, 4, 5):
                        c[k] = ("%.2f" % float(c[k])).rstrip("0").rstrip(".")
                    o.write(",".join(c) + "\n")


if __name__ == "__main__":
    main()
