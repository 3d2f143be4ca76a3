#!/usr/bin/env python3
"""Export SAM 2 / SAM 2.1 (facebookresearch/sam2) or EdgeTAM (facebookresearch/EdgeTAM) to a keyframe bundle.

Runs on the official code with current PyTorch, or with Debian's python3-torch 1.13.1 + python3-onnx +
python3-omegaconf (no hydra, no iopath needed: the model is built from the config yaml here, see
sam2_torch.py). keyframe never downloads weights and never needs Python at run time.

    # SAM 2.1 tiny, from a checkout of github.com/facebookresearch/sam2 at ~/src/sam2:
    python3 tracker/export/export_sam2_bundle.py --sam2-root ~/src/sam2 --layout sam2 \
        --config configs/sam2.1/sam2.1_hiera_t.yaml --checkpoint ~/src/sam2/checkpoints/sam2.1_hiera_tiny.pt \
        --out bundles/sam2.1_tiny
    # EdgeTAM, from a checkout of github.com/facebookresearch/EdgeTAM:
    python3 tracker/export/export_sam2_bundle.py --sam2-root ~/src/EdgeTAM --layout edgetam \
        --config configs/edgetam.yaml --checkpoint ~/src/EdgeTAM/checkpoints/edgetam.pt --out bundles/edgetam

Every graph written is loaded in ONNX Runtime and run against PyTorch on the same inputs (the
unpatched official modules) before success is reported: with the `onnxruntime` Python package when
installed, else with ONNX Runtime Java through keyframe's Sam2GraphCheck (needs `./mvnw -pl tracker
-am compile` once, and java on PATH).

Graphs and tensors (keyframe's logical names; a manifest may map them to other names). B is the
dynamic object batch (first axis of the per-object graphs, manifest "object_batch": true): the
objects of a frame that run together; per-frame tensors ([1, ...]) are shared by them.
  image_encoder (sam2) / vision_encoder (edgetam), once per frame:
      image [1,3,S,S] -> vision_feats [1,C,H,W], vision_pos [1,C,H,W], high_res_0 [1,C/8,4H,4W],
                         high_res_1 [1,C/4,2H,2W], (sam2 only) no_mem_feats [1,C,H,W]
  no_memory_embedding (edgetam): vision_feats -> no_mem_feats
  memory_attention (SAM2Base._prepare_memory_conditioned_features after the frame selection):
      curr, curr_pos [1,C,H,W]; mem_feats, mem_pos [B,K,...memory entry shape]; mem_tpos int64 [B,K]
      (index into maskmem_tpos_enc: num_maskmem-1 for conditioning frames, d-1 for frame t-d);
      mem_valid [K] (1 = used); obj_ptrs [B,P,C]; obj_ptr_tpos int64 [B,P] (signed frame offset);
      ptr_valid [P]; t_diff_max [1] (min(num_frames, max_obj_ptrs_in_encoder) - 1, the predictor's
      normaliser of pointer offsets)  ->  fused [B,C,H,W].   K and P are dynamic (any number of
      conditioning frames, as the predictor's max_cond_frames_in_attn = -1); slots with valid 0 are dropped.
      The B objects share one memory layout (mem_valid / ptr_valid are the group's): each object's
      attention runs over its own K*T + pointer tokens, so objects whose memories differ in count
      (other conditioning frames, a later first prompt) go in separate calls -- keyframe groups them;
      padding with an attention mask would be the alternative, at the price of patching every
      attention layer. Temporal indices and pointer offsets are per object.
      EdgeTAM puts no temporal encoding on pointers: its graph has no obj_ptr_tpos / t_diff_max inputs.
  mask_decoder (sam2) / video_mask_decoder (edgetam), prompt encoder fused, both SAM heads:
      image_embed [B,C,H,W], high_res_0, high_res_1 (the frame's, [1,...]), point_coords [B,N,2]
      (pixels of the S x S input), point_labels [B,N] float (1 fg, 0 bg, 2/3 box corners, -1 padding),
      multimask_output [B] (1 = the multimask head + best IoU, as SAM2Base._use_multimask decides;
      0 = single-mask head with the predictor's dynamic fallback via stability) -> low_res_masks
      [B,1,4H,4W] (logits, NO_OBJ_SCORE where the object is absent), iou_scores [B,1], obj_ptr [B,C],
      object_score_logits [B,1].   N is shared by the batch (a padding point is not neutral).
  memory_encoder (SAM2Base._encode_new_memory): pix_feat [1,C,H,W] (the frame's), mask_logits
      [B,1,4H,4W], object_score_logits [B,1], is_mask_from_pts [B] (1 = prompted frame: the binarised
      mask, as binarize_mask_from_pts_for_mem_enc) -> maskmem_features, maskmem_pos_enc ([B,Dm,H,W]
      for SAM 2; EdgeTAM's spatial perceiver makes them token sequences [B,T,Dm]; it has no
      object_score_logits input)
Each per-object graph is checked at B = 1 and B = 3 against the official modules run one object at a
time (torch.cat of the per-object outputs).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sam2_torch  # noqa: E402

OPSET = 17


def to_map(x, h, w):
    """[HW, 1, C] sequence -> [1, C, H, W] map."""
    return x.permute(1, 2, 0).reshape(1, -1, h, w)


class ImageEncoder(nn.Module):
    def __init__(self, m, with_no_mem):
        super().__init__()
        self.m, self.with_no_mem = m, with_no_mem
        self.eval()

    def forward(self, image):
        out = self.m.forward_image(image)
        _, feats, pos, sizes = self.m._prepare_backbone_features(out)
        (h0, w0), (h1, w1), (h, w) = sizes[0], sizes[1], sizes[-1]
        res = [to_map(feats[-1], h, w), to_map(pos[-1], h, w), to_map(feats[0], h0, w0), to_map(feats[1], h1, w1)]
        if self.with_no_mem:
            res.append(to_map(feats[-1] + self.m.no_mem_embed, h, w))
        return tuple(res)


class NoMemoryEmbedding(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m
        self.eval()

    def forward(self, vision_feats):
        return vision_feats + self.m.no_mem_embed.reshape(1, -1, 1, 1)


def memory_tokens(m, mem_feats, mem_pos, mem_tpos):
    """Memory entries [B, K, ...] of B objects -> the token sequence [K*T, B, Dm] and positions that
    _prepare_memory_conditioned_features builds (memory after memory, each T tokens, objects as batch)."""
    dm = m.mem_dim
    b, k = mem_feats.shape[0], mem_feats.shape[1]
    tpos = m.maskmem_tpos_enc.reshape(-1, dm).index_select(0, mem_tpos.reshape(-1)).reshape(b, k, dm)
    if mem_feats.dim() == 5:  # SAM 2: [B, K, Dm, H, W] maps
        feats = mem_feats.flatten(3).permute(1, 3, 0, 2)  # [K, HW, B, Dm]
        pos = mem_pos.flatten(3).permute(1, 3, 0, 2)
    else:  # EdgeTAM: [B, K, T, Dm] token sequences
        feats, pos = mem_feats.permute(1, 2, 0, 3), mem_pos.permute(1, 2, 0, 3)
    pos = pos + tpos.permute(1, 0, 2).unsqueeze(1)
    return feats.reshape(-1, b, dm), pos.reshape(-1, b, dm)


class MemoryAttention(nn.Module):
    """B objects that share one memory layout (the same K memory slots and P pointer slots valid:
    mem_valid [K] and ptr_valid [P] are the group's) against the frame's features; temporal indices
    and pointer offsets are per object."""

    def __init__(self, m):
        super().__init__()
        self.m = m
        self.eval()

    def forward(self, curr, curr_pos, mem_feats, mem_pos, mem_tpos, mem_valid, obj_ptrs, obj_ptr_tpos, ptr_valid, t_diff_max):
        _, c, h, w = curr.shape
        b = mem_feats.shape[0]
        m = self.m
        keep = torch.nonzero(mem_valid > 0.5).squeeze(1)
        feats, pos = memory_tokens(m, mem_feats.index_select(1, keep), mem_pos.index_select(1, keep), mem_tpos.index_select(1, keep))
        pkeep = torch.nonzero(ptr_valid > 0.5).squeeze(1)
        ptrs = obj_ptrs.index_select(1, pkeep).permute(1, 0, 2)  # [p,B,C]
        offsets = obj_ptr_tpos.index_select(1, pkeep).permute(1, 0).float()  # [p,B]
        dm = m.mem_dim
        tpos_dim = c if m.proj_tpos_enc_in_obj_ptrs else dm
        from sam2.modeling.sam2_utils import get_1d_sine_pe

        ppos = m.obj_ptr_tpos_proj(get_1d_sine_pe(offsets / t_diff_max, dim=tpos_dim)) if m.add_tpos_enc_to_obj_ptrs else None
        if dm < c:
            ptrs = ptrs.reshape(-1, b, c // dm, dm).permute(0, 2, 1, 3).flatten(0, 1)
            # repeat_interleave(c // dm, dim=0), written as expand: torch 1.13 exports repeat_interleave
            # as a Loop that fixes the object count
            if ppos is not None:
                ppos = ppos.unsqueeze(1).expand(-1, c // dm, -1, -1).flatten(0, 1)
        if ppos is None:  # EdgeTAM: no temporal encoding on pointers (zeros, as the predictor)
            ppos = torch.zeros_like(ptrs)
        memory = torch.cat([feats, ptrs], dim=0)
        memory_pos = torch.cat([pos, ppos], dim=0)
        seq = curr.flatten(2).permute(2, 0, 1).expand(-1, b, -1)
        seq_pos = curr_pos.flatten(2).permute(2, 0, 1).expand(-1, b, -1)
        extra = {"num_spatial_mem": keep.shape[0]} if hasattr(m, "spatial_perceiver") else {}
        fused = m.memory_attention(curr=[seq], curr_pos=[seq_pos], memory=memory, memory_pos=memory_pos, num_obj_ptr_tokens=ptrs.shape[0], **extra)
        return fused.permute(1, 2, 0).reshape(b, c, h, w)


class MaskDecoder(nn.Module):
    """Both SAM heads from one pass of the two-way transformer; multimask_output picks, as
    SAM2Base._forward_sam_heads(multimask_output=...) would."""

    def __init__(self, m):
        super().__init__()
        self.m = m
        self.eval()

    def forward(self, image_embed, high_res_0, high_res_1, point_coords, point_labels, multimask_output):
        dec = self.m.sam_mask_decoder
        original = dec.predict_masks
        cache = {}

        def once(**kw):
            if "out" not in cache:
                cache["out"] = original(**kw)
            return cache["out"]

        dec.predict_masks = once
        try:
            points = {"point_coords": point_coords, "point_labels": point_labels.to(torch.int32)}
            b = image_embed.shape[0]  # objects; the high-resolution features are the frame's
            hr = [high_res_0.expand(b, -1, -1, -1), high_res_1.expand(b, -1, -1, -1)]
            multi = self.m._forward_sam_heads(backbone_features=image_embed, point_inputs=points, high_res_features=hr, multimask_output=True)
            single = self.m._forward_sam_heads(backbone_features=image_embed, point_inputs=points, high_res_features=hr, multimask_output=False)
        finally:
            del dec.predict_masks
        pick = multimask_output.reshape(-1, 1) > 0.5  # per object
        iou_multi = multi[2].max(dim=1, keepdim=True).values
        iou_single = single[2][:, 0:1]
        low = torch.where(pick.reshape(-1, 1, 1, 1), multi[3], single[3])
        iou = torch.where(pick, iou_multi, iou_single)
        ptr = torch.where(pick, multi[5], single[5])
        return low, iou, ptr, single[6]


class MemoryEncoder(nn.Module):
    """SAM2Base._encode_new_memory for either mask source (is_mask_from_pts picks)."""

    def __init__(self, m):
        super().__init__()
        self.m = m
        self.eval()

    def forward(self, pix_feat, mask_logits, object_score_logits, is_mask_from_pts):
        m = self.m
        s = m.image_size
        high = F.interpolate(mask_logits, size=(s, s), mode="bilinear", align_corners=False)
        mask = torch.sigmoid(high)
        if m.binarize_mask_from_pts_for_mem_enc:
            mask = torch.where(is_mask_from_pts.reshape(-1, 1, 1, 1) > 0.5, (high > 0).float(), mask)
        if m.sigmoid_scale_for_mem_enc != 1.0:
            mask = mask * m.sigmoid_scale_for_mem_enc
        if m.sigmoid_bias_for_mem_enc != 0.0:
            mask = mask + m.sigmoid_bias_for_mem_enc
        # pix_feat is the frame's [1, C, H, W]: the encoder's pixel projection broadcasts over objects
        out = m.memory_encoder(pix_feat, mask, skip_mask_sigmoid=True)
        feats, pos = out["vision_features"], out["vision_pos_enc"][-1]
        if m.no_obj_embed_spatial is not None:
            appearing = (object_score_logits > 0).float()
            emb = m.no_obj_embed_spatial
            if feats.dim() == 4:
                feats = feats + (1 - appearing[..., None, None]) * emb[..., None, None].expand(*feats.shape)
            else:
                feats = feats + (1 - appearing[..., None]) * emb[:, None, :].expand(*feats.shape)
        if getattr(m, "spatial_perceiver", None) is not None:  # EdgeTAM: memories become latent tokens
            feats, pos = m.spatial_perceiver(feats, pos)
        return feats, pos


# ---------------------------------------------------------------------------------------------
# Official (unpatched) PyTorch references for the check.

def ref_memory_attention(m, curr, curr_pos, mem_feats, mem_pos, mem_tpos, obj_ptrs, obj_ptr_tpos, t_diff_max):
    """What _prepare_memory_conditioned_features computes for the given selection (official modules)."""
    b, c, h, w = curr.shape
    dm = m.mem_dim
    mem, mpos = [], []
    for i in range(mem_feats.shape[0]):
        f = mem_feats[i:i + 1]
        p = mem_pos[i:i + 1]
        if f.dim() == 4:
            f, p = f.flatten(2).permute(2, 0, 1), p.flatten(2).permute(2, 0, 1)
        else:
            f, p = f.permute(1, 0, 2), p.permute(1, 0, 2)
        mem.append(f)
        mpos.append(p + m.maskmem_tpos_enc[int(mem_tpos[i])])
    from sam2.modeling.sam2_utils import get_1d_sine_pe

    ptrs = obj_ptrs.unsqueeze(1)
    tpos_dim = c if m.proj_tpos_enc_in_obj_ptrs else dm
    if m.add_tpos_enc_to_obj_ptrs:
        ppos = m.obj_ptr_tpos_proj(get_1d_sine_pe(torch.tensor([int(x) for x in obj_ptr_tpos]) / int(t_diff_max), dim=tpos_dim))
        ppos = ppos.unsqueeze(1).expand(-1, 1, dm)
    else:
        ppos = ptrs.new_zeros(len(obj_ptr_tpos), 1, dm)
    if dm < c:
        ptrs = ptrs.reshape(-1, 1, c // dm, dm).permute(0, 2, 1, 3).flatten(0, 1)
        ppos = ppos.repeat_interleave(c // dm, dim=0)
    extra = {"num_spatial_mem": len(mem)} if hasattr(m, "spatial_perceiver") else {}
    fused = m.memory_attention(curr=[curr.flatten(2).permute(2, 0, 1)], curr_pos=[curr_pos.flatten(2).permute(2, 0, 1)],
                               memory=torch.cat(mem + [ptrs], 0), memory_pos=torch.cat(mpos + [ppos], 0),
                               num_obj_ptr_tokens=ptrs.shape[0], **extra)
    return fused.permute(1, 2, 0).reshape(b, c, h, w)


def ref_decoder(m, image_embed, hr0, hr1, pts, lbl, multimask):
    out = m._forward_sam_heads(backbone_features=image_embed, point_inputs={"point_coords": pts, "point_labels": lbl.to(torch.int32)},
                               high_res_features=[hr0, hr1], multimask_output=multimask)
    ious = out[2].max(dim=1, keepdim=True).values if multimask else out[2][:, 0:1]
    return out[3], ious, out[5], out[6]


def ref_memory_encoder(m, pix_feat, low, score, from_pts):
    high = F.interpolate(low, size=(m.image_size, m.image_size), mode="bilinear", align_corners=False)
    f, p = m._encode_new_memory(current_vision_feats=[pix_feat.flatten(2).permute(2, 0, 1)], feat_sizes=[tuple(pix_feat.shape[-2:])],
                                pred_masks_high_res=high, object_score_logits=score, is_mask_from_pts=from_pts)
    return f, p[-1]


# ---------------------------------------------------------------------------------------------
# ONNX Runtime check.

class GraphCheck:
    """Cases (graph, inputs, PyTorch outputs) run through ONNX Runtime (Python package or Java)."""

    def __init__(self, bundle):
        self.bundle, self.cases = bundle, []

    def add(self, graph, inputs, expected):
        self.cases.append((graph, {k: v.detach().numpy() for k, v in inputs.items()}, {k: v.detach().numpy() for k, v in expected.items()}))

    def run(self, java_classpath=None):
        try:
            import onnxruntime as ort  # noqa: F401
            return self._run_python()
        except ImportError:
            return self._run_java(java_classpath)

    def _run_python(self):
        import onnxruntime as ort

        rows, sessions = [], {}
        for graph, inputs, expected in self.cases:
            if graph not in sessions:
                sessions[graph] = ort.InferenceSession(os.path.join(self.bundle, graph + ".onnx"), providers=["CPUExecutionProvider"])
            names = {i.name for i in sessions[graph].get_inputs()}  # the exporter drops unused inputs
            got = sessions[graph].run(list(expected), {k: v for k, v in inputs.items() if k in names})
            for (name, want), g in zip(expected.items(), got):
                rows.append((graph, name, float(np.abs(g - want).max()) if want.size else 0.0, float(np.abs(want).max()) if want.size else 0.0))
        return rows

    def _run_java(self, classpath):
        classpath = classpath or default_java_classpath()
        work = tempfile.mkdtemp(prefix="sam2-check-")
        try:
            lines = []
            for i, (graph, inputs, expected) in enumerate(self.cases):
                lines.append(f"case {graph} {os.path.join(self.bundle, graph + '.onnx')}")
                for kind, tensors in (("in", inputs), ("out", expected)):
                    for name, a in tensors.items():
                        f = os.path.join(work, f"{i}_{kind}_{name}.bin")
                        dtype = "int64" if a.dtype == np.int64 else "float"
                        a.astype("<i8" if dtype == "int64" else "<f4").tofile(f)
                        lines.append(f"{kind} {name} {dtype} {','.join(str(d) for d in a.shape) or '-'} {f}")
            index = os.path.join(work, "cases.txt")
            with open(index, "w") as fh:
                fh.write("\n".join(lines) + "\n")
            res = subprocess.run(["java", "-cp", classpath, "io.keyframe.tracker.sam2.Sam2GraphCheck", index], capture_output=True, text=True)
            if res.returncode != 0:
                raise RuntimeError("ONNX Runtime Java check failed:\n" + res.stdout + res.stderr)
            rows = []
            for line in res.stdout.splitlines():
                if line.startswith("diff "):
                    _, graph, name, d, scale = line.split()
                    rows.append((graph, name, float(d), float(scale)))
            return rows
        finally:
            shutil.rmtree(work, ignore_errors=True)


def default_java_classpath():
    """tracker/target/classes + the ONNX Runtime jar in ~/.m2 (after ./mvnw -pl tracker -am compile)."""
    classes = os.path.normpath(os.path.join(HERE, "..", "target", "classes"))
    pom = open(os.path.join(HERE, "..", "..", "pom.xml")).read()
    import re

    ver = re.search(r"<onnxruntime.version>([^<]+)<", pom)
    ver = ver.group(1) if ver else "1.24.2"
    jar = os.path.expanduser(f"~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/{ver}/onnxruntime-{ver}.jar")
    for p in (classes, jar):
        if not os.path.exists(p):
            raise RuntimeError(f"no Python onnxruntime and no ONNX Runtime Java at {p}: pip install onnxruntime, or run "
                               "./mvnw -B -pl tracker -am compile first (or pass --java-classpath)")
    return classes + os.pathsep + jar


# ---------------------------------------------------------------------------------------------

def export(module, args, names_in, names_out, path, dynamic=None):
    # torch.onnx.export restores the wrapper's training flag afterwards, recursively: a wrapper left
    # in training mode would switch the model's dropout and its eval-only branches on.
    module.eval()
    import inspect

    # The TorchScript exporter (the export patches and dynamic axes are written for it); newer torch
    # versions default to the dynamo exporter.
    extra = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    torch.onnx.export(module, args, path, input_names=names_in, output_names=names_out, opset_version=OPSET,
                      dynamic_axes=dynamic or {}, do_constant_folding=True, **extra)
    module.eval()


# --fp16: weights stored as float16, each followed by a Cast back to float32, so every graph input
# and output (and the arithmetic ONNX Runtime runs) stays float32 and the Java loop is unchanged:
# the bundle is half the size, the check compares it with the float32 PyTorch model at a tolerance
# that covers float16 rounding of the weights (relative 2^-11 each).
FP16_TOLERANCE = 3e-2  # max |ORT fp16-weights - PyTorch fp32| <= FP16_TOLERANCE * max(1, max |PyTorch|)


def to_fp16_weights(path):
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(path)
    g = model.graph
    casts, keep = [], []
    for init in g.initializer:
        if init.data_type != onnx.TensorProto.FLOAT or np.prod(init.dims) < 16:
            keep.append(init)  # scalars and shape-like constants stay float32
            continue
        half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), init.name + "__fp16")
        keep.append(half)
        casts.append(helper.make_node("Cast", [half.name], [init.name], to=onnx.TensorProto.FLOAT,
                                      name=init.name + "__to_fp32"))
    del g.initializer[:]
    g.initializer.extend(keep)
    nodes = casts + list(g.node)
    del g.node[:]
    g.node.extend(nodes)
    onnx.save(model, path)


def export_bundle(m, layout, out, model_name, java_classpath=None, seed=0, log=print, fp16=False):
    """Writes the bundle for model `m` (a SAM2VideoPredictor in eval mode) and checks every graph
    (with fp16: float16 weights, float32 I/O, checked against the float32 model at FP16_TOLERANCE).
    Returns the check rows (graph, output, max |ORT - PyTorch|, max |PyTorch|)."""
    os.makedirs(out, exist_ok=True)
    m.eval()
    sam2_torch.prepare_rope_modules(m)
    rope = sam2_torch.check_rope_equal(m)
    log(f"rotary encoding: real cos/sin vs complex, max difference {rope:.2e}")
    if rope > 1e-5:
        raise RuntimeError(f"real-valued rotary encoding differs from the complex one by {rope}")
    s, c = m.image_size, m.hidden_dim
    sam2 = layout == "sam2"
    enc_name = "image_encoder" if sam2 else "vision_encoder"
    dec_name = "mask_decoder" if sam2 else "video_mask_decoder"
    check = GraphCheck(out)
    if not sam2:
        sam2_torch.fix_edgetam_batched_perceiver()  # the memory encoder's perceiver, several objects at once
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        image = torch.randn(1, 3, s, s, generator=g)
        enc = ImageEncoder(m, sam2)
        enc_ref = enc(image)  # official modules, unpatched
        outs = ["vision_feats", "vision_pos", "high_res_0", "high_res_1"] + (["no_mem_feats"] if sam2 else [])
        check.add(enc_name, {"image": image}, dict(zip(outs, enc_ref)))
        vision, vpos, hr0, hr1 = enc_ref[:4]
        with sam2_torch.export_patches():
            export(enc, (image,), ["image"], outs, os.path.join(out, enc_name + ".onnx"))
        if not sam2:
            nm = NoMemoryEmbedding(m)
            check.add("no_memory_embedding", {"vision_feats": vision}, {"no_mem_feats": nm(vision)})
            export(nm, (vision,), ["vision_feats"], ["no_mem_feats"], os.path.join(out, "no_memory_embedding.onnx"))

        # Per-object graphs take a dynamic object batch (first axis, "objects"); each is checked at
        # batch 1 and at batch 3 against the official modules run one object at a time.
        objs = {0: "objects"}
        dec = MaskDecoder(m)
        names = ["low_res_masks", "iou_scores", "obj_ptr", "object_score_logits"]

        def dec_case(embeds, pts, lbl, multi):
            ins = {"image_embed": embeds, "high_res_0": hr0, "high_res_1": hr1, "point_coords": pts, "point_labels": lbl,
                   "multimask_output": torch.tensor([1.0 if x else 0.0 for x in multi])}
            refs = [ref_decoder(m, embeds[i:i + 1], hr0, hr1, pts[i:i + 1], lbl[i:i + 1], x) for i, x in enumerate(multi)]
            check.add(dec_name, ins, {n: torch.cat([r[j] for r in refs], 0) for j, n in enumerate(names)})
            return ins

        box = torch.tensor([[[s * 0.2, s * 0.3], [s * 0.7, s * 0.8]]])
        prompts = [(box, torch.tensor([[2.0, 3.0]]), False), (torch.tensor([[[s * 0.5, s * 0.5]]]), torch.ones(1, 1), True),
                   (torch.zeros(1, 1, 2), -torch.ones(1, 1), True), (torch.zeros(1, 1, 2), -torch.ones(1, 1), False)]
        for pts, lbl, multi in prompts:
            dec_case(vision, pts, lbl, [multi])
        embeds3 = vision + 0.1 * torch.randn(3, *vision.shape[1:], generator=g)
        # three tracked objects (SAM 2's padding point), heads mixed; three boxes
        dec_case(embeds3, torch.zeros(3, 1, 2), -torch.ones(3, 1), [True, False, True])
        boxes3 = box + torch.tensor([0.0, s * 0.05, -s * 0.1]).reshape(3, 1, 1)
        dec_case(embeds3, boxes3, torch.tensor([[2.0, 3.0]] * 3), [False, False, True])
        low, _, ptr, score = ref_decoder(m, vision, hr0, hr1, box, torch.tensor([[2.0, 3.0]]), False)
        export_ins = dec_case(embeds3[:2], boxes3[:2], torch.tensor([[2.0, 3.0]] * 2), [False, True])
        with sam2_torch.export_patches():
            export(dec, tuple(export_ins.values()), list(export_ins), names, os.path.join(out, dec_name + ".onnx"),
                   {"image_embed": objs, "point_coords": {0: "objects", 1: "num_points"}, "point_labels": {0: "objects", 1: "num_points"},
                    "multimask_output": objs, **{n: objs for n in names}})

        menc = MemoryEncoder(m)
        me_names = ["maskmem_features", "maskmem_pos_enc"]

        def me_case(lows, scores, from_pts):
            ins = {"pix_feat": vision, "mask_logits": lows, "object_score_logits": scores,
                   "is_mask_from_pts": torch.tensor([1.0 if x else 0.0 for x in from_pts])}
            refs = [ref_memory_encoder(m, vision, lows[i:i + 1], scores[i:i + 1], x) for i, x in enumerate(from_pts)]
            check.add("memory_encoder", ins, {n: torch.cat([r[j] for r in refs], 0) for j, n in enumerate(me_names)})
            return ins

        for from_pts in (True, False):
            for sc in (score, -score.abs() - 1):
                me_case(low, sc, [from_pts])
        lows3 = low + 2.0 * torch.randn(3, *low.shape[1:], generator=g)
        scores3 = torch.cat([score, -score.abs() - 1, score.abs() + 0.5], 0)
        me_case(lows3, scores3, [True, False, False])
        me_case(lows3, scores3, [False, True, True])
        mf, mp = ref_memory_encoder(m, vision, low, score, True)
        export_ins = me_case(lows3[:2], scores3[:2], [True, False])
        with sam2_torch.export_patches():
            export(menc, tuple(export_ins.values()), list(export_ins), me_names, os.path.join(out, "memory_encoder.onnx"),
                   {"mask_logits": objs, "object_score_logits": objs, "is_mask_from_pts": objs, **{n: objs for n in me_names}})

        attn = MemoryAttention(m)
        ma_names = ["curr", "curr_pos", "mem_feats", "mem_pos", "mem_tpos", "mem_valid", "obj_ptrs", "obj_ptr_tpos", "ptr_valid", "t_diff_max"]

        def ma_case(b, k, p, tdm, invalid=()):
            """b objects sharing one layout of k memory and p pointer slots (slots in `invalid` unused);
            per object its own memories, temporal indices, pointers and offsets."""
            feats = mf.unsqueeze(0) + 0.1 * torch.randn(b, k, *mf.shape[1:], generator=g)
            pos = mp.unsqueeze(0).expand(b, k, *mp.shape[1:]).contiguous()
            base = [m.num_maskmem - 1] + [(i % (m.num_maskmem - 1)) for i in range(k - 1)]
            tpos = torch.tensor([base[:1] + base[1:][j:] + base[1:][:j] for j in range(b)], dtype=torch.int64)
            ptrs = ptr.unsqueeze(0) + 0.1 * torch.randn(b, p, c, generator=g)
            ptpos = torch.stack([torch.arange(p, dtype=torch.int64) + j for j in range(b)])
            valid = torch.ones(k)
            pvalid = torch.ones(p)
            for i in invalid:
                valid[i] = 0
                pvalid[min(i, p - 1)] = 0
            kk = [i for i in range(k) if valid[i] > 0]
            pp = [i for i in range(p) if pvalid[i] > 0]
            ref = torch.cat([ref_memory_attention(m, vision, vpos, feats[j][kk], pos[j][kk], tpos[j][kk], ptrs[j][pp], ptpos[j][pp], tdm)
                             for j in range(b)], 0)
            return (vision, vpos, feats, pos, tpos, valid, ptrs, ptpos, pvalid, torch.tensor([float(tdm)])), ref

        export_args, _ = ma_case(2, 3, 4, 15)
        for b_, k, p, tdm, invalid in ((1, 2, 3, 15, ()), (1, 7, 16, 15, ()), (1, 9, 5, 7, (2,)), (1, 4, 1, 3, ()),
                                       (3, 2, 3, 15, ()), (3, 7, 16, 15, ()), (3, 9, 5, 7, (2,))):
            args_, ref = ma_case(b_, k, p, tdm, invalid)
            check.add("memory_attention", dict(zip(ma_names, args_)), {"fused": ref})
        with sam2_torch.export_patches():
            export(attn, export_args, ma_names, ["fused"], os.path.join(out, "memory_attention.onnx"),
                   {"mem_feats": {0: "objects", 1: "k"}, "mem_pos": {0: "objects", 1: "k"}, "mem_tpos": {0: "objects", 1: "k"},
                    "mem_valid": {0: "k"}, "obj_ptrs": {0: "objects", 1: "p"}, "obj_ptr_tpos": {0: "objects", 1: "p"},
                    "ptr_valid": {0: "p"}, "fused": objs})

    graphs = [enc_name] + ([] if sam2 else ["no_memory_embedding"]) + ["memory_attention", dec_name, "memory_encoder"]
    manifest = {
        "format": "keyframe-sam2-bundle/1",
        "model": model_name,
        "layout": layout, "image_size": s,
        "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
        "num_maskmem": m.num_maskmem,
        # -1 = every conditioning frame (the predictor's default max_cond_frames_in_attn)
        "max_cond_frames": int(m.max_cond_frames_in_attn),
        "max_object_pointers": m.max_obj_ptrs_in_encoder,
        "memory_bfloat16": True,
        # memory attention, decoder and memory encoder take a dynamic object batch (first axis)
        "object_batch": True,
        "graphs": {g_: {"file": g_ + ".onnx"} for g_ in graphs},
        "precision": "fp16" if fp16 else "fp32",
    }
    if fp16:
        for g_ in graphs:
            to_fp16_weights(os.path.join(out, g_ + ".onnx"))
    rows = check.run(java_classpath)
    if os.environ.get("SAM2_EXPORT_DEBUG"):
        for r in rows:
            log("row %s %s %.3g %.3g" % r)
    worst = {}
    for graph, name, d, scale in rows:
        tol = (FP16_TOLERANCE if fp16 else 1e-4) * max(1.0, scale)
        key = (graph, name)
        worst[key] = max(worst.get(key, 0.0), d)
        if not d <= tol:
            raise RuntimeError(f"{graph}.{name}: ONNX Runtime differs from PyTorch by {d} (tolerance {tol})")
    for (graph, name), d in worst.items():
        size = os.path.getsize(os.path.join(out, graph + ".onnx"))
        log(f"checked {graph:20s} {name:20s} max |ORT - PyTorch| {d:.2e}   ({size / 1e6:.2f} MB)")
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sam2-root", help="checkout of facebookresearch/sam2 or EdgeTAM (the folder holding the sam2 package); "
                                        "omit when the sam2 package is installed")
    ap.add_argument("--layout", choices=["sam2", "edgetam"], required=True)
    ap.add_argument("--config", required=True, help="yaml path, or a name relative to the sam2 package (configs/sam2.1/...)")
    ap.add_argument("--checkpoint", help="official checkpoint; omit for random weights (with --seed)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--java-classpath", help="for the check when the onnxruntime Python package is absent")
    ap.add_argument("--fp16", action="store_true", help="float16 weights (half the size), float32 graph inputs and outputs; "
                                                       "checked against the float32 model at FP16_TOLERANCE")
    args = ap.parse_args()
    sam2_torch.import_sam2(args.sam2_root)
    torch.manual_seed(args.seed)
    m = sam2_torch.build_model(args.config, args.checkpoint)
    name = os.path.splitext(os.path.basename(args.checkpoint))[0] if args.checkpoint else f"random-seed{args.seed}-" + os.path.basename(args.config)
    export_bundle(m, args.layout, args.out, name, args.java_classpath, fp16=args.fp16)
    print("bundle written to", args.out)


if __name__ == "__main__":
    main()
