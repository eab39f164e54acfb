#!/usr/bin/env python3
"""Test fixtures for the CLIP encoder, generated at test time (never committed).

Writes to OUTDIR:
  tiny CLIP vision towers with the same random weights in three formats and
  three dtypes:
    hf-{f32,f16,bf16}.safetensors       Hugging Face CLIPModel names
    openai-{f32,f16,bf16}.safetensors   OpenAI / open_clip names (visual.*)
    openai-{f32,f16,bf16}.pt            TorchScript archives shaped like OpenAI's
    heads2/model.safetensors + config.json   HF names, 2 heads via config.json
  images/*.png                          test pictures of several shapes
  reference.safetensors                 independent results:
    inputs   preprocessed images (Pillow bicubic, torchvision-style crop, CLIP norm)
    proj/cls/blocks  outputs of the network written below from the architecture
    description (not from clipflow's code), for f32 weights and 1 head;
    heads2_proj  the same with 2 heads.
"""
import json
import os
import sys
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from clip_modules import DTYPES, Transformer, save_safetensors  # noqa: E402

WIDTH, LAYERS, PATCH, SIZE, OUT = 64, 2, 32, 224, 32
MEAN = (0.48145466, 0.4578275, 0.40821073)
STD = (0.26862954, 0.26130258, 0.27577711)


def openai_weights(seed=1234):
    g = torch.Generator().manual_seed(seed)
    r = lambda *s, scale=0.05: (torch.randn(*s, generator=g) * scale)
    grid = SIZE // PATCH
    w = OrderedDict()
    w["visual.conv1.weight"] = r(WIDTH, 3, PATCH, PATCH, scale=0.02)
    w["visual.class_embedding"] = r(WIDTH, scale=0.1)
    w["visual.positional_embedding"] = r(grid * grid + 1, WIDTH, scale=0.1)
    w["visual.ln_pre.weight"] = 1 + r(WIDTH, scale=0.1)
    w["visual.ln_pre.bias"] = r(WIDTH, scale=0.1)
    for i in range(LAYERS):
        p = f"visual.transformer.resblocks.{i}."
        w[p + "ln_1.weight"] = 1 + r(WIDTH, scale=0.1)
        w[p + "ln_1.bias"] = r(WIDTH, scale=0.1)
        w[p + "attn.in_proj_weight"] = r(3 * WIDTH, WIDTH, scale=0.2)
        w[p + "attn.in_proj_bias"] = r(3 * WIDTH, scale=0.05)
        w[p + "attn.out_proj.weight"] = r(WIDTH, WIDTH, scale=0.1)
        w[p + "attn.out_proj.bias"] = r(WIDTH, scale=0.05)
        w[p + "ln_2.weight"] = 1 + r(WIDTH, scale=0.1)
        w[p + "ln_2.bias"] = r(WIDTH, scale=0.1)
        w[p + "mlp.c_fc.weight"] = r(4 * WIDTH, WIDTH, scale=0.1)
        w[p + "mlp.c_fc.bias"] = r(4 * WIDTH, scale=0.05)
        w[p + "mlp.c_proj.weight"] = r(WIDTH, 4 * WIDTH, scale=0.05)
        w[p + "mlp.c_proj.bias"] = r(WIDTH, scale=0.05)
    w["visual.ln_post.weight"] = 1 + r(WIDTH, scale=0.1)
    w["visual.ln_post.bias"] = r(WIDTH, scale=0.1)
    w["visual.proj"] = r(WIDTH, OUT, scale=0.1)
    return w


