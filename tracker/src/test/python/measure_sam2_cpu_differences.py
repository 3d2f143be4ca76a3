#!/usr/bin/env python3
"""Measures what the official SAM2VideoPredictor does differently from keyframe's Java loop on CPU,
predictor against predictor (the official code on both sides, one thing changed), on the parity
models and clip of make_sam2_parity.py (test size, random weights, the committed seeds/scales).
Prints the figures tracker/README.md quotes; writes nothing.

1. Hole filling (fill_hole_area = 8, from build_sam2_video_predictor): the predictor fills background
   components of <= 8 low-res pixels (8-connected, scores <= 0) with 0.1, using SAM 2's CUDA
   extension (sam2._C.get_connected_componnets); on CPU without it the predictor warns and skips, and
   so does keyframe. Here that kernel is emulated with scipy.ndimage.label (8-connectivity, component
   area per pixel) so the predictor runs as it would where the extension is built. The filled masks
   are stored as the frame's output and, on prompted frames, are what the memory encoder sees
   (propagate_in_video_preflight encodes them), so the effect propagates.
2. Frame resizing: the predictor loads frames with sam2.utils.misc._load_img_as_tensor (PIL
   Image.resize to S x S, Pillow's default BICUBIC with its antialiasing support, then uint8 /255);
   keyframe resizes with ImageTensor.resizedRgb (2-tap bilinear at pixel centres, no antialiasing,
   no uint8 rounding). The clip is rendered at 384 x 216 (a 16:9 video, squashed to S x S as SAM 2
   does); the predictor runs once on each resizing.

3. EdgeTAM's conditioning frames (--layout edgetam): EdgeTAM ships the older predictor, which keeps
   one set of conditioning frames for all objects; keyframe keeps them per object (the current
   predictor's rule). With the SAM 2.1 parity prompts (object 1 re-initialised on frame 6, object 2
   not) EdgeTAM's predictor is run once with both objects (shared frames: on frame 6 object 2 gets a
   conditioning memory of the consolidated output, where it has none yet) and once per object
   (one object per inference state: its own conditioning frames, i.e. keyframe's rule).

Run (Debian packages + python3-scipy; sources as for make_sam2_parity.py):
    /usr/bin/python3 tracker/src/test/python/measure_sam2_cpu_differences.py                  # SAM 2.1
    /usr/bin/python3 tracker/src/test/python/measure_sam2_cpu_differences.py --layout edgetam
"""
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_sam2_parity as parity  # noqa: E402
from make_sam2_parity import ROOT, sam2_torch  # noqa: E402

# layout -> (seed, score scale, score bias) as committed (make_sam2_parity.py's docstring)
SETTINGS = {"sam2": (2, 417.4, 41.897), "edgetam": (4, 233.4, -11.609)}


def build(layout):
    config, _, _, prompts = parity.LAYOUTS[layout]
    seed, scale, bias = SETTINGS[layout]
    torch.manual_seed(seed)
    m = sam2_torch.build_model(os.path.join(ROOT, "tracker", "export", "configs", config))
    with torch.no_grad():
        last = m.sam_mask_decoder.pred_obj_score_head.layers[-1]
        last.weight *= scale
        last.bias *= scale
        last.bias += bias
    return m, prompts


def connected_components(mask):
    """sam2._C.get_connected_componnets on CPU: (labels, area of each pixel's component), 8-connected."""
    from scipy import ndimage

    m = mask.to(torch.uint8).numpy()
    labels = np.zeros(m.shape, np.int32)
    counts = np.zeros(m.shape, np.int32)
    for i in range(m.shape[0]):
        lab, n = ndimage.label(m[i, 0], structure=np.ones((3, 3), np.int32))
        area = np.bincount(lab.ravel(), minlength=n + 1)
        area[0] = 0
        labels[i, 0], counts[i, 0] = lab, area[lab]
    return torch.from_numpy(labels), torch.from_numpy(counts)


