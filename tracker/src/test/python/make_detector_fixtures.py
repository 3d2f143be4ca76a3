#!/usr/bin/python3
"""Builds the tiny 'bad detector' ONNX fixtures used by DetectorModelTest (onnx.helper only, no torch).

Run with Debian's python3 (apt-get install python3-onnx): /usr/bin/python3 make_detector_fixtures.py
Outputs go to ../resources/io/keyframe/tracker/detector/.
"""
import os
import onnx
from onnx import TensorProto, helper

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "keyframe", "tracker", "detector")


def save(model, name):
    model.opset_import[0].version = 17
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name))


def reduce_to(out_name, in_name, out_shape):
    return helper.make_node("ReduceMean", [in_name], [out_name], axes=[2, 3], keepdims=0)


# Input named 'pixels' instead of 'images'.
g = helper.make_graph(
    [reduce_to("output", "pixels", None)], "wrong_input_name",
    [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, 416, 416])],
    [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 3])])
save(helper.make_model(g), "wrong_input_name.onnx")

# 'images' is not square.
g = helper.make_graph(
    [reduce_to("output", "images", None)], "wrong_input_shape",
    [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, 320, 416])],
    [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 3])])
save(helper.make_model(g), "wrong_input_shape.onnx")

# DETR-style inputs, but the outputs are not labels/boxes/scores.
g = helper.make_graph(
    [reduce_to("features", "images", None)], "wrong_outputs",
    [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["N", 3, 64, 64]),
     helper.make_tensor_value_info("orig_target_sizes", TensorProto.INT64, ["N", 2])],
    [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 3])])
save(helper.make_model(g), "wrong_outputs.onnx")
print("wrote fixtures to", os.path.abspath(OUT))
