#!/usr/bin/env python3
"""Benchmark tooling: FLOPs per call of each graph of a SAM 2 / EdgeTAM bundle, from its MatMul, Gemm,
Conv and ConvTranspose nodes and their shapes at the concrete input shapes the Java bench used.

Shapes: ONNX shape inference (with data propagation) given the concrete input shapes; where it cannot
follow the exported graphs (onnx 1.12 loses them through the Reshape/Shape arithmetic of window
partitioning and attention heads), the shapes ONNX Runtime produced for those very tensors in a probe
run (the graph with each dense node's operands added as outputs, run once by the Java bench with the
same inputs). Each row says how many dense nodes each source supplied.

Counting (one multiply-add = 2 FLOPs; elementwise ops, softmax, norms and resizes are not counted, so
the figures are a lower bound dominated by the dense layers):
  MatMul  A[..., m, k] x B[..., k, n]          2 * prod(broadcast batch) * m * k * n
  Gemm    A[M, K] x B[K, N]                     2 * M * K * N
  Conv    out[N, Co, *spatial], W[Co, Ci/g, *k] 2 * N * Co * prod(spatial) * (Ci/g) * prod(k)
  ConvTranspose in[N, Ci, *spatial], W[Ci, Co/g, *k]  2 * N * Ci * prod(spatial_in) * (Co/g) * prod(k)

Usage: sam2_flops.py probe BUNDLE PROBE_DIR      writes PROBE_DIR/<graph>.onnx
       sam2_flops.py count BENCH.json            prints JSON {graph: flops} (BENCH.json from Sam2Speed)
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import helper, shape_inference

DENSE = ("MatMul", "Gemm", "Conv", "ConvTranspose")


def dims(vi):
    t = vi.type.tensor_type
    if not t.HasField("shape"):
        return None
    out = []
    for d in t.shape.dim:
        if not d.HasField("dim_value"):
            return None
        out.append(d.dim_value)
    return out


def graphs(bundle):
    m = json.load(open(os.path.join(bundle, "manifest.json")))
    return {g: os.path.join(bundle, spec["file"]) for g, spec in m["graphs"].items()}


def probe(bundle, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for g, path in graphs(bundle).items():
        model = onnx.load(path)
        have = {o.name for o in model.graph.output}
        inits = {i.name for i in model.graph.initializer}
        for n in model.graph.node:
            if n.op_type in DENSE:
                for name in list(n.input[:2]) + [n.output[0]]:
                    if name and name not in have and name not in inits:
                        model.graph.output.append(helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
                        have.add(name)
        onnx.save(model, os.path.join(out_dir, g + ".onnx"))


def count(path, input_shapes, runtime):
    model = onnx.load(path)
    g = model.graph
    for inp in g.input:
        if inp.name in input_shapes:
            dd = inp.type.tensor_type.shape.dim
            for i, v in enumerate(input_shapes[inp.name]):
                dd[i].ClearField("dim_param")
                dd[i].dim_value = int(v)
    g = shape_inference.infer_shapes(model, data_prop=True).graph
    inferred = {}
    for vi in list(g.input) + list(g.value_info) + list(g.output):
        inferred[vi.name] = dims(vi)
    for init in g.initializer:
        inferred[init.name] = list(init.dims)
    total, by_inference, by_runtime, unknown = 0, 0, 0, 0
    for n in g.node:
        if n.op_type not in DENSE:
            continue
        names = list(n.input[:2]) + [n.output[0]]
        s = [inferred.get(x) for x in names]
        if all(v is not None for v in s):
            by_inference += 1
        else:
            s = [inferred.get(x) or runtime.get(x) for x in names]
            if any(v is None for v in s):
                unknown += 1
                continue
            by_runtime += 1
        a, b, o = s
        if n.op_type == "MatMul":
            a2 = [1] + a if len(a) == 1 else a
            b2 = b + [1] if len(b) == 1 else b
            batch = int(np.prod(o[:-2])) if len(o) > 2 else 1
            total += 2 * batch * a2[-2] * a2[-1] * b2[-1]
        elif n.op_type == "Gemm":
            ta = next((at.i for at in n.attribute if at.name == "transA"), 0)
            m, k = (a[1], a[0]) if ta else (a[0], a[1])
            total += 2 * m * k * o[1]
        elif n.op_type == "Conv":
            total += 2 * o[0] * o[1] * int(np.prod(o[2:])) * b[1] * int(np.prod(b[2:]))
        else:  # ConvTranspose: every input pixel scatters a kernel
            total += 2 * a[0] * a[1] * int(np.prod(a[2:])) * b[1] * int(np.prod(b[2:]))
    return total, by_inference, by_runtime, unknown


def main():
    if sys.argv[1] == "probe":
        probe(sys.argv[2], sys.argv[3])
        return
    bench = json.load(open(sys.argv[2]))
    paths = graphs(bench["bundle"])
    out = {}
    for graph, row in bench["graphs"].items():
        flops, inf, rt, unknown = count(paths[graph], row["input_shapes"], row.get("runtime_shapes", {}))
        print(f"sam2_flops: {graph}: dense nodes with shapes from ONNX shape inference {inf}, from the ONNX Runtime probe {rt}"
              + (f", NOT COUNTED (no shape) {unknown}" if unknown else ""), file=sys.stderr)
        out[graph] = flops
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
