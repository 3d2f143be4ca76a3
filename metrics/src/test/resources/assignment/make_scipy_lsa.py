#!/usr/bin/python3
"""Writes scipy-lsa.txt: SciPy's linear_sum_assignment on seeded random matrices, the oracle for
LinearAssignmentTest and SparseAssignmentTest. Run: /usr/bin/python3 make_scipy_lsa.py [PY_MOTMETRICS_DIR] > scipy-lsa.txt

Each case is three lines: "rows cols kind", the row-major costs (repr of each double), and SciPy's
column for each row (-1: unassigned). Kinds: dense (uniform costs), ties (small integers, many equal
totals: tie-breaking), sparse (zero except a few negative overlaps, as HOTA's frames), forbidden
(NaN except a few distances, as py-motmetrics' CLEAR frames: solved as py-motmetrics'
lap.linear_sum_assignment does, expensive edges added, pairs on them dropped)."""
import sys

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

# py-motmetrics' own replacement of forbidden entries (motmetrics/lap.py), from its checkout in
# ../shared/bench-refs/py-motmetrics (argument 1, default the path from this folder in a clone).
# lap.py is loaded alone: the package's __init__ needs pandas, this function only numpy.
import importlib.util  # noqa: E402

_root = sys.argv[1] if len(sys.argv) > 1 else "../../../../../../shared/bench-refs/py-motmetrics"
_spec = importlib.util.spec_from_file_location("motmetrics_lap", _root + "/motmetrics/lap.py")
_lap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_lap)
add_expensive_edges = _lap.add_expensive_edges

rng = np.random.default_rng(20261202)
print(f"# scipy {scipy.__version__}, numpy {np.__version__}, seed 20261202")


def emit(kind, c):
    r, k = linear_sum_assignment(add_expensive_edges(c) if kind == "forbidden" else c)
    col = [-1] * c.shape[0]
    for i, j in zip(r, k):
        if np.isfinite(c[i, j]):
            col[i] = int(j)
    print(c.shape[0], c.shape[1], kind)
    print(" ".join("NaN" if np.isnan(x) else repr(float(x)) for x in c.ravel()))
    print(" ".join(str(j) for j in col))


for _ in range(40):
    emit("dense", rng.uniform(-1, 1, size=(rng.integers(1, 12), rng.integers(1, 12))))
for _ in range(40):
    emit("ties", rng.integers(0, 3, size=(rng.integers(1, 9), rng.integers(1, 9))).astype(float))
for _ in range(60):
    rows, cols = int(rng.integers(1, 30)), int(rng.integers(1, 30))
    c = np.full((rows, cols), -0.0)
    # Boxes on a line: each row overlaps a few neighbouring columns, as crowded frames do.
    for i in range(rows):
        centre = rng.uniform(0, cols)
        for j in range(cols):
            if abs(j - centre) < rng.uniform(0, 2.5):
                c[i, j] = -rng.uniform(0.01, 1)
    emit("sparse", c)
for _ in range(60):
    rows, cols = int(rng.integers(1, 30)), int(rng.integers(1, 30))
    c = np.full((rows, cols), np.nan)
    for i in range(rows):
        centre = rng.uniform(0, cols)
        for j in range(cols):
            if abs(j - centre) < rng.uniform(0, 2.5):
                c[i, j] = rng.uniform(0, 0.5)
    emit("forbidden", c)
