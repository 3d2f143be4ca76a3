#!/usr/bin/python3
"""Writes deterministic synthetic MOTChallenge gt/pred pairs for bench/metrics.sh (bench input only)."""
import random
import sys


def write(path_gt, path_pred, seed, frames, objects):
    rnd = random.Random(seed)
    obj = []
    for o in range(objects):
        w = 30 + rnd.random() * 90
        h = 60 + rnd.random() * 180
        obj.append([rnd.random() * (1920 - w), rnd.random() * (1080 - h), w, h, o + 1])
    next_pred = objects + 1
    with open(path_gt, "w") as g, open(path_pred, "w") as p:
        for f in range(1, frames + 1):
            for o in range(objects):
                b = obj[o]
                b[0] = min(1920 - b[2], max(0, b[0] + rnd.gauss(0, 3)))
                b[1] = min(1080 - b[3], max(0, b[1] + rnd.gauss(0, 2)))
                g.write(f"{f},{o + 1},{b[0]:.3f},{b[1]:.3f},{b[2]:.3f},{b[3]:.3f},1,-1,-1,-1\n")
                if rnd.random() < 0.01:
                    b[4] = next_pred
                    next_pred += 1
                if rnd.random() < 0.05:
                    continue
                jx, jy = rnd.gauss(0, 4), rnd.gauss(0, 4)
                p.write(f"{f},{b[4]},{b[0] + jx:.3f},{b[1] + jy:.3f},{b[2] * (1 + rnd.gauss(0, 0.05)):.3f},"
                        f"{b[3] * (1 + rnd.gauss(0, 0.05)):.3f},-1,-1,-1,-1\n")
            for _ in range(rnd.randint(0, max(1, objects // 15))):
                p.write(f"{f},{next_pred},{rnd.random() * 1800:.3f},{rnd.random() * 900:.3f},50,120,-1,-1,-1,-1\n")
                next_pred += 1


if __name__ == "__main__":
    out, count, frames, objects = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    for s in range(count):
        write(f"{out}/syn{s}-gt.txt", f"{out}/syn{s}-pred.txt", 1000 + s, frames, objects)
