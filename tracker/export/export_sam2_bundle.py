#!/usr/bin/env python3
"""Export a SAM 2 / SAM 2.1 or EdgeTAM checkpoint to a keyframe SAM 2 bundle (split ONNX + manifest.json).

Run this where PyTorch and the official code + checkpoints are available (keyframe itself never
downloads weights and never needs Python at run time):

    # SAM 2.1 tiny / small (github.com/facebookresearch/sam2, `pip install -e .` in its checkout)
    python export_sam2_bundle.py --layout sam2 --config configs/sam2.1/sam2.1_hiera_t.yaml \
        --checkpoint checkpoints/sam2.1_hiera_tiny.pt --out bundles/sam2.1_tiny
    python export_sam2_bundle.py --layout sam2 --config configs/sam2.1/sam2.1_hiera_s.yaml \
        --checkpoint checkpoints/sam2.1_hiera_small.pt --out bundles/sam2.1_small
    # EdgeTAM (github.com/facebookresearch/EdgeTAM, same `sam2` package layout)
    python export_sam2_bundle.py --layout edgetam --config configs/edgetam.yaml \
        --checkpoint checkpoints/edgetam.pt --out bundles/edgetam

Then: ./keyframe track --video clip.mp4 --sam2 bundles/sam2.1_tiny --keyframes boxes.xml --out out/

Graphs and tensor names (keyframe's logical names; the manifest maps them if you rename):
  image_encoder (sam2) / vision_encoder (edgetam):
      image [1,3,S,S] -> vision_feats [1,C,H,W], vision_pos [1,C,H,W], high_res_0 [1,C/8,4H,4W],
                         high_res_1 [1,C/4,2H,2W], (sam2 only) no_mem_feats [1,C,H,W]
  no_memory_embedding (edgetam): vision_feats -> no_mem_feats
  memory_attention:
      curr, curr_pos [1,C,H,W]; mem_feats, mem_pos [K,...memory shape]; mem_tpos int64 [K] (index into
      maskmem_tpos_enc); mem_valid [K] (1 = used); obj_ptrs [P,C]; obj_ptr_tpos int64 [P] (frame offset);
      ptr_valid [P]  ->  fused [1,C,H,W]
      K = max_cond_frames + num_maskmem - 1, P = max_object_pointers. Unused slots are dropped inside
      the graph by their valid flag, so the Java loop always feeds fixed shapes.
  mask_decoder (sam2) / video_mask_decoder (edgetam), prompt encoder fused:
      image_embed [1,C,H,W], high_res_0, high_res_1, point_coords [1,N,2] (pixels of the S x S input),
      point_labels [1,N] float (1 fg, 0 bg, 2/3 box corners, -1 padding)
      -> low_res_masks [1,1,4H,4W] (logits), iou_scores [1,1], obj_ptr [1,C], object_score_logits [1,1]
  memory_encoder: pix_feat [1,C,H,W], mask_logits [1,1,4H,4W], object_score_logits [1,1]
      -> maskmem_features, maskmem_pos_enc (same shape: [1,Dm,H,W] for SAM 2; EdgeTAM's spatial
         perceiver makes them token sequences)

Known simplifications against the PyTorch predictor (documented in tracker/README.md):
  - the decoder always uses SAM 2's multimask path and keeps the best-IoU mask (the PyTorch
    predictor uses the single-mask head for box / multi-point prompts);
  - memories of prompted frames are encoded from the sigmoid mask, not the binarised one;
  - object-pointer temporal encodings are normalised by max_object_pointers - 1 (long videos).
This script was written against facebookresearch/sam2's SAM2Base; it has not been run in the
keyframe build environment (no PyTorch or checkpoints there).
"""
import argparse
import json
import os

import torch
import torch.nn.functional as F
from torch import nn

from sam2.build_sam import build_sam2
from sam2.modeling.sam2_utils import get_1d_sine_pe

OPSET = 17


def to_map(x, h, w):
    """[HW, 1, C] sequence -> [1, C, H, W] map."""
    return x.permute(1, 2, 0).reshape(1, -1, h, w)


