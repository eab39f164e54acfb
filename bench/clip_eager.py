#!/usr/bin/env python3
"""Python/PyTorch eager reference for bench_encoder: OpenAI's CLIP
VisionTransformer as published (nn.MultiheadAttention, LayerNorm, QuickGELU),
with random weights written to OpenAI-named safetensors so both sides run the
same network on the same inputs.

  clip_eager.py make DIR           write vit-b-32.safetensors, vit-l-14.safetensors, inputs.safetensors
  clip_eager.py time DIR MODEL N   time N forward passes (fp32 and bf16); JSON on stdout
"""
import json
import os
import struct
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from clip_modules import Transformer, save_safetensors  # noqa: E402

CONFIGS = {"vit-b-32": dict(width=768, layers=12, patch=32, out=512), "vit-l-14": dict(width=1024, layers=24, patch=14, out=768)}
SIZE, BATCH = 224, 8


class VisionTransformer(torch.nn.Module):
    def __init__(self, width, layers, patch, out):
        super().__init__()
        grid = SIZE // patch
        self.conv1 = torch.nn.Conv2d(3, width, patch, patch, bias=False)
        self.class_embedding = torch.nn.Parameter(torch.randn(width) * width ** -0.5)
        self.positional_embedding = torch.nn.Parameter(torch.randn(grid * grid + 1, width) * width ** -0.5)
        self.ln_pre = torch.nn.LayerNorm(width)
        self.transformer = Transformer(width, layers, width // 64)
        self.ln_post = torch.nn.LayerNorm(width)
        self.proj = torch.nn.Parameter(torch.randn(width, out) * width ** -0.5)

    def forward(self, x):  # as in openai/CLIP model.py
        x = self.conv1(x)
        x = x.reshape(x.shape[0], x.shape[1], -1).permute(0, 2, 1)
        cls = self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding.to(x.dtype)
        x = self.ln_pre(x).permute(1, 0, 2)
        x = self.transformer(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        out[k] = torch.frombuffer(bytearray(data[a:b]), dtype=torch.float32).reshape(v["shape"])
    return out


def make(folder):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(0)
    for name, c in CONFIGS.items():
        path = os.path.join(folder, name + ".safetensors")
        if os.path.exists(path):
            continue
        m = VisionTransformer(**c)
        for p in m.parameters():  # non-trivial LayerNorm and bias values
            if p.dim() == 1:
                p.data.normal_(0, 0.02).add_(1.0 if p.shape[0] == c["width"] else 0.0)
        save_safetensors(path, {"visual." + k: v for k, v in m.state_dict().items()})
    path = os.path.join(folder, "inputs.safetensors")
    if not os.path.exists(path):
        save_safetensors(path, {"inputs": torch.randn(BATCH, 3, SIZE, SIZE)})


def timed(fn, n):
    fn()  # warm-up
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), sum(times) / len(times)


def time_model(folder, name, n):
    torch.set_num_threads(os.cpu_count())  # Debian's torch starts with one thread
    c = CONFIGS[name]
    m = VisionTransformer(**c).eval()
    m.load_state_dict({k[len("visual."):]: v for k, v in load_safetensors(os.path.join(folder, name + ".safetensors")).items()})
    x = load_safetensors(os.path.join(folder, "inputs.safetensors"))["inputs"]
    out = {"model": name, "batch": x.shape[0], "threads": torch.get_num_threads(), "torch": torch.__version__}
    with torch.inference_mode():
        best, mean = timed(lambda: m(x), n)
        out["fp32_best_s"], out["fp32_mean_s"] = best, mean
        mb = m.to(torch.bfloat16)
        xb = x.to(torch.bfloat16)
        best, mean = timed(lambda: mb(xb), n)
        out["bf16_best_s"], out["bf16_mean_s"] = best, mean
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        time_model(sys.argv[2], sys.argv[3], int(sys.argv[4]))
