#!/usr/bin/env python3
"""Full-size check (not part of ./mvnw verify): export a real-size SAM 2.1 / EdgeTAM model and compare
keyframe's Java loop with the official SAM2VideoPredictor on a few frames.

With random weights (fixed seed; the architecture at its real size) or with an official checkpoint:

    # once: Debian packages (or pip: torch, onnx, omegaconf, numpy, tqdm, pillow) and the sources
    apt-get install -y python3-torch python3-onnx python3-omegaconf python3-numpy python3-tqdm python3-pil
    git clone https://github.com/facebookresearch/sam2 ~/src/sam2
    ./mvnw -B -q -pl tracker -am compile
    # SAM 2.1 tiny, random weights:
    nice python3 tracker/export/check_sam2_full_size.py --sam2-root ~/src/sam2 \
        --config configs/sam2.1/sam2.1_hiera_t.yaml --out /tmp/sam2.1-tiny-check
    # the same with the official checkpoint (also leaves a ready bundle in --out):
    nice python3 tracker/export/check_sam2_full_size.py --sam2-root ~/src/sam2 \
        --config configs/sam2.1/sam2.1_hiera_t.yaml --checkpoint ~/src/sam2/checkpoints/sam2.1_hiera_tiny.pt \
        --out bundles/sam2.1_tiny
    # EdgeTAM (RepViT-M1 trunk from timm: `pip install timm`, or a checkout of
    # github.com/huggingface/pytorch-image-models given with --timm-root; see sam2_torch.import_timm):
    git clone https://github.com/facebookresearch/EdgeTAM ~/src/EdgeTAM
    nice python3 tracker/export/check_sam2_full_size.py --sam2-root ~/src/EdgeTAM --layout edgetam \
        --config configs/edgetam.yaml [--checkpoint ~/src/EdgeTAM/checkpoints/edgetam.pt | --score-bias 0.5] \
        [--timm-root ~/src/pytorch-image-models] --out /tmp/edgetam-check

It writes the bundle (every graph checked in ONNX Runtime against PyTorch), a clip of --frames frames
at the model's input size with two objects (a box and a click), the predictor's per-frame outputs,
then runs Sam2ParityTest's full-size case on them through Maven, which prints the parity figures
(max |low-res logit| difference, object score, IoU, mask IoU) and each graph's ms per call. Only
the export and the PyTorch run are timed here; the Java figures are ONNX Runtime Java's.

EdgeTAM: its repository ships the older predictor, which encodes the prompted frames of all objects
in one batch; sam2_torch.fix_edgetam_batched_perceiver makes the one `view` that fails on a batch of
two a `reshape` (values unchanged). Both objects are prompted on frame 0, where the older and the
current predictor agree.
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tracker", "src", "test", "python"))
import sam2_torch  # noqa: E402


def render(f, s):
    """The parity clip's scene at s x s: red square moving right, blue disc moving up-left."""
    k = s / 128.0
    yy, xx = np.mgrid[0:s, 0:s].astype(np.float64) / k
    img = np.stack([60 + 40 * np.sin(xx / 17.0), 70 + 30 * np.cos(yy / 23.0), 80 + 0.3 * xx], axis=-1)
    x0 = 14 + 4 * f
    img[(xx >= x0) & (xx < x0 + 26) & (yy >= 50) & (yy < 76)] = (220, 30, 30)
    cx, cy = 96 - 1.5 * f, 100 - 2.0 * f
    img[(xx - cx) ** 2 + (yy - cy) ** 2 <= 11 ** 2] = (30, 40, 230)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sam2-root", required=True, help="facebookresearch/sam2 (or EdgeTAM) checkout")
    ap.add_argument("--layout", choices=["sam2", "edgetam"], default="sam2")
    ap.add_argument("--config", default="configs/sam2.1/sam2.1_hiera_t.yaml")
    ap.add_argument("--checkpoint")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--frames", type=int, default=4)
    ap.add_argument("--score-bias", type=float, default=0.0,
                    help="added to the object-score head's last bias (random weights only): random weights can leave both "
                         "objects hidden on every frame (empty masks on both sides, a weak check); the model stays the "
                         "architecture with fixed weights, the same on both sides")
    ap.add_argument("--timm-root", help="pytorch-image-models checkout for EdgeTAM's RepViT trunk when timm is not installed "
                                        "(default: $TIMM_ROOT, else tracker/export/.third_party/timm)")
    ap.add_argument("--threads", type=int, default=0, help="ONNX Runtime intra-op threads for the Java run (0 = default)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    sam2_torch.import_sam2(args.sam2_root, args.timm_root)
    if args.layout == "edgetam":
        sam2_torch.fix_edgetam_batched_perceiver()
    import make_sam2_parity as parity
    from export_sam2_bundle import export_bundle

    torch.manual_seed(args.seed)
    m = sam2_torch.build_model(args.config, args.checkpoint)
    if args.score_bias:
        if args.checkpoint:
            raise SystemExit("--score-bias is for random weights only")
        head = m.sam_mask_decoder.pred_obj_score_head
        with torch.no_grad():
            (head.layers[-1] if hasattr(head, "layers") else head).bias += args.score_bias
    s = m.image_size
    k = s / 128.0
    prompts = [(0, 1, [14 * k, 50 * k, 40 * k, 76 * k], None, None), (0, 2, None, [[96 * k, 100 * k]], [1])]
    frames = [render(f, s) for f in range(args.frames)]
    t0 = time.time()
    name = os.path.splitext(os.path.basename(args.checkpoint))[0] if args.checkpoint else f"random-seed{args.seed}"
    export_bundle(m, args.layout, args.out, name)
    t1 = time.time()
    steps = parity.run_predictor(m, frames, prompts)
    t2 = time.time()
    parity.write_reference(args.out, frames, steps, prompts, {"seed": args.seed, "checkpoint": args.checkpoint, "score_bias": args.score_bias})
    print(f"export + ORT check {t1 - t0:.1f} s (1-min load average now {os.getloadavg()[0]:.1f}); PyTorch predictor {t2 - t1:.1f} s for {len(frames)} frames x 2 objects")
    for st in steps:
        print(f"  PyTorch frame {st['frame']} obj {st['object']} score {st['object_score']:+.3f} iou {st['iou']:.3f} mask px {int(st['video_mask'].sum())}")
    cmd = [os.path.join(ROOT, "mvnw"), "-B", "-q", "-o", "-pl", "tracker", "-am", "test", "-Dtest=Sam2ParityTest#a_full_size_bundle*",
           "-Dsurefire.failIfNoSpecifiedTests=false", f"-Dkeyframe.sam2.parity={os.path.abspath(args.out)}", f"-Dkeyframe.sam2.threads={args.threads}"]
    print("running", " ".join(cmd), flush=True)
    load0 = os.getloadavg()[0]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    # the timings are wall times: say what else the machine was doing
    print(f"machine: {os.cpu_count()} CPUs, 1-min load average {load0:.1f} before and {os.getloadavg()[0]:.1f} after the Java run")
    for line in (res.stdout + res.stderr).splitlines():
        if "parity vs" in line or "ms per call" in line or "Expecting" in line or "AssertionError" in line or line.startswith("  "):
            print(line)
    sys.exit(res.returncode)


if __name__ == "__main__":
    main()