class ImageEncoder(nn.Module):
    def __init__(self, m, with_no_mem):
        super().__init__()
        self.m, self.with_no_mem = m, with_no_mem

    def forward(self, image):
        out = self.m.forward_image(image)
        _, feats, pos, sizes = self.m._prepare_backbone_features(out)
        (h0, w0), (h1, w1), (h, w) = sizes[0], sizes[1], sizes[-1]
        vision = to_map(feats[-1], h, w)
        res = [vision, to_map(pos[-1], h, w), to_map(feats[0], h0, w0), to_map(feats[1], h1, w1)]
        if self.with_no_mem:
            res.append(to_map(feats[-1] + self.m.no_mem_embed, h, w))
        return tuple(res)


class NoMemoryEmbedding(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, vision_feats):
        return vision_feats + self.m.no_mem_embed.reshape(1, -1, 1, 1)


class MemoryAttention(nn.Module):
    def __init__(self, m, max_ptrs):
        super().__init__()
        self.m, self.max_ptrs = m, max_ptrs

    def forward(self, curr, curr_pos, mem_feats, mem_pos, mem_tpos, mem_valid, obj_ptrs, obj_ptr_tpos, ptr_valid):
        b, c, h, w = curr.shape
        keep = torch.nonzero(mem_valid > 0.5).squeeze(1)
        feats = mem_feats.index_select(0, keep)
        pos = mem_pos.index_select(0, keep)
        tpos = self.m.maskmem_tpos_enc.index_select(0, mem_tpos.index_select(0, keep))  # [k,1,1,Dm]
        dm = self.m.mem_dim
        feats = feats.reshape(feats.shape[0], dm, -1).permute(0, 2, 1).reshape(-1, 1, dm)
        pos = (pos.reshape(pos.shape[0], dm, -1).permute(0, 2, 1) + tpos.reshape(-1, 1, dm)).reshape(-1, 1, dm)
        pkeep = torch.nonzero(ptr_valid > 0.5).squeeze(1)
        ptrs = obj_ptrs.index_select(0, pkeep).unsqueeze(1)                      # [p,1,C]
        offsets = obj_ptr_tpos.index_select(0, pkeep).float()
        tpos_dim = c if self.m.proj_tpos_enc_in_obj_ptrs else dm
        ppos = get_1d_sine_pe(offsets / (self.max_ptrs - 1), dim=tpos_dim)
        ppos = self.m.obj_ptr_tpos_proj(ppos).unsqueeze(1)                      # [p,1,Dm]
        if dm < c:
            ptrs = ptrs.reshape(-1, 1, c // dm, dm).permute(0, 2, 1, 3).flatten(0, 1)
            ppos = ppos.repeat_interleave(c // dm, dim=0)
        memory = torch.cat([feats, ptrs], dim=0)
        memory_pos = torch.cat([pos, ppos], dim=0)
        seq = curr.flatten(2).permute(2, 0, 1)
        seq_pos = curr_pos.flatten(2).permute(2, 0, 1)
        fused = self.m.memory_attention(curr=[seq], curr_pos=[seq_pos], memory=memory, memory_pos=memory_pos,
                                        num_obj_ptr_tokens=ptrs.shape[0])
        return fused.permute(1, 2, 0).reshape(b, c, h, w)


class MaskDecoder(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, image_embed, high_res_0, high_res_1, point_coords, point_labels):
        out = self.m._forward_sam_heads(
            backbone_features=image_embed,
            point_inputs={"point_coords": point_coords, "point_labels": point_labels.to(torch.int32)},
            mask_inputs=None, high_res_features=[high_res_0, high_res_1], multimask_output=True)
        _, _, ious, low_res_masks, _, obj_ptr, object_score_logits = out
        return low_res_masks, ious.max(dim=1, keepdim=True).values, obj_ptr, object_score_logits


class MemoryEncoder(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, pix_feat, mask_logits, object_score_logits):
        b, c, h, w = pix_feat.shape
        high = F.interpolate(mask_logits, size=(self.m.image_size, self.m.image_size), mode="bilinear", align_corners=False)
        feats, pos = self.m._encode_new_memory(
            current_vision_feats=[pix_feat.flatten(2).permute(2, 0, 1)], feat_sizes=[(h, w)],
            pred_masks_high_res=high, object_score_logits=object_score_logits, is_mask_from_pts=False)
        return feats, pos[-1]


def export(module, args, names_in, names_out, path, dynamic=None):
    torch.onnx.export(module, args, path, input_names=names_in, output_names=names_out, opset_version=OPSET,
                      dynamic_axes=dynamic or {}, do_constant_folding=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layout", choices=["sam2", "edgetam"], required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-cond-frames", type=int, default=2, help="conditioning frames per step (closest kept)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    m = build_sam2(args.config, args.checkpoint, device="cpu").eval()
    s, c, dm = m.image_size, m.hidden_dim, m.mem_dim
    nm, ptrs = m.num_maskmem, m.max_obj_ptrs_in_encoder
    k = args.max_cond_frames + nm - 1
    sam2 = args.layout == "sam2"
    enc_name = "image_encoder" if sam2 else "vision_encoder"
    dec_name = "mask_decoder" if sam2 else "video_mask_decoder"
    with torch.no_grad():
        image = torch.randn(1, 3, s, s)
        enc = ImageEncoder(m, sam2)
        enc_out = enc(image)
        outs = ["vision_feats", "vision_pos", "high_res_0", "high_res_1"] + (["no_mem_feats"] if sam2 else [])
        export(enc, (image,), ["image"], outs, os.path.join(args.out, enc_name + ".onnx"))
        vision, vpos, hr0, hr1 = enc_out[:4]
        if not sam2:
            export(NoMemoryEmbedding(m), (vision,), ["vision_feats"], ["no_mem_feats"],
                   os.path.join(args.out, "no_memory_embedding.onnx"))
        dec = MaskDecoder(m)
        pts, lbl = torch.zeros(1, 1, 2), -torch.ones(1, 1)
        low, _, ptr, score = dec(vision, hr0, hr1, pts, lbl)
        export(dec, (vision, hr0, hr1, pts, lbl), ["image_embed", "high_res_0", "high_res_1", "point_coords", "point_labels"],
               ["low_res_masks", "iou_scores", "obj_ptr", "object_score_logits"], os.path.join(args.out, dec_name + ".onnx"),
               {"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}})
        menc = MemoryEncoder(m)
        mf, mp = menc(vision, low, score)
        export(menc, (vision, low, score), ["pix_feat", "mask_logits", "object_score_logits"],
               ["maskmem_features", "maskmem_pos_enc"], os.path.join(args.out, "memory_encoder.onnx"))
        mem_feats = mf.expand(k, *mf.shape[1:]).contiguous()
        mem_pos = mp.expand(k, *mp.shape[1:]).contiguous()
        mem_tpos = torch.zeros(k, dtype=torch.int64)
        mem_valid = torch.ones(k)
        obj_ptrs = ptr.expand(ptrs, c).contiguous()
        ptr_tpos = torch.arange(ptrs, dtype=torch.int64)
        ptr_valid = torch.ones(ptrs)
        export(MemoryAttention(m, ptrs), (vision, vpos, mem_feats, mem_pos, mem_tpos, mem_valid, obj_ptrs, ptr_tpos, ptr_valid),
               ["curr", "curr_pos", "mem_feats", "mem_pos", "mem_tpos", "mem_valid", "obj_ptrs", "obj_ptr_tpos", "ptr_valid"],
               ["fused"], os.path.join(args.out, "memory_attention.onnx"))
    graphs = [enc_name] + ([] if sam2 else ["no_memory_embedding"]) + ["memory_attention", dec_name, "memory_encoder"]
    manifest = {
        "format": "keyframe-sam2-bundle/1",
        "model": os.path.splitext(os.path.basename(args.checkpoint))[0],
        "layout": args.layout, "image_size": s,
        "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
        "num_maskmem": nm, "max_cond_frames": args.max_cond_frames, "max_object_pointers": ptrs,
        "graphs": {g: {"file": g + ".onnx"} for g in graphs},
    }
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print("bundle written to", args.out)


if __name__ == "__main__":
    main()
