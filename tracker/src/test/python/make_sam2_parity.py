#!/usr/bin/env python3
"""Parity data for Sam2ParityTest: a test-size SAM 2.1 model, its keyframe bundle, a clip, and what the
official SAM2VideoPredictor computes on it.

Model: the real SAM 2.1 classes (facebookresearch/sam2) from tracker/export/configs/sam2.1_hiera_mini_test.yaml
(small widths/depths, 128 x 128 input), random weights from torch.manual_seed(--seed), built with
sam2.build_sam.build_sam2_video_predictor's overrides (dynamic multimask via stability, binarised
prompt masks for the memory encoder, fill_hole_area 8 -- skipped by SAM 2 itself on CPU without its
CUDA extension). The bundle is written by tracker/export/export_sam2_bundle.py's export_bundle (so
the same script and checks users run).

Clip: 12 frames of 128 x 128 (the model's input size, so no resampling on either side): a red square
(object 1) moving right, a blue disc (object 2) that a grey panel covers on frames 5-7 and that
comes back on frame 8. Prompts, all given before propagation as a keyframe file would give them:
object 1 a box on frame 0 and a re-initialising box on frame 6; object 2 a single positive click on
frame 0 (the multimask path).

Reference: per frame and object the stored low-res mask logits (pred_masks), object-score logit, the
predicted IoU of the mask kept, whether the multimask head was used, the memory frames and pointer
frames/offsets the predictor attended to, and the video-resolution binary mask.

Random weights give object scores that hardly depend on the image, so the object-score head's last
layer is scaled and shifted (--score-scale, --score-bias) to put the threshold between the occluded and
the visible frames: found by trying seeds 0-9, running the predictor once with the plain head and
taking scale = 2 / gap and the midpoint of the gap between object 2's occluded (5-7) and returned
(8-11) scores. The model is still the architecture with fixed random weights; both sides use the same.

EdgeTAM (--layout edgetam, configs/edgetam_mini_test.yaml, facebookresearch/EdgeTAM sources): the
same clip, both objects prompted on frames 0 and 9 (EdgeTAM's older predictor shares conditioning
frames across objects); its PerceiverResampler.forward_2d fails on two objects at once (a .view of an
expanded tensor), so sam2_torch.fix_edgetam_batched_perceiver makes that view a reshape.

Run once (Debian: apt-get install python3-torch python3-onnx python3-omegaconf python3-numpy python3-tqdm
python3-pil; the sam2 sources fetched into tracker/export/.third_party/sam2, never committed):
    ./mvnw -B -q -pl tracker -am compile     # ONNX Runtime Java for the export's check
    /usr/bin/python3 tracker/src/test/python/make_sam2_parity.py       # parity-sam2.1 (seed 2, 417.4, 41.897)
    /usr/bin/python3 tracker/src/test/python/make_sam2_parity.py --layout edgetam --seed 4 \
        --score-scale 233.4 --score-bias -11.609                           # parity-edgetam

Last run: for the object-batch export (per-object graphs with a dynamic object axis, checked at 1
and 3 objects), both commands above, sources = the facebookresearch/sam2 (2b90b9f) and EdgeTAM
(9cc44bf) snapshots extracted with `git archive HEAD sam2`. The predictor's references (frames,
reference_low_res.f32, reference_masks.bits, the steps in reference.json) came out byte for byte as
before; the memory-attention, decoder and memory-encoder graphs and the manifest's object_batch
changed, and a second run reproduced them byte for byte.
"""
import argparse
import json
import os
import sys
import tempfile

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tracker", "export"))
import sam2_torch  # noqa: E402

N_FRAMES, SIZE = 12, 128
HIDDEN = range(5, 8)
PROMPTS = [  # (frame, object id, box xyxy or None, points [[x, y]], labels)
    (0, 1, [14, 50, 40, 76], None, None),
    (0, 2, None, [[96, 100]], [1]),
    (6, 1, [38, 50, 64, 76], None, None),
]
# EdgeTAM ships the older SAM 2 predictor, which keeps one set of conditioning frames for all objects;
# with every object prompted on the same frames it runs the same per-object steps as the current one.
PROMPTS_SHARED = [
    (0, 1, [14, 50, 40, 76], None, None),
    (0, 2, None, [[96, 100]], [1]),
    (9, 1, [50, 50, 76, 76], None, None),
    (9, 2, None, [[82, 82]], [1]),
]
LAYOUTS = {  # layout -> (config, sources, output folder name, prompts)
    "sam2": ("sam2.1_hiera_mini_test.yaml", "sam2", "parity-sam2.1", PROMPTS),
    "edgetam": ("edgetam_mini_test.yaml", "EdgeTAM", "parity-edgetam", PROMPTS_SHARED),
}


def square_box(f):
    x = 14 + 4 * f
    return x, 50, x + 26, 76


