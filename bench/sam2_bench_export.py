#!/usr/bin/env python3
"""Benchmark tooling (not the product): export a random-weight SAM 2 / EdgeTAM bundle for
bench/sam2-speed.sh through tracker/export/export_sam2_bundle.py.

EdgeTAM's RepViT trunk comes from timm with pretrained=True in EdgeTAM's yaml; nothing can be
downloaded here, so timm's create_model is called with pretrained=False (random weights, the real
architecture). Put a timm checkout on PYTHONPATH (bench/sam2-speed.sh uses
tracker/export/.third_party/timm when present).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tracker", "export"))

try:
    import timm.models

    _create = timm.models.create_model

    def _no_download(*args, **kwargs):
        kwargs["pretrained"] = False
        return _create(*args, **kwargs)

    timm.models.create_model = _no_download
except ImportError:
    pass  # SAM 2's Hiera trunk needs no timm

import export_sam2_bundle  # noqa: E402

if __name__ == "__main__":
    export_sam2_bundle.main()
