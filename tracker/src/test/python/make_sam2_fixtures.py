#!/usr/bin/python3
"""Builds tiny SAM 2 / EdgeTAM split-export bundles for the Java loop tests (onnx.helper only, no torch).

The graphs have the tensor names, ranks and fixed slot counts of the real exports that
tracker/export/export_sam2_bundle.py writes, with small sizes (image 64, hidden 8, memory 4, 4x4
feature grid) and arithmetic simple enough to reason about in tests:

- image/vision encoder: every feature channel is the mean normalised brightness of a 16x16 patch;
- no-memory embedding: features + 0.001;
- memory attention: current features + 1e-6 x (sum of valid memory means + valid pointer sums),
  so masked slots cannot change the result;
- mask decoder: mask logits = 10 x channel-mean of the embedding, nearest-upsampled x4; object score
  = max mask logit; IoU = sigmoid(object score); object pointer = spatial mean of the embedding;
- memory encoder: 1x1 projection of the features (SAM 2: [1,4,4,4]; EdgeTAM: 6 tokens x 4).

A bright square on a dark frame is therefore segmented, and a dark frame reads as "object hidden".
Run with Debian's python3 (apt-get install python3-onnx): /usr/bin/python3 make_sam2_fixtures.py
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "keyframe", "tracker", "sam2")
S, C, G, DM, TOKENS = 64, 8, 4, 4, 6          # image size, hidden dim, feature grid, memory dim, EdgeTAM tokens
NUM_MASKMEM, MAX_COND, MAX_PTRS = 7, 2, 16
K = MAX_COND + NUM_MASKMEM - 1                # memory slots fed to memory attention
F = onnx.TensorProto.FLOAT
I64 = onnx.TensorProto.INT64


def const(name, arr):
    return numpy_helper.from_array(np.asarray(arr), name)


def vi(name, dtype, shape):
    return helper.make_tensor_value_info(name, dtype, shape)


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def encoder(name, with_no_mem):
    nodes = [
        helper.make_node("Conv", ["image", "w_feat"], ["vision_feats"], strides=[16, 16]),
        helper.make_node("Mul", ["vision_feats", "zero"], ["vision_pos"]),
        helper.make_node("Conv", ["image", "w_hr0"], ["high_res_0"], strides=[4, 4]),
        helper.make_node("Conv", ["image", "w_hr1"], ["high_res_1"], strides=[8, 8]),
    ]
    inits = [const("w_feat", np.full((C, 3, 16, 16), 1 / 768, np.float32)),
             const("w_hr0", np.full((C // 8, 3, 4, 4), 1 / 48, np.float32)),
             const("w_hr1", np.full((C // 4, 3, 8, 8), 1 / 192, np.float32)),
             const("zero", np.float32(0))]
    outputs = [vi("vision_feats", F, [1, C, G, G]), vi("vision_pos", F, [1, C, G, G]),
               vi("high_res_0", F, [1, C // 8, 4 * G, 4 * G]), vi("high_res_1", F, [1, C // 4, 2 * G, 2 * G])]
    if with_no_mem:
        nodes.append(helper.make_node("Add", ["vision_feats", "no_mem_embed"], ["no_mem_feats"]))
        inits.append(const("no_mem_embed", np.float32(0.001)))
        outputs.append(vi("no_mem_feats", F, [1, C, G, G]))
    return helper.make_graph(nodes, name, [vi("image", F, [1, 3, S, S])], outputs, inits)


def no_memory_embedding():
    return helper.make_graph(
        [helper.make_node("Add", ["vision_feats", "no_mem_embed"], ["no_mem_feats"])], "no_memory_embedding",
        [vi("vision_feats", F, [1, C, G, G])], [vi("no_mem_feats", F, [1, C, G, G])],
        [const("no_mem_embed", np.float32(0.001))])


def memory_attention(mem_shape):
    mem_axes = list(range(1, len(mem_shape) + 1))
    nodes = [
        helper.make_node("ReduceMean", ["mem_feats"], ["mem_mean"], axes=mem_axes, keepdims=0),
        helper.make_node("ReduceMean", ["mem_pos"], ["pos_mean"], axes=mem_axes, keepdims=0),
        helper.make_node("Add", ["mem_mean", "pos_mean"], ["slot_val"]),
        helper.make_node("Cast", ["mem_tpos"], ["tpos_f"], to=F),
        helper.make_node("Mul", ["tpos_f", "zero"], ["tpos_0"]),
        helper.make_node("Add", ["slot_val", "tpos_0"], ["slot_val2"]),
        helper.make_node("Mul", ["slot_val2", "mem_valid"], ["slot_masked"]),
        helper.make_node("ReduceSum", ["slot_masked"], ["mem_sum"], keepdims=1),
        helper.make_node("ReduceSum", ["obj_ptrs", "axis1"], ["ptr_each"], keepdims=0),
        helper.make_node("Cast", ["obj_ptr_tpos"], ["ptpos_f"], to=F),
        helper.make_node("Mul", ["ptpos_f", "zero"], ["ptpos_0"]),
        helper.make_node("Add", ["ptr_each", "ptpos_0"], ["ptr_each2"]),
        helper.make_node("Mul", ["ptr_each2", "ptr_valid"], ["ptr_masked"]),
        helper.make_node("ReduceSum", ["ptr_masked"], ["ptr_sum"], keepdims=1),
        helper.make_node("Add", ["mem_sum", "ptr_sum"], ["total"]),
        helper.make_node("Mul", ["total", "tiny"], ["delta"]),
        helper.make_node("Mul", ["curr_pos", "zero"], ["pos0"]),
        helper.make_node("Add", ["curr", "pos0"], ["curr2"]),
        helper.make_node("Add", ["curr2", "delta"], ["fused"]),
    ]
    inits = [const("zero", np.float32(0)), const("tiny", np.float32(1e-6)), const("axis1", np.array([1], np.int64))]
    inputs = [vi("curr", F, [1, C, G, G]), vi("curr_pos", F, [1, C, G, G]),
              vi("mem_feats", F, [K] + mem_shape), vi("mem_pos", F, [K] + mem_shape),
              vi("mem_tpos", I64, [K]), vi("mem_valid", F, [K]),
              vi("obj_ptrs", F, [MAX_PTRS, C]), vi("obj_ptr_tpos", I64, [MAX_PTRS]), vi("ptr_valid", F, [MAX_PTRS])]
    return helper.make_graph(nodes, "memory_attention", inputs, [vi("fused", F, [1, C, G, G])], inits)


def mask_decoder(name):
    nodes = [
        helper.make_node("ReduceMean", ["image_embed"], ["m"], axes=[1], keepdims=1),
        helper.make_node("Resize", ["m", "", "scales"], ["up"], mode="nearest"),
        helper.make_node("Mul", ["up", "ten"], ["logits0"]),
        # Prompts and high-res features are consumed (as in the real graph) but do not move the fixture's masks.
        helper.make_node("ReduceSum", ["point_coords"], ["pc"], keepdims=0),
        helper.make_node("ReduceSum", ["point_labels"], ["pl"], keepdims=0),
        helper.make_node("ReduceSum", ["high_res_0"], ["h0"], keepdims=0),
        helper.make_node("ReduceSum", ["high_res_1"], ["h1"], keepdims=0),
        helper.make_node("Sum", ["pc", "pl", "h0", "h1"], ["side"]),
        helper.make_node("Mul", ["side", "zero"], ["side0"]),
        helper.make_node("Add", ["logits0", "side0"], ["low_res_masks"]),
        helper.make_node("ReduceMax", ["low_res_masks"], ["object_score_logits"], axes=[2, 3], keepdims=0),
        helper.make_node("Sigmoid", ["object_score_logits"], ["iou_scores"]),
        helper.make_node("ReduceMean", ["image_embed"], ["obj_ptr"], axes=[2, 3], keepdims=0),
    ]
    inits = [const("scales", np.array([1, 1, 4, 4], np.float32)), const("ten", np.float32(10)), const("zero", np.float32(0))]
    inputs = [vi("image_embed", F, [1, C, G, G]), vi("high_res_0", F, [1, C // 8, 4 * G, 4 * G]),
              vi("high_res_1", F, [1, C // 4, 2 * G, 2 * G]),
              vi("point_coords", F, [1, "num_points", 2]), vi("point_labels", F, [1, "num_points"])]
    outputs = [vi("low_res_masks", F, [1, 1, 4 * G, 4 * G]), vi("iou_scores", F, [1, 1]),
               vi("obj_ptr", F, [1, C]), vi("object_score_logits", F, [1, 1])]
    return helper.make_graph(nodes, name, inputs, outputs, inits)


def memory_encoder(tokens):
    side = [helper.make_node("ReduceSum", ["mask_logits"], ["ms"], keepdims=0),
            helper.make_node("ReduceSum", ["object_score_logits"], ["os"], keepdims=0),
            helper.make_node("Add", ["ms", "os"], ["side"]),
            helper.make_node("Mul", ["side", "zero"], ["side0"])]
    if tokens:
        nodes = side + [
            helper.make_node("ReduceMean", ["pix_feat"], ["pooled"], axes=[2, 3], keepdims=0),   # [1,C]
            helper.make_node("Reshape", ["pooled", "shape3"], ["pooled3"]),                      # [1,C/DM,DM]
            helper.make_node("Tile", ["pooled3", "reps"], ["tiled"]),                            # [1,TOKENS,DM]
            helper.make_node("Add", ["tiled", "side0"], ["maskmem_features"]),
            helper.make_node("Mul", ["maskmem_features", "zero"], ["maskmem_pos_enc"]),
        ]
        inits = [const("shape3", np.array([1, C // DM, DM], np.int64)),
                 const("reps", np.array([1, TOKENS // (C // DM), 1], np.int64)), const("zero", np.float32(0))]
        shape = [1, TOKENS, DM]
    else:
        nodes = side + [
            helper.make_node("Conv", ["pix_feat", "w_proj"], ["proj"]),
            helper.make_node("Add", ["proj", "side0"], ["maskmem_features"]),
            helper.make_node("Mul", ["maskmem_features", "zero"], ["maskmem_pos_enc"]),
        ]
        inits = [const("w_proj", np.full((DM, C, 1, 1), 1 / C, np.float32)), const("zero", np.float32(0))]
        shape = [1, DM, G, G]
    inputs = [vi("pix_feat", F, [1, C, G, G]), vi("mask_logits", F, [1, 1, 4 * G, 4 * G]), vi("object_score_logits", F, [1, 1])]
    return helper.make_graph(nodes, "memory_encoder", inputs, [vi("maskmem_features", F, shape), vi("maskmem_pos_enc", F, shape)], inits)


def manifest(layout, graphs):
    return {"format": "keyframe-sam2-bundle/1", "model": "fixture-" + layout, "layout": layout, "image_size": S,
            "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "num_maskmem": NUM_MASKMEM,
            "max_cond_frames": MAX_COND, "max_object_pointers": MAX_PTRS,
            "graphs": {g: {"file": g + ".onnx"} for g in graphs}}


def write(layout, graphs):
    d = os.path.join(OUT, layout)
    os.makedirs(d, exist_ok=True)
    for name, g in graphs.items():
        save(g, os.path.join(d, name + ".onnx"))
    with open(os.path.join(d, "manifest.json"), "w") as f:
        json.dump(manifest(layout, list(graphs)), f, indent=2)


write("sam2", {"image_encoder": encoder("image_encoder", True),
               "memory_attention": memory_attention([DM, G, G]),
               "mask_decoder": mask_decoder("mask_decoder"),
               "memory_encoder": memory_encoder(False)})
write("edgetam", {"vision_encoder": encoder("vision_encoder", False),
                  "no_memory_embedding": no_memory_embedding(),
                  "memory_attention": memory_attention([TOKENS, DM]),
                  "video_mask_decoder": mask_decoder("video_mask_decoder"),
                  "memory_encoder": memory_encoder(True)})
print("wrote", os.path.abspath(OUT))