def to_hf(w):
    h = OrderedDict()
    v = "vision_model."
    h[v + "embeddings.patch_embedding.weight"] = w["visual.conv1.weight"]
    h[v + "embeddings.class_embedding"] = w["visual.class_embedding"]
    h[v + "embeddings.position_embedding.weight"] = w["visual.positional_embedding"]
    h[v + "pre_layrnorm.weight"] = w["visual.ln_pre.weight"]
    h[v + "pre_layrnorm.bias"] = w["visual.ln_pre.bias"]
    for i in range(LAYERS):
        p, q = f"visual.transformer.resblocks.{i}.", f"{v}encoder.layers.{i}."
        h[q + "layer_norm1.weight"] = w[p + "ln_1.weight"]
        h[q + "layer_norm1.bias"] = w[p + "ln_1.bias"]
        for j, n in enumerate("qkv"):
            h[q + f"self_attn.{n}_proj.weight"] = w[p + "attn.in_proj_weight"][j * WIDTH:(j + 1) * WIDTH]
            h[q + f"self_attn.{n}_proj.bias"] = w[p + "attn.in_proj_bias"][j * WIDTH:(j + 1) * WIDTH]
        h[q + "self_attn.out_proj.weight"] = w[p + "attn.out_proj.weight"]
        h[q + "self_attn.out_proj.bias"] = w[p + "attn.out_proj.bias"]
        h[q + "layer_norm2.weight"] = w[p + "ln_2.weight"]
        h[q + "layer_norm2.bias"] = w[p + "ln_2.bias"]
        h[q + "mlp.fc1.weight"] = w[p + "mlp.c_fc.weight"]
        h[q + "mlp.fc1.bias"] = w[p + "mlp.c_fc.bias"]
        h[q + "mlp.fc2.weight"] = w[p + "mlp.c_proj.weight"]
        h[q + "mlp.fc2.bias"] = w[p + "mlp.c_proj.bias"]
    h[v + "post_layernorm.weight"] = w["visual.ln_post.weight"]
    h[v + "post_layernorm.bias"] = w["visual.ln_post.bias"]
    h["visual_projection.weight"] = w["visual.proj"].t().contiguous()
    # A CLIPModel file also holds the text tower; the loader must ignore it.
    h["text_model.embeddings.token_embedding.weight"] = torch.zeros(10, 16)
    return h


class VisionTransformer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        grid = SIZE // PATCH
        self.conv1 = torch.nn.Conv2d(3, WIDTH, PATCH, PATCH, bias=False)
        self.class_embedding = torch.nn.Parameter(torch.zeros(WIDTH))
        self.positional_embedding = torch.nn.Parameter(torch.zeros(grid * grid + 1, WIDTH))
        self.ln_pre = torch.nn.LayerNorm(WIDTH)
        self.transformer = Transformer(WIDTH, LAYERS, 1)
        self.ln_post = torch.nn.LayerNorm(WIDTH)
        self.proj = torch.nn.Parameter(torch.zeros(WIDTH, OUT))

    def forward(self, x):
        return self.conv1(x)


class CLIP(torch.nn.Module):
    """Shaped like OpenAI's archive: visual.* plus a (stub) text tower."""

    def __init__(self):
        super().__init__()
        self.visual = VisionTransformer()
        self.token_embedding = torch.nn.Embedding(10, 16)

    def forward(self, image):
        return self.visual(image)


def save_torchscript(path, w, dtype):
    m = CLIP()
    state = m.state_dict()
    state.update(w)
    m.load_state_dict(state)
    m = m.to(DTYPES[dtype]).eval()
    torch.jit.save(torch.jit.script(m), path)


def reference_forward(w, x, heads):
    """CLIP ViT image tower from the architecture description (float64)."""
    t = {k: v.double() for k, v in w.items()}
    x = x.double()
    B = x.shape[0]
    x = F.conv2d(x, t["visual.conv1.weight"], stride=PATCH)
    x = x.reshape(B, WIDTH, -1).permute(0, 2, 1)
    x = torch.cat([t["visual.class_embedding"].expand(B, 1, WIDTH), x], 1) + t["visual.positional_embedding"]
    ln = lambda v, p: F.layer_norm(v, (WIDTH,), t[p + ".weight"], t[p + ".bias"], 1e-5)
    x = ln(x, "visual.ln_pre")
    blocks = []
    d = WIDTH // heads
    for i in range(LAYERS):
        p = f"visual.transformer.resblocks.{i}."
        y = ln(x, p + "ln_1")
        q, k, v = (y @ t[p + "attn.in_proj_weight"].T + t[p + "attn.in_proj_bias"]).split(WIDTH, -1)
        split = lambda z: z.reshape(B, -1, heads, d).transpose(1, 2)
        att = torch.softmax(split(q) @ split(k).transpose(-1, -2) / d ** 0.5, -1) @ split(v)
        att = att.transpose(1, 2).reshape(B, -1, WIDTH)
        x = x + att @ t[p + "attn.out_proj.weight"].T + t[p + "attn.out_proj.bias"]
        y = ln(x, p + "ln_2") @ t[p + "mlp.c_fc.weight"].T + t[p + "mlp.c_fc.bias"]
        y = y * torch.sigmoid(1.702 * y)
        x = x + y @ t[p + "mlp.c_proj.weight"].T + t[p + "mlp.c_proj.bias"]
        blocks.append(x[:, 0])
    cls = ln(x[:, 0], "visual.ln_post")
    return cls @ t["visual.proj"], cls, torch.stack(blocks, 1)