def compare(name, a, b):
    """Prints how run b's per-step outputs differ from run a's."""
    logit = score = 0.0
    changed, px, worst_iou = 0, 0, 1.0
    for sa, sb in zip(a, b):
        assert (sa["frame"], sa["object"]) == (sb["frame"], sb["object"])
        d = float(np.abs(sa["low_res"] - sb["low_res"]).max())
        logit = max(logit, d)
        score = max(score, abs(sa["object_score"] - sb["object_score"]))
        flips = int(((sa["low_res"] > 0) != (sb["low_res"] > 0)).sum())
        changed += flips > 0
        px = max(px, flips)
        ma, mb = sa["video_mask"], sb["video_mask"]
        union = int((ma | mb).sum())
        worst_iou = min(worst_iou, (int((ma & mb).sum()) / union) if union else 1.0)
    print(f"{name}: {len(a)} steps; steps whose low-res mask changed {changed}; most low-res pixels flipped in a step {px}; "
          f"max |low-res logit diff| {logit:.3g}; max |object score diff| {score:.3g}; min video-mask IoU {worst_iou:.6f}")


def hole_filling(layout):
    from sam2.utils import misc

    m, prompts = build(layout)
    frames = [parity.render(f) for f in range(parity.N_FRAMES)]
    cpu = parity.run_predictor(m, frames, prompts)
    ref = np.fromfile(os.path.join(ROOT, "tracker", "src", "test", "resources", "io", "keyframe", "tracker", "sam2",
                                   parity.LAYOUTS[layout][2], "reference_low_res.f32"), "<f4")
    same = np.array_equal(ref, np.stack([s["low_res"] for s in cpu]).astype("<f4").ravel())
    print(f"{layout} test size: CPU run reproduces the committed reference exactly: {same}")
    original = misc.get_connected_components
    misc.get_connected_components = connected_components
    try:
        filled = parity.run_predictor(m, frames, prompts)
    finally:
        misc.get_connected_components = original
    holes = sum(int(((s["low_res"] > 0) != (c["low_res"] > 0)).sum()) for s, c in zip(filled, cpu))
    print(f"{layout} test size: low-res pixels filled over the clip {holes}")
    compare(f"{layout} test size, hole filling on (as with the CUDA extension) vs off (CPU)", cpu, filled)


