"""OpenAI CLIP building blocks as published (openai/CLIP model.py), and a
safetensors writer written from the format description. Shared by the test
fixtures (tests/scripts/make_clip_fixtures.py) and the benchmark reference
(bench/clip_eager.py); neither calls clipflow's code.
"""
import json
import struct
from collections import OrderedDict

import torch

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


class QuickGELU(torch.nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(torch.nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.attn = torch.nn.MultiheadAttention(width, heads)
        self.ln_1 = torch.nn.LayerNorm(width)
        self.mlp = torch.nn.Sequential(OrderedDict([("c_fc", torch.nn.Linear(width, 4 * width)), ("gelu", QuickGELU()),
                                                    ("c_proj", torch.nn.Linear(4 * width, width))]))
        self.ln_2 = torch.nn.LayerNorm(width)

    def forward(self, x):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(torch.nn.Module):
    def __init__(self, width, layers, heads):
        super().__init__()
        self.resblocks = torch.nn.Sequential(*[ResidualAttentionBlock(width, heads) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


def save_safetensors(path, tensors, dtype="F32", metadata=None):
    """8-byte little-endian header length, JSON header, raw bytes (8-byte aligned start)."""
    header, offset = {}, 0
    if metadata:
        header["__metadata__"] = metadata
    blobs = []
    for name, t in tensors.items():
        t = t.detach().to(DTYPES[dtype]).contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if dtype == "BF16" else t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for b in blobs:
            f.write(b)