def preprocess(path):
    """CLIP's transform: RGB, Resize(224, BICUBIC) on the shorter side, CenterCrop, ToTensor, Normalize."""
    im = Image.open(path).convert("RGB")
    w, h = im.size
    if w <= h:
        size = (SIZE, int(SIZE * h / w))
    else:
        size = (int(SIZE * w / h), SIZE)
    im = im.resize(size, Image.BICUBIC)
    left, top = int(round((size[0] - SIZE) / 2.0)), int(round((size[1] - SIZE) / 2.0))
    im = im.crop((left, top, left + SIZE, top + SIZE))
    a = torch.from_numpy(np.asarray(im, dtype=np.float32) / 255.0).permute(2, 0, 1)
    return (a - torch.tensor(MEAN)[:, None, None]) / torch.tensor(STD)[:, None, None]


def make_images(folder):
    rng = np.random.default_rng(7)
    shapes = [(300, 200), (224, 224), (150, 410), (640, 480), (97, 333)]
    paths = []
    for i, (w, h) in enumerate(shapes):
        yy, xx = np.mgrid[0:h, 0:w]
        base = np.stack([np.sin(xx / (7 + 3 * c) + yy / (11 + c)) for c in range(3)], -1) * 90 + 128
        img = np.clip(base + rng.normal(0, 25, (h, w, 3)), 0, 255).astype(np.uint8)
        p = os.path.join(folder, f"img{i}-{w}x{h}.png")
        Image.fromarray(img).save(p)
        paths.append(p)
    return paths


def main():
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    os.makedirs(os.path.join(out, "heads2"), exist_ok=True)
    torch.manual_seed(0)
    w = openai_weights()
    hf = to_hf(w)
    for dtype in ("F32", "F16", "BF16"):
        tag = dtype.lower()
        save_safetensors(os.path.join(out, f"hf-{tag}.safetensors"), hf, dtype, {"format": "pt"})
        save_safetensors(os.path.join(out, f"openai-{tag}.safetensors"), w, dtype)
        save_torchscript(os.path.join(out, f"openai-{tag}.pt"), w, dtype)
    save_safetensors(os.path.join(out, "heads2", "model.safetensors"), hf, "F32")
    with open(os.path.join(out, "heads2", "config.json"), "w") as f:
        json.dump({"vision_config": {"num_attention_heads": 2, "hidden_act": "quick_gelu"}}, f)
    # A pickle, as torch.save writes it with the legacy format.
    torch.save({"visual.conv1.weight": w["visual.conv1.weight"]}, os.path.join(out, "weights.pickle.pt"),
               _use_new_zipfile_serialization=False)
    # A zip that is a torch.save archive, not TorchScript.
    torch.save({"visual.conv1.weight": w["visual.conv1.weight"]}, os.path.join(out, "weights.zip.pt"))

    images = make_images(os.path.join(out, "images"))
    x = torch.stack([preprocess(p) for p in images])
    proj, cls, blocks = reference_forward(w, x, heads=1)
    proj2, _, _ = reference_forward(w, x, heads=2)
    save_safetensors(os.path.join(out, "reference.safetensors"),
                     {"inputs": x, "proj": proj.float(), "cls": cls.float(), "blocks": blocks.float(),
                      "heads2_proj": proj2.float()},
                     metadata={"images": json.dumps([os.path.basename(p) for p in images])})
    print(f"fixtures in {out}: {len(images)} images, 9 model files")


if __name__ == "__main__":
    main()