def render_video(f, w, h):
    """make_sam2_parity.render's scene drawn at w x h (the 128 x 128 scene stretched)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    yy, xx = (yy + 0.5) * parity.SIZE / h - 0.5, (xx + 0.5) * parity.SIZE / w - 0.5
    img = np.stack([60 + 40 * np.sin(xx / 17.0), 70 + 30 * np.cos(yy / 23.0), 80 + 0.3 * xx], axis=-1)
    x0, y0, x1, y1 = parity.square_box(f)
    img[(xx >= x0 - 0.5) & (xx < x1 - 0.5) & (yy >= y0 - 0.5) & (yy < y1 - 0.5)] = (220, 30, 30)
    cx, cy = 96 - 1.5 * f, 100 - 2.0 * f
    img[(xx - cx) ** 2 + (yy - cy) ** 2 <= 11 ** 2] = (30, 40, 230)
    if f in parity.HIDDEN:
        img[(yy >= 39.5) & (xx >= 59.5)] = (128, 128, 128)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def keyframe_resize(rgb, s):
    """io.keyframe.tracker.detector.ImageTensor.resizedRgb in numpy: [3,s,s] in 0..1."""
    h, w, _ = rgb.shape
    c = (np.arange(s) + 0.5)
    sy = np.clip(c * h / s - 0.5, 0, h - 1)
    sx = np.clip(c * w / s - 0.5, 0, w - 1)
    y0, x0 = sy.astype(int), sx.astype(int)
    y1, x1 = np.minimum(h - 1, y0 + 1), np.minimum(w - 1, x0 + 1)
    fy, fx = (sy - y0)[:, None, None], (sx - x0)[None, :, None]
    p = rgb.astype(np.float64)
    v = (1 - fy) * ((1 - fx) * p[y0][:, x0] + fx * p[y0][:, x1]) + fy * ((1 - fx) * p[y1][:, x0] + fx * p[y1][:, x1])
    return torch.from_numpy((v / 255.0).astype(np.float32)).permute(2, 0, 1)


def resizing(layout, w=384, h=216, case_out=None):
    """case_out: also write a Sam2ParityTest case there (the committed bundle, the 384 x 216 clip, the
    predictor's outputs on keyframe's resizing), so the Java loop is compared at a video size that
    is not the model's (prompt scaling, upsampling to the video size) with equal inputs."""
    import shutil
    import tempfile

    from sam2.utils import misc

    m, prompts = build(layout)
    s = m.image_size
    frames = [render_video(f, w, h) for f in range(parity.N_FRAMES)]
    kx, ky = w / parity.SIZE, h / parity.SIZE
    scaled = [(f, o, [b[0] * kx, b[1] * ky, b[2] * kx, b[3] * ky] if b else None,
               [[p[0] * kx, p[1] * ky] for p in pts] if pts else None, lbl) for f, o, b, pts, lbl in prompts]
    tmp = tempfile.mkdtemp(prefix="sam2-resize-")
    pil = []
    for i, fr in enumerate(frames):
        path = os.path.join(tmp, f"{i:05d}.png")
        parity.write_png(path, fr)
        img, _, _ = misc._load_img_as_tensor(path, s)  # the predictor's own loader (PIL, lossless PNG)
        pil.append(img.float())
    pil = torch.stack(pil)
    ours = torch.stack([keyframe_resize(fr, s) for fr in frames])
    d = (pil - ours).abs()
    print(f"{layout} test size, {w}x{h} -> {s}x{s}: input pixel |PIL bicubic - keyframe bilinear| max {d.max():.4f} mean {d.mean():.4f} (0..1 scale)")
    a = parity.run_predictor(m, frames, scaled, images=pil)
    b = parity.run_predictor(m, frames, scaled, images=ours)
    compare(f"{layout} test size, keyframe's bilinear resize vs the predictor's PIL resize", a, b)
    if case_out:
        bundle = os.path.join(ROOT, "tracker", "src", "test", "resources", "io", "keyframe", "tracker", "sam2", parity.LAYOUTS[layout][2])
        os.makedirs(case_out, exist_ok=True)
        for f in os.listdir(bundle):
            if f.endswith(".onnx") or f == "manifest.json":
                shutil.copy(os.path.join(bundle, f), case_out)
        parity.write_reference(case_out, frames, b, scaled, {"layout": layout, "note": f"{w}x{h} video, keyframe's resize on both sides"})
        print("wrote", case_out)


def shared_conditioning():
    m, _ = build("edgetam")
    frames = [parity.render(f) for f in range(parity.N_FRAMES)]
    together = parity.run_predictor(m, frames, parity.PROMPTS)
    alone = {}
    for obj in sorted({p[1] for p in parity.PROMPTS}):
        for st in parity.run_predictor(m, frames, [p for p in parity.PROMPTS if p[1] == obj]):
            alone[(st["frame"], st["object"])] = st
    compare("edgetam test size, per-object conditioning frames (keyframe) vs EdgeTAM's shared ones, object 1 re-initialised on "
            "frame 6", together, [alone[(st["frame"], st["object"])] for st in together])


def main():
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layout", choices=sorted(SETTINGS), default="sam2")
    ap.add_argument("--sam2-root", help="default: tracker/export/.third_party/{sam2,EdgeTAM}")
    ap.add_argument("--video-size-case", metavar="DIR", help="also write a Sam2ParityTest case at 384 x 216 to DIR, then run: "
                    "./mvnw -B -q -o -pl tracker -am test -Dtest='Sam2ParityTest#a_full_size_bundle*' "
                    "-Dsurefire.failIfNoSpecifiedTests=false -Dkeyframe.sam2.parity=DIR")
    args = ap.parse_args()
    sources = parity.LAYOUTS[args.layout][1]
    sam2_torch.import_sam2(args.sam2_root or os.path.join(ROOT, "tracker", "export", ".third_party", sources))
    if args.layout == "edgetam":
        sam2_torch.fix_edgetam_batched_perceiver()
    hole_filling(args.layout)
    resizing(args.layout, case_out=args.video_size_case)
    if args.layout == "edgetam":
        shared_conditioning()


if __name__ == "__main__":
    main()
