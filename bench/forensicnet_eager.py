#!/usr/bin/env python3
"""Python/PyTorch eager reference for bench_forensicnet: the forensic-v2 network
(core/src/detect/forensicnet.cpp) with the same weights, read from the safetensors
file directly, on the same deterministic views.

Usage: forensicnet_eager.py WEIGHTS [RUNS]
Prints JSON: the test view's features, and the best time per 256 x 256 crop for
batches of 1 and 8 in the default (NCHW) and channels-last layouts, one thread.
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from clip_eager import load_safetensors

CHANNELS = [3, 16, 32, 64, 64, 128]
STRIDES = [1, 1, 2, 2, 2]
GAIN = 20.0


def load(path):
    # The same reader as the CLIP reference; tensor names without the "net." prefix.
    return {name[len("net."):]: t for name, t in load_safetensors(path).items()}


def features(w, x, channels_last):
    p = F.pad(x, (1, 1, 1, 1), mode="reflect")
    x = (x - F.avg_pool2d(p, 3, 1)) * GAIN
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    for i in range(5):
        weight = w[f"conv{i}.weight"]
        if channels_last:
            weight = weight.contiguous(memory_format=torch.channels_last)
        x = F.conv2d(x, weight, w[f"conv{i}.bias"], stride=STRIDES[i], padding=1)
        x = F.batch_norm(x, w[f"norm{i}.running_mean"], w[f"norm{i}.running_var"], w[f"norm{i}.weight"], w[f"norm{i}.bias"],
                         training=False, eps=1e-5)
        x = F.relu(x)
    return torch.cat([x.mean((2, 3)), x.std((2, 3))], 1)


def test_view(side, index):
    # The LCG of forensicnet_bench.cpp.
    s = (12345 + index) & 0xFFFFFFFF
    v = np.empty(side * side * 3, dtype=np.float32)
    for i in range(v.size):
        s = (s * 1664525 + 1013904223) & 0xFFFFFFFF
        v[i] = (s >> 24) / 255.0
    return torch.from_numpy(v.reshape(side, side, 3)).permute(2, 0, 1).unsqueeze(0)


def main():
    torch.set_num_threads(1)
    w = load(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    views = [test_view(256, i) for i in range(8)]
    out = {}
    with torch.inference_mode():
        out["features"] = features(w, views[0], False)[0].tolist()
        for layout in ("nchw", "channels_last"):
            for batch in (1, 8):
                x = torch.cat(views[:batch])
                features(w, x, layout == "channels_last")  # warm-up
                best = float("inf")
                for _ in range(runs):
                    t = time.perf_counter()
                    features(w, x, layout == "channels_last")
                    best = min(best, time.perf_counter() - t)
                out[f"{layout}_batch{batch}_ms_per_crop"] = 1000.0 * best / batch
    print(json.dumps(out))


if __name__ == "__main__":
    main()