def render(f):
    """Frame f as uint8 [H, W, 3]: smooth background, red square, blue disc, grey occluder."""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    img = np.stack([60 + 40 * np.sin(xx / 17.0), 70 + 30 * np.cos(yy / 23.0), 80 + 0.3 * xx], axis=-1)
    x0, y0, x1, y1 = square_box(f)
    img[y0:y1, x0:x1] = (220, 30, 30)
    cx, cy = 96 - 1.5 * f, 100 - 2.0 * f
    img[(xx - cx) ** 2 + (yy - cy) ** 2 <= 11 ** 2] = (30, 40, 230)
    if f in HIDDEN:
        img[40:128, 60:128] = (128, 128, 128)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def write_png(path, rgb):
    from PIL import Image

    Image.fromarray(rgb, "RGB").save(path)


def run_predictor(predictor, frames, prompts=PROMPTS, images=None):
    """The official predictor over the clip, instrumented; returns per (frame, obj) records.
    images: the model-size input [N,3,S,S] in 0..1 to use instead of the frames' own pixels (for
    frames not at the model's size; default: frames, which then must be S x S)."""
    from sam2.modeling import sam2_base

    from PIL import Image

    tmp = tempfile.mkdtemp(prefix="sam2-parity-")
    for i, fr in enumerate(frames):
        Image.fromarray(fr).save(os.path.join(tmp, f"{i:05d}.jpg"))
    state = predictor.init_state(video_path=tmp)
    # init_state decodes JPEGs; replace them by the exact pixels keyframe reads from the PNGs
    # (same formula as sam2.utils.misc.load_video_frames: /255, minus mean, over std).
    mean = torch.tensor([0.485, 0.456, 0.406]).reshape(3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).reshape(3, 1, 1)
    if images is None:
        imgs = torch.from_numpy(np.stack(frames).astype(np.float64) / 255.0).permute(0, 3, 1, 2).float()
    else:
        imgs = images.float()
    state["images"] = (imgs - mean) / std
    state["cached_features"] = {}

    ctx = {}
    heads, memsel = {}, {}
    orig_heads = predictor._forward_sam_heads
    orig_single = predictor._run_single_frame_inference
    orig_prepare = predictor._prepare_memory_conditioned_features
    orig_select = sam2_base.select_closest_cond_frames

    def objects():
        # the object a call runs on, or every object (EdgeTAM's older predictor batches them)
        return [ctx["obj"]] if ctx["obj"] is not None else list(range(len(state["obj_ids"])))

    def heads_hook(*a, **kw):
        out = orig_heads(*a, **kw)
        multi = kw.get("multimask_output", False)
        ious = out[2]
        for b, obj in enumerate(objects()):
            heads[(ctx["frame"], obj)] = (bool(multi), float(ious[b].max() if multi else ious[b, 0]))
        return out

    def single_hook(**kw):
        ctx["frame"] = kw["frame_idx"]
        ctx["obj"] = next((i for i, d in state["output_dict_per_obj"].items() if d is kw["output_dict"]), None)
        return orig_single(**kw)

    def select_hook(frame_idx, cond, max_cond):
        sel, unsel = orig_select(frame_idx, cond, max_cond)
        ctx["selected"], ctx["unselected"] = sel, unsel
        return sel, unsel

    class Recording(dict):
        def get(self, k, default=None):
            ctx["gets"].append((k, k in self or default is not None))
            return super().get(k, default)

    def prepare_hook(**kw):
        ctx["gets"] = []
        od = kw["output_dict"]
        plain = od["non_cond_frame_outputs"]
        od["non_cond_frame_outputs"] = Recording(plain)
        try:
            res = orig_prepare(**kw)
        finally:
            od["non_cond_frame_outputs"] = plain
        f = kw["frame_idx"]
        if kw["is_init_cond_frame"]:
            sel = ([], [])
        else:
            n_mem = predictor.num_maskmem - 1
            gets = ctx["gets"]
            mem = list(ctx["selected"]) + [k for k, found in gets[:n_mem] if found]
            ptrs = [(t, f - t) for t in ctx["selected"] if t <= f] + [(k, f - k) for k, found in gets[n_mem:] if found]
            sel = (mem, ptrs)
        for obj in objects():
            memsel[(f, obj)] = sel
        return res

    predictor._forward_sam_heads = heads_hook
    predictor._run_single_frame_inference = single_hook
    predictor._prepare_memory_conditioned_features = prepare_hook
    sam2_base.select_closest_cond_frames = select_hook
    try:
        for f, obj, box, pts, lbl in prompts:
            predictor.add_new_points_or_box(state, frame_idx=f, obj_id=obj, box=box, points=pts, labels=lbl)
        video_masks = {}
        for f, obj_ids, masks in predictor.propagate_in_video(state):
            for i, oid in enumerate(obj_ids):
                video_masks[(f, oid)] = (masks[i, 0] > 0).numpy()
    finally:
        predictor._forward_sam_heads = orig_heads
        predictor._run_single_frame_inference = orig_single
        predictor._prepare_memory_conditioned_features = orig_prepare
        sam2_base.select_closest_cond_frames = orig_select

    steps = []
    for f in range(len(frames)):
        for idx, oid in enumerate(state["obj_ids"]):
            od = state["output_dict_per_obj"][idx]
            cond = f in od["cond_frame_outputs"]
            out = od["cond_frame_outputs"][f] if cond else od["non_cond_frame_outputs"][f]
            # no head call and no memory selection: an object on another object's conditioning frame
            # under EdgeTAM's shared conditioning frames (its output is the consolidated placeholder)
            multi, iou = heads.get((f, idx), (None, float("nan")))
            mem, ptrs = memsel.get((f, idx), ([], []))
            steps.append({
                "frame": f, "object": oid, "conditioning": cond, "multimask": multi, "iou": iou,
                "object_score": float(out["object_score_logits"][0, 0]),
                "memory_frames": [int(x) for x in mem], "pointer_frames": [int(t) for t, _ in ptrs],
                "pointer_offsets": [int(d) for _, d in ptrs],
                "low_res": out["pred_masks"][0, 0].float().numpy(), "video_mask": video_masks[(f, oid)],
            })
    return steps


