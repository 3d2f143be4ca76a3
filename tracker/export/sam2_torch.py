"""The official SAM 2 / EdgeTAM code without hydra or iopath, on PyTorch 1.13 (Debian) or current PyTorch.

Three things, none of which edits the official source:
  * import_sam2(root): puts the checkout on sys.path; where hydra / iopath are not installed (they are
    not packaged by Debian) it registers the few names sam2 imports from them; on torch < 2.0 it adds
    F.scaled_dot_product_attention (the math form torch 2 uses without a fused kernel; on torch >= 2
    the native one is left alone).
  * build_model(config): the model from the config yaml with omegaconf and a small `_target_`
    instantiate, with the same overrides as sam2.build_sam.build_sam2_video_predictor. A timm trunk
    (EdgeTAM's RepViT) is built with pretrained=False (the checkpoint, or the seed, gives every
    weight); where timm is not installed, import_timm brings timm's RepViT from a source checkout.
  * export_patches(): a context manager with the changes an ONNX export needs (see its docstring).
"""
import contextlib
import importlib
import math
import os
import sys
import types

import torch
import torch.nn.functional as F

# sam2.build_sam.build_sam2_video_predictor's overrides (apply_postprocessing=True).
VIDEO_PREDICTOR_OVERRIDES = {
    "_target_": "sam2.sam2_video_predictor.SAM2VideoPredictor",
    "sam_mask_decoder_extra_args": {
        "dynamic_multimask_via_stability": True,
        "dynamic_multimask_stability_delta": 0.05,
        "dynamic_multimask_stability_thresh": 0.98,
    },
    "binarize_mask_from_pts_for_mem_enc": True,
    "fill_hole_area": 8,
}


def sdpa_math(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
    """torch 2's scaled_dot_product_attention, math path (no dropout at inference)."""
    s = 1.0 / math.sqrt(query.size(-1)) if scale is None else scale
    attn = torch.matmul(query, key.transpose(-2, -1)) * s
    if is_causal:
        n, m = query.size(-2), key.size(-2)
        attn = attn.masked_fill(torch.ones(n, m, dtype=torch.bool).tril().logical_not(), float("-inf"))
    if attn_mask is not None:
        attn = attn.masked_fill(attn_mask.logical_not(), float("-inf")) if attn_mask.dtype == torch.bool else attn + attn_mask
    attn = torch.softmax(attn, dim=-1)
    if dropout_p > 0:
        attn = F.dropout(attn, p=dropout_p)
    return torch.matmul(attn, value)


def _module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


# Where import_timm looks when timm is neither installed nor given: the git-ignored sources folder.
DEFAULT_TIMM_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".third_party", "timm")


def import_timm(root=None):
    """Makes `timm.models.create_model` importable for EdgeTAM's TimmBackbone (RepViT trunk).

    An installed timm (pip) is used as it is. Otherwise, from a checkout of
    huggingface/pytorch-image-models at `root` (default: $TIMM_ROOT, else .third_party/timm beside this
    file), only what RepViT needs is imported: `timm` and `timm.models` are registered as bare packages
    over the checkout's folders, so their __init__ files (which import every one of timm's ~100 model
    families, some of which may need a newer torch than Debian's 1.13) do not run; then
    timm.models.repvit (registers repvit_m*), timm.models._factory (create_model) and what they import
    (timm.layers, timm.data, the feature wrappers) load as usual. timm's huggingface_hub and safetensors
    imports are optional (try/except ImportError in timm.models._hub / _helpers) and are only used to
    download pretrained weights, which build_model never asks for, so nothing is stubbed for them.
    Returns the folder timm was imported from, or None when no timm could be found (a Hiera config
    needs none)."""
    try:
        import timm.models  # noqa: F401

        timm = sys.modules["timm"]  # installed, or registered by an earlier call (no __file__)
        return os.path.dirname(os.path.dirname(timm.__file__) if getattr(timm, "__file__", None) else timm.__path__[0])
    except ImportError:
        for name in [k for k in sys.modules if k == "timm" or k.startswith("timm.")]:
            del sys.modules[name]  # a failed partial import
    root = root or os.environ.get("TIMM_ROOT") or DEFAULT_TIMM_ROOT
    if not os.path.isdir(os.path.join(root, "timm", "models")):
        return None
    root = os.path.abspath(root)
    sys.path.insert(0, root)
    for name in ("timm", "timm.models"):
        pkg = types.ModuleType(name)
        pkg.__path__ = [os.path.join(root, *name.split("."))]
        sys.modules[name] = pkg
    sys.modules["timm"].__version__ = importlib.import_module("timm.version").__version__
    sys.modules["timm"].models = sys.modules["timm.models"]
    importlib.import_module("timm.models.repvit")
    sys.modules["timm.models"].create_model = importlib.import_module("timm.models._factory").create_model
    return root


