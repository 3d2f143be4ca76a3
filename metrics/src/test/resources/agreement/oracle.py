#!/usr/bin/python3
"""Oracle for keyframe's agreement tests: third-party values on item,rater,label CSVs.

Run with Debian's python3 (apt: python3-sklearn python3-statsmodels python3-pandas):
    /usr/bin/python3 oracle.py > oracle_expected.json
Cohen: sklearn.metrics.cohen_kappa_score on the items both raters labelled.
Fleiss: statsmodels.stats.inter_rater.fleiss_kappa on items every rater labelled.
Krippendorff: the `krippendorff` package is not installable here (not in Debian; PyPI is not
reachable), so alpha is computed below straight from Krippendorff (2011), "Computing
Krippendorff's Alpha-Reliability", section B (coincidence matrix), independently of keyframe's
Java code; it is checked against the 2011 paper's worked example values in refdata first.
"""
import json
import itertools
import numpy as np
import pandas as pd
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def kripp_alpha(units, level):
    """units: list of lists of values (missing removed). Krippendorff 2011, section B."""
    values = sorted({v for u in units for v in u})
    idx = {v: i for i, v in enumerate(values)}
    k = len(values)
    o = np.zeros((k, k))
    for u in units:
        m = len(u)
        if m < 2:
            continue
        for a, b in itertools.permutations(range(m), 2):
            o[idx[u[a]], idx[u[b]]] += 1.0 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d = np.zeros((k, k))
    for c in range(k):
        for e in range(k):
            vc, ve = values[c], values[e]
            if level == "nominal":
                d[c, e] = 0.0 if c == e else 1.0
            elif level == "ordinal":
                lo, hi = min(c, e), max(c, e)
                d[c, e] = (n_c[lo:hi + 1].sum() - (n_c[c] + n_c[e]) / 2.0) ** 2
            elif level == "interval":
                d[c, e] = (float(vc) - float(ve)) ** 2
            elif level == "ratio":
                s = float(vc) + float(ve)
                d[c, e] = 0.0 if s == 0 else ((float(vc) - float(ve)) / s) ** 2
    d_o = (o * d).sum()
    d_e = (np.outer(n_c, n_c) * d).sum()
    return 1.0 - (n - 1) * d_o / d_e


def check_against_paper():
    df = pd.read_csv("../../../../../../shared/refdata/kappa/krippendorff_3coders_15units_missing.csv", header=0)
    units = [[v for v in df[c].tolist() if not pd.isna(v)] for c in df.columns]
    want = {"nominal": 0.691358, "ordinal": 0.806721, "interval": 0.810845, "ratio": 0.808944}
    for level, v in want.items():
        got = kripp_alpha(units, level)
        assert abs(got - v) < 1e-6, (level, got, v)


def expected(path):
    df = pd.read_csv(path, dtype={"label": str})
    numeric = df["label"].str.fullmatch(r"-?\d+(\.\d+)?").all()
    if numeric:
        df["label"] = df["label"].astype(float)
    wide = df.pivot(index="item", columns="rater", values="label")
    raters = list(dict.fromkeys(df["rater"]))
    out = {"file": path, "cohen": {}, "fleiss": None, "krippendorff": {}}
    for a, b in itertools.combinations(raters, 2):
        both = wide[[a, b]].dropna()
        out["cohen"][f"{a}|{b}"] = {
            w or "none": float(cohen_kappa_score(both[a], both[b], weights=w)) for w in [None, "linear", "quadratic"]
        }
    complete = wide[raters].dropna()
    if len(raters) >= 2 and len(complete) > 0:
        codes = complete.to_numpy()
        if not numeric:
            cats = sorted(set(codes.ravel()))
            codes = np.vectorize(cats.index)(codes)
        table, _ = aggregate_raters(codes)
        out["fleiss"] = {"fleiss": float(fleiss_kappa(table, method="fleiss")),
                         "randolph": float(fleiss_kappa(table, method="randolph")),
                         "items": int(len(complete))}
    units = [[v for v in row if not pd.isna(v)] for row in wide[raters].itertuples(index=False)]
    levels = ["nominal", "ordinal", "interval", "ratio"] if numeric else ["nominal"]
    for level in levels:
        out["krippendorff"][level] = float(kripp_alpha(units, level))
    return out


if __name__ == "__main__":
    check_against_paper()
    res = {"tools": {"scikit-learn": sklearn.__version__, "statsmodels": statsmodels.__version__,
                     "numpy": np.__version__, "pandas": pd.__version__},
           "results": [expected("ratings_3raters.csv"), expected("ratings_2raters_nominal.csv")]}
    print(json.dumps(res, indent=1, sort_keys=True))