def write_reference(out, frames, steps, prompts, meta):
    """frames/*.png, reference_low_res.f32 (steps x low-res, float32 LE), reference_masks.bits
    (steps x H x W, numpy.packbits) and reference.json (what Sam2ParityTest reads)."""
    frames_dir = os.path.join(out, "frames")
    os.makedirs(frames_dir, exist_ok=True)
    for i, fr in enumerate(frames):
        write_png(os.path.join(frames_dir, f"{i:05d}.png"), fr)
    np.stack([s["low_res"] for s in steps]).astype("<f4").tofile(os.path.join(out, "reference_low_res.f32"))
    np.packbits(np.stack([s["video_mask"] for s in steps]).reshape(-1)).tofile(os.path.join(out, "reference_masks.bits"))
    ref = {
        "generator": "tracker/src/test/python/make_sam2_parity.py",
        "predictor": "sam2.sam2_video_predictor.SAM2VideoPredictor (facebookresearch/sam2), CPU, torch " + torch.__version__,
        **meta,
        "frames": len(frames), "width": int(frames[0].shape[1]), "height": int(frames[0].shape[0]),
        "low_res_shape": list(steps[0]["low_res"].shape),
        "prompts": [{"frame": f, "object": o, "box": b, "points": p, "labels": l} for f, o, b, p, l in prompts],
        "steps": [{k: v for k, v in s.items() if k not in ("low_res", "video_mask")} for s in steps],
    }
    with open(os.path.join(out, "reference.json"), "w") as fh:
        json.dump(ref, fh, indent=1)
        fh.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layout", choices=sorted(LAYOUTS), default="sam2")
    ap.add_argument("--sam2-root", help="default: tracker/export/.third_party/{sam2,EdgeTAM}")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--score-scale", type=float, default=417.4,
                    help="multiplies the object-score head's last layer (weights and bias, before --score-bias)")
    ap.add_argument("--score-bias", type=float, default=41.897,
                    help="added to the object-score head's last bias, so random weights give visible objects")
    ap.add_argument("--out", help="default: src/test/resources/io/keyframe/tracker/sam2/parity-<layout>")
    ap.add_argument("--dry-run", action="store_true", help="print the reference summary, write nothing")
    args = ap.parse_args()
    config, sources, folder, prompts = LAYOUTS[args.layout]
    out = args.out or os.path.join(ROOT, "tracker", "src", "test", "resources", "io", "keyframe", "tracker", "sam2", folder)
    sam2_torch.import_sam2(args.sam2_root or os.path.join(ROOT, "tracker", "export", ".third_party", sources))
    if args.layout == "edgetam":
        sam2_torch.fix_edgetam_batched_perceiver()
    torch.manual_seed(args.seed)
    m = sam2_torch.build_model(os.path.join(ROOT, "tracker", "export", "configs", config))
    with torch.no_grad():
        last = m.sam_mask_decoder.pred_obj_score_head.layers[-1]
        last.weight *= args.score_scale
        last.bias *= args.score_scale
        last.bias += args.score_bias
    frames = [render(f) for f in range(N_FRAMES)]
    steps = run_predictor(m, frames, prompts)
    for s in steps:
        print(f"frame {s['frame']:2d} obj {s['object']} cond={int(s['conditioning'])} multi={int(s['multimask'])} "
              f"score={s['object_score']:+.3f} iou={s['iou']:.3f} area={int(s['video_mask'].sum()):5d} "
              f"mem={s['memory_frames']} ptr={s['pointer_frames']}")
    if args.dry_run:
        return
    os.makedirs(out, exist_ok=True)
    from export_sam2_bundle import export_bundle

    # model name without the folder's "parity-" (Sam2TrackJobTest reads "sam2.1-mini-test-seed2")
    export_bundle(m, args.layout, out, f"{folder.removeprefix('parity-')}-mini-test-seed{args.seed}")
    write_reference(out, frames, steps, prompts, {"layout": args.layout, "seed": args.seed, "score_scale": args.score_scale, "score_bias": args.score_bias})
    print("written", out)


if __name__ == "__main__":
    main()