_timm_root = None  # import_sam2's timm_root, for build_model's import_timm


def import_sam2(root=None, timm_root=None):
    """Imports the `sam2` package (from `root`, the folder holding it, when given). timm_root: where
    build_model finds timm for a TimmBackbone trunk (EdgeTAM) when timm is not installed."""
    global _timm_root
    _timm_root = timm_root
    if root:
        sys.path.insert(0, os.path.abspath(root))
    try:
        import hydra  # noqa: F401
    except ImportError:
        # sam2/__init__.py only initialises hydra's config search path; build_model does not need it.
        class GlobalHydra:
            @staticmethod
            def instance():
                return types.SimpleNamespace(is_initialized=lambda: True)

        _module("hydra", initialize_config_module=lambda *a, **k: None, compose=None)
        _module("hydra.core")
        _module("hydra.core.global_hydra", GlobalHydra=GlobalHydra)
        _module("hydra.utils", instantiate=instantiate)
    try:
        import iopath  # noqa: F401
    except ImportError:
        _module("iopath")
        _module("iopath.common")
        _module("iopath.common.file_io", g_pathmgr=types.SimpleNamespace(open=open))
    if not hasattr(F, "scaled_dot_product_attention"):
        F.scaled_dot_product_attention = sdpa_math
    if not hasattr(torch.backends.cuda, "sdp_kernel"):
        # EdgeTAM's transformer selects attention kernels with it (torch >= 2.0); on CPU it is a no-op.
        torch.backends.cuda.sdp_kernel = lambda **kw: contextlib.nullcontext()
    import sam2

    return sam2


def instantiate(node):
    """hydra.utils.instantiate(node, _recursive_=True) for plain dict/list configs."""
    if isinstance(node, dict):
        args = {k: instantiate(v) for k, v in node.items() if k != "_target_"}
        if "_target_" not in node:
            return args
        module, _, name = node["_target_"].rpartition(".")
        return getattr(importlib.import_module(module), name)(**args)
    if isinstance(node, list):
        return [instantiate(v) for v in node]
    return node


def _merge(base, extra):
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v
    return base


def config_path(config, sam2_pkg):
    """A yaml path as given, or relative to the sam2 package (hydra's `configs/sam2.1/...` names)."""
    if os.path.isfile(config):
        return config
    p = os.path.join(os.path.dirname(sam2_pkg.__file__), config)
    if os.path.isfile(p):
        return p
    raise FileNotFoundError(f"config not found: {config} (nor {p})")


def build_model(config, checkpoint=None, model_overrides=None, video_predictor=True):
    """SAM2VideoPredictor (or SAM2Base) from a config yaml, like build_sam2_video_predictor, on CPU, eval."""
    from omegaconf import OmegaConf

    sam2 = sys.modules["sam2"]
    cfg = OmegaConf.to_container(OmegaConf.load(config_path(config, sam2)), resolve=True)
    model_cfg = cfg["model"]
    if video_predictor:
        _merge(model_cfg, VIDEO_PREDICTOR_OVERRIDES)
    if model_overrides:
        _merge(model_cfg, model_overrides)
    trunk = model_cfg.get("image_encoder", {}).get("trunk", {})
    if trunk.get("_target_", "").endswith("TimmBackbone"):
        if import_timm(_timm_root) is None:
            raise ImportError(f"{config}: the trunk is timm's {trunk.get('name')}; pip install timm, or pass a "
                              f"huggingface/pytorch-image-models checkout (--timm-root / $TIMM_ROOT / {DEFAULT_TIMM_ROOT})")
        _timm_without_download()
    model = instantiate(model_cfg)
    if checkpoint:
        sd = torch.load(checkpoint, map_location="cpu")["model"]
        missing, unexpected = model.load_state_dict(sd)
        if missing or unexpected:
            raise RuntimeError(f"checkpoint does not fit the config: missing {missing}, unexpected {unexpected}")
    return model.eval()


