#!/usr/bin/env python3
"""PIL/numpy reference for bench_jpeg: the same JPEG ghosts (ten re-saves at
qualities 50..95, squared differences averaged over 16 x 16 windows, maps of
512 px) and error level picture (quality 90, x20, 1024 px) on the same image.
Prints JSON: timings (ms, best of the repeats) and the ghosts' mean squared
difference per quality, to check that both compute the same thing.

Usage: jpeg_pil.py IMAGE [--repeat N]
Uses Debian's python3-pil (libjpeg-turbo, as OpenCV here) and numpy, one thread.
"""
import argparse
import io
import json
import time

import numpy as np
from PIL import Image


def box_mean(a, k):
    """Mean over k x k windows centred on each pixel, edges reflected (OpenCV's
    BORDER_REFLECT), through summed-area tables."""
    lo, hi = k // 2, k - 1 - k // 2
    p = np.pad(a, ((lo, hi), (lo, hi)), mode="symmetric")
    s = np.zeros((p.shape[0] + 1, p.shape[1] + 1))
    s[1:, 1:] = p.cumsum(0).cumsum(1)
    h, w = a.shape
    return (s[k:k + h, k:k + w] - s[:h, k:k + w] - s[k:k + h, :w] + s[:h, :w]) / (k * k)


def resaved(img, quality):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return np.asarray(Image.open(buf).convert(img.mode), dtype=np.int16)


def ghosts(img, window=16, max_side=512, flat_spread=0.5):
    eight = np.asarray(img, dtype=np.int16)
    h, w = eight.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    small = (max(1, round(w * scale)), max(1, round(h * scale)))
    maps, means = [], []
    for q in range(50, 96, 5):
        d = (resaved(img, q) - eight).astype(np.float32) ** 2
        d = d.mean(axis=2) if d.ndim == 3 else d
        means.append(float(d.mean()))
        m = box_mean(d, window).astype(np.float32)
        maps.append(np.asarray(Image.fromarray(m, "F").resize(small, Image.BOX)))
    stack = np.stack(maps)
    lowest, spread = stack.min(0), stack.max(0) - stack.min(0)
    flat = spread < flat_spread
    scaled = np.where(flat, 255.0, (stack - lowest) / np.where(flat, 1.0, spread) * 255.0)
    return [np.clip(np.rint(s), 0, 255).astype(np.uint8) for s in scaled], means


def error_levels(img, quality=90, gain=20.0, max_side=1024):
    eight = np.asarray(img, dtype=np.int16)
    levels = np.clip(np.abs(resaved(img, quality) - eight) * gain, 0, 255).astype(np.uint8)
    h, w = levels.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    return Image.fromarray(levels).resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.BOX)


def best_ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("image")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    img = Image.open(args.image)
    img = img.convert("RGB" if img.mode not in ("L", "RGB") else img.mode)
    img.load()
    _, means = ghosts(img)
    print(json.dumps({
        "megapixels": img.width * img.height / 1e6,
        "ghosts_ms": best_ms(lambda: ghosts(img), args.repeat),
        "error_levels_ms": best_ms(lambda: error_levels(img), args.repeat),
        "mean_difference": means,
    }))


if __name__ == "__main__":
    main()