def _timm_without_download():
    """EdgeTAM's TimmBackbone asks timm for pretrained=True (ImageNet RepViT weights, downloaded from
    the Hugging Face hub); the video checkpoint overwrites every one of them and random-weight checks
    need the seed's weights, so the trunk is created with pretrained=False. Same architecture, same
    parameter names (load_state_dict in build_model checks them against the checkpoint)."""
    from sam2.modeling.backbones import timm as timm_backbone

    if getattr(timm_backbone, "_keyframe_no_download", False):
        return
    create = timm_backbone.create_model

    def create_model(name, **kw):
        kw["pretrained"] = False
        return create(name, **kw)

    timm_backbone.create_model = create_model
    timm_backbone._keyframe_no_download = True


# ---------------------------------------------------------------------------------------------
# Export-time patches.

def rope_tables(dim, end_x, end_y, theta, like):
    """cos/sin of compute_axial_cis's angles, [end_x*end_y, dim/2]; arange from a traced size so the
    exporter keeps the few ops in the graph instead of folding a table per layer into constants."""
    n = like.shape[-2]
    t = torch.arange(n, dtype=torch.float32)
    t_x = t % end_x
    t_y = torch.div(t, end_x, rounding_mode="floor")
    freqs = 1.0 / (theta ** (torch.arange(0, dim, 4)[: (dim // 4)].float() / dim))
    ang = torch.cat([torch.outer(t_x, freqs), torch.outer(t_y, freqs)], dim=-1)
    return torch.cos(ang), torch.sin(ang)


def rotate_real(x, cos, sin):
    """x * e^{i angle} on consecutive (re, im) pairs of the last dim, as view_as_complex pairs them."""
    xr = x.reshape(*x.shape[:-1], -1, 2)
    re, im = xr[..., 0], xr[..., 1]
    return torch.stack([re * cos - im * sin, re * sin + im * cos], dim=-1).flatten(-2)


def apply_rotary_real(xq, xk, cos, sin, repeat_freqs_k=False):
    """position_encoding.apply_rotary_enc with real cos/sin: keys are [.., r*HW, d] for r memory frames."""
    q = rotate_real(xq.float(), cos, sin).type_as(xq)
    if xk.shape[-2] == 0:
        return q, xk
    if repeat_freqs_k:
        b, h, _, d = xk.shape
        k = rotate_real(xk.float().reshape(b, h, -1, cos.shape[0], d), cos, sin).reshape(b, h, -1, d)
    else:
        k = rotate_real(xk.float(), cos, sin)
    return q, k.type_as(xk)


def rope_attention_forward(self, q, k, v, num_k_exclude_rope=0):
    """transformer.RoPEAttention.forward with real-valued rotary encoding and dynamic key counts."""
    q = self._separate_heads(self.q_proj(q), self.num_heads)
    k = self._separate_heads(self.k_proj(k), self.num_heads)
    v = self._separate_heads(self.v_proj(v), self.num_heads)
    side = int(round(math.sqrt(q.shape[-2])))
    dim = self.internal_dim // self.num_heads
    theta = self._rope_theta
    cos, sin = rope_tables(dim, side, side, theta, q)
    n_rope = k.shape[-2] - num_k_exclude_rope
    k_rope, k_rest = k[:, :, :n_rope], k[:, :, n_rope:]
    q, k_rope = apply_rotary_real(q, k_rope, cos, sin, repeat_freqs_k=self.rope_k_repeat)
    k = torch.cat([k_rope, k_rest], dim=2)
    out = F.scaled_dot_product_attention(q, k, v)
    return self.out_proj(self._recombine_heads(out))


def rope_attention_v2_forward(self, q, k, v, num_k_exclude_rope=0, rope_k_repeat=-1):
    """EdgeTAM's RoPEAttentionv2.forward in real cos/sin: queries on a q_sizes grid; each of the
    memories' token groups is [1-D latents (no rotation), 2-D latents on a k_sizes grid]."""
    q = self._separate_heads(self.q_proj(q), self.num_heads)
    k = self._separate_heads(self.k_proj(k), self.num_heads)
    v = self._separate_heads(self.v_proj(v), self.num_heads)
    dim = self.internal_dim // self.num_heads
    theta = self._rope_theta
    cq, sq = rope_tables(dim, self._q_sizes[0], self._q_sizes[1], theta, q)
    q = rotate_real(q.float(), cq, sq).type_as(q)
    n_rope = k.shape[-2] - num_k_exclude_rope
    k_sp, k_rest = k[:, :, :n_rope], k[:, :, n_rope:]
    rope_tokens = self._k_sizes[0] * self._k_sizes[1]
    b, h, _, d = k_sp.shape
    # tokens per memory: from the call when it is a plain int, else (traced: a dynamic memory count)
    # the perceiver's latent count recorded by prepare_rope_modules
    tokens = k_sp.shape[-2] // rope_k_repeat if isinstance(rope_k_repeat, int) and rope_k_repeat > 0 else self._tokens_per_memory
    per = k_sp.reshape(b, h, -1, tokens, d)
    ck, sk = rope_tables(dim, self._k_sizes[0], self._k_sizes[1], theta, per[:, :, 0, -rope_tokens:])
    no_rope = per[..., : per.shape[-2] - rope_tokens, :]
    rot = rotate_real(per[..., per.shape[-2] - rope_tokens:, :].float(), ck, sk).type_as(k)
    k = torch.cat([torch.cat([no_rope, rot], dim=3).reshape(b, h, -1, d), k_rest], dim=2)
    out = F.scaled_dot_product_attention(q, k, v)
    return self.out_proj(self._recombine_heads(out))


def _embed_points_where(self, points, labels, pad):
    """PromptEncoder._embed_points with torch.where (as current sam2 writes it) instead of EdgeTAM's
    boolean-mask assignments, which trace to fixed point counts; same values."""
    points = points + 0.5
    if pad:
        points = torch.cat([points, torch.zeros((points.shape[0], 1, 2))], dim=1)
        labels = torch.cat([labels, -torch.ones((labels.shape[0], 1), dtype=labels.dtype)], dim=1)
    emb = self.pe_layer.forward_with_coords(points, self.input_image_size)
    emb = torch.where((labels == -1).unsqueeze(-1), torch.zeros_like(emb) + self.not_a_point_embed.weight, emb)
    for i in range(4):
        emb = torch.where((labels == i).unsqueeze(-1), emb + self.point_embeddings[i].weight, emb)
    return emb


def _pos_embed_no_tile(self, hw):
    """hieradet.Hiera._get_pos_embed with repeat for tile (torch 1.13's exporter has no aten::tile)."""
    h, w = hw
    window_embed = self.pos_embed_window
    pos_embed = F.interpolate(self.pos_embed, size=(h, w), mode="bicubic")
    pos_embed = pos_embed + window_embed.repeat(*[x // y for x, y in zip(pos_embed.shape, window_embed.shape)])
    return pos_embed.permute(0, 2, 3, 1)


def _stability_scores_f32(self, mask_logits):
    """MaskDecoder._get_stability_scores with a float32 fill (a Python 1.0 binds Where to double)."""
    mask_logits = mask_logits.flatten(-2)
    delta = self.dynamic_multimask_stability_delta
    area_i = torch.sum(mask_logits > delta, dim=-1).float()
    area_u = torch.sum(mask_logits > -delta, dim=-1).float()
    return torch.where(area_u > 0, area_i / area_u, torch.ones_like(area_i))


def native_sdpa_exports():
    """Whether torch.onnx's TorchScript exporter can export the native F.scaled_dot_product_attention:
    it has a symbolic for aten::scaled_dot_product_attention (opset >= 14) from torch 2.1 on; torch
    2.0 has the op but no symbolic. (On torch 1.13 F.scaled_dot_product_attention is sdpa_math.)"""
    major, minor = (int("".join(ch for ch in p if ch.isdigit()) or 0) for p in torch.__version__.split("+")[0].split(".")[:2])
    return (major, minor) >= (2, 1)


@contextlib.contextmanager
def export_patches():
    """Replaces, for the duration of an export:
      * RoPEAttention.forward: complex rotary encoding -> the same maths in real cos/sin (ONNX has no
        complex tensors), tables computed in the graph (not baked per layer and per memory frame);
      * Hiera._get_pos_embed: tile -> repeat;
      * sam2_base.NO_OBJ_SCORE and the stability score's fill: float32 tensors, not Python floats;
      * PromptEncoder._embed_points: torch.where, not boolean-mask assignment (EdgeTAM's older form
        traces to a fixed number of points);
      * EdgeTAM's RoPEAttentionv2.forward: real cos/sin, dynamic memory count;
      * on torch 2.0 only (native_sdpa_exports() false): F.scaled_dot_product_attention -> sdpa_math,
        which the exporter can trace; torch >= 2.1 exports the native op (its symbolic is the same
        math), torch 1.13 already has sdpa_math from import_sam2.
    check_rope_equal() proves the real form equals the complex one."""
    from sam2.modeling import sam2_base
    from sam2.modeling.backbones import hieradet
    from sam2.modeling.sam import mask_decoder, prompt_encoder, transformer

    saved = [
        (transformer.RoPEAttention, "forward", transformer.RoPEAttention.forward),
        (hieradet.Hiera, "_get_pos_embed", hieradet.Hiera._get_pos_embed),
        (mask_decoder.MaskDecoder, "_get_stability_scores", mask_decoder.MaskDecoder._get_stability_scores),
        (sam2_base, "NO_OBJ_SCORE", sam2_base.NO_OBJ_SCORE),
    ]
    transformer.RoPEAttention.forward = rope_attention_forward
    saved.append((prompt_encoder.PromptEncoder, "_embed_points", prompt_encoder.PromptEncoder._embed_points))
    prompt_encoder.PromptEncoder._embed_points = _embed_points_where
    if hasattr(transformer, "RoPEAttentionv2"):
        saved.append((transformer.RoPEAttentionv2, "forward", transformer.RoPEAttentionv2.forward))
        transformer.RoPEAttentionv2.forward = rope_attention_v2_forward
    if not native_sdpa_exports() and F.scaled_dot_product_attention is not sdpa_math:
        saved.append((F, "scaled_dot_product_attention", F.scaled_dot_product_attention))
        F.scaled_dot_product_attention = sdpa_math
    hieradet.Hiera._get_pos_embed = _pos_embed_no_tile
    mask_decoder.MaskDecoder._get_stability_scores = _stability_scores_f32
    sam2_base.NO_OBJ_SCORE = torch.tensor(sam2_base.NO_OBJ_SCORE, dtype=torch.float32)
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def prepare_rope_modules(model):
    """Records each RoPEAttention's theta (the official module keeps it only inside a partial)."""
    from sam2.modeling.sam import transformer

    v2 = getattr(transformer, "RoPEAttentionv2", None)
    for mod in model.modules():
        if isinstance(mod, transformer.RoPEAttention) or (v2 and isinstance(mod, v2)):
            mod._rope_theta = mod.compute_cis.keywords["theta"]
        if v2 and isinstance(mod, v2):
            side = lambda n: int(round(math.sqrt(n)))  # noqa: E731  (square grids, as EdgeTAM's configs)
            mod._q_sizes = (side(mod.freqs_cis_q.shape[0]),) * 2
            mod._k_sizes = (side(mod.freqs_cis_k.shape[0]),) * 2
            sp = getattr(model, "spatial_perceiver", None)
            mod._tokens_per_memory = sp.num_latents + sp.num_latents_2d if sp is not None else mod.freqs_cis_k.shape[0]


def check_rope_equal(model, memory_frames=3, ptr_tokens=4, seed=0):
    """Max |official - patched| of every RoPEAttention on random inputs (keys over several memory
    frames plus unrotated pointer tokens); returns the largest difference."""
    from sam2.modeling.sam.transformer import RoPEAttention

    prepare_rope_modules(model)
    g = torch.Generator().manual_seed(seed)
    worst = 0.0
    for mod in model.modules():
        if not isinstance(mod, RoPEAttention):
            continue
        n = mod.freqs_cis.shape[0]
        q = torch.randn(1, n, mod.embedding_dim, generator=g)
        frames = memory_frames if mod.rope_k_repeat else 1
        extra = ptr_tokens if mod.rope_k_repeat else 0
        k = torch.randn(1, n * frames + extra, mod.kv_in_dim, generator=g)
        v = torch.randn(1, n * frames + extra, mod.kv_in_dim, generator=g)
        with torch.no_grad():
            a = RoPEAttention.forward(mod, q, k, v, num_k_exclude_rope=extra)
            b = rope_attention_forward(mod, q, k, v, num_k_exclude_rope=extra)
        worst = max(worst, (a - b).abs().max().item())
    from sam2.modeling.sam import transformer

    v2 = getattr(transformer, "RoPEAttentionv2", None)
    for mod in model.modules():
        if not (v2 and isinstance(mod, v2)):
            continue
        nq = mod.freqs_cis_q.shape[0]
        per = mod.freqs_cis_k.shape[0] + 3  # 3 unrotated 1-D latents per memory
        q = torch.randn(1, nq, mod.embedding_dim, generator=g)
        k = torch.randn(1, per * memory_frames + ptr_tokens, mod.kv_in_dim, generator=g)
        v = torch.randn(1, per * memory_frames + ptr_tokens, mod.kv_in_dim, generator=g)
        with torch.no_grad():
            a = v2.forward(mod, q, k.clone(), v, num_k_exclude_rope=ptr_tokens, rope_k_repeat=memory_frames)
            b = rope_attention_v2_forward(mod, q, k.clone(), v, num_k_exclude_rope=ptr_tokens, rope_k_repeat=memory_frames)
        worst = max(worst, (a - b).abs().max().item())
    return worst


def fix_edgetam_batched_perceiver():
    """EdgeTAM's PerceiverResampler.forward_2d views an expanded tensor, which fails for more than
    one object at once (its older predictor batches objects when it encodes prompted frames);
    the same code with the first view made a reshape. Values are unchanged."""
    from sam2.modeling import perceiver

    if getattr(perceiver.PerceiverResampler, "_keyframe_fixed", False):
        return

    def forward_2d(self, x):
        B, C, H, W = x.shape
        latents_2d = self.latents_2d.unsqueeze(0).expand(B, -1, -1).reshape(-1, 1, C)
        num_window = int(math.sqrt(self.num_latents_2d))
        window_size = H // num_window
        x = perceiver.window_partition(x.permute(0, 2, 3, 1), window_size).flatten(1, 2)
        for layer in self.layers:
            latents_2d = layer(latents_2d, x)
        latents_2d = latents_2d.view(B, num_window, num_window, C).permute(0, 3, 1, 2)
        pos_2d = self.position_encoding(latents_2d).permute(0, 2, 3, 1).flatten(1, 2)
        latents_2d = self.norm(latents_2d.permute(0, 2, 3, 1).flatten(1, 2))
        return latents_2d, pos_2d

    perceiver.PerceiverResampler.forward_2d = forward_2d
    perceiver.PerceiverResampler._keyframe_fixed = True
