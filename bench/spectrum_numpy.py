#!/usr/bin/env python3
"""numpy reference for bench_spectrum: the same windowed power spectrum, centred
plane, log and radial profile, on the same image. Prints JSON timings (ms).

Usage: spectrum_numpy.py IMAGE [--repeat N]
Uses Debian's python3-numpy (numpy.fft = pocketfft, double precision, one thread).
"""
import argparse
import json
import time

import numpy as np
from PIL import Image


def hann(n):
    t = (np.arange(n) + 0.5) / n
    return (0.5 - 0.5 * np.cos(2 * np.pi * t)).astype(np.float32)


def tile_positions(length, tile, overlap=0.5):
    if length <= tile:
        return [0]
    step = max(1.0, tile * (1.0 - overlap))
    n = 1 + int(np.ceil((length - tile) / step))
    return [int(round((length - tile) * i / max(n - 1, 1))) for i in range(n)]


def finish(power, bins=128):
    """Centred log plane and radial profile, as clipflow's make_spectrum."""
    th, tw = power.shape
    log_plane = 10.0 * np.log10(np.maximum(power, 1e-20))
    fy = (np.arange(th) - th // 2) / th
    fx = (np.arange(tw) - tw // 2) / tw
    r = np.hypot(fy[:, None], fx[None, :])
    inside = r < 0.5
    idx = (r[inside] / 0.5 * bins).astype(np.int64)
    sums = np.bincount(idx, weights=power[inside], minlength=bins)
    counts = np.bincount(idx, minlength=bins)
    profile = 10.0 * np.log10(np.maximum(sums / np.maximum(counts, 1), 1e-20))
    return log_plane, profile


def spectrum_fft2(y, tile):
    """Plain numpy: complex fft2 of each windowed tile, fftshift."""
    th, tw = min(tile, y.shape[0]), min(tile, y.shape[1])
    wy, wx = hann(th), hann(tw)
    w2 = wy[:, None] * wx[None, :]
    acc = np.zeros((th, tw))
    ys, xs = tile_positions(y.shape[0], th), tile_positions(y.shape[1], tw)
    for y0 in ys:
        for x0 in xs:
            t = y[y0:y0 + th, x0:x0 + tw]
            acc += np.abs(np.fft.fft2((t - t.mean()) * w2)) ** 2
    power = np.fft.fftshift(acc) / (len(ys) * len(xs) * float((wy.astype(np.float64) ** 2).sum() * (wx.astype(np.float64) ** 2).sum()))
    return finish(power)


def spectrum_rfft2(y, tile):
    """Faster numpy: real FFT, mirrored into the full plane."""
    th, tw = min(tile, y.shape[0]), min(tile, y.shape[1])
    wy, wx = hann(th), hann(tw)
    w2 = wy[:, None] * wx[None, :]
    hw = tw // 2 + 1
    acc = np.zeros((th, hw))
    ys, xs = tile_positions(y.shape[0], th), tile_positions(y.shape[1], tw)
    for y0 in ys:
        for x0 in xs:
            t = y[y0:y0 + th, x0:x0 + tw]
            f = np.fft.rfft2((t - t.mean()) * w2)
            acc += f.real ** 2 + f.imag ** 2
    full = np.empty((th, tw))
    full[:, :hw] = acc
    ky = (-np.arange(th)) % th
    kx = tw - np.arange(hw, tw)
    full[:, hw:] = acc[ky][:, kx]
    power = np.fft.fftshift(full) / (len(ys) * len(xs) * float((wy.astype(np.float64) ** 2).sum() * (wx.astype(np.float64) ** 2).sum()))
    return finish(power)


def luma_of(path):
    im = Image.open(path).convert("RGB")
    a = np.asarray(im, dtype=np.float32) / 255.0
    return (0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]).astype(np.float32)


def best_ms(fn, y, tile, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(y, tile)
        times.append((time.perf_counter() - t0) * 1000.0)
    return min(times), float(np.median(times))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("image")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    y = luma_of(args.image)
    out = {"numpy": np.__version__, "megapixels": y.size / 1e6}
    # For the cross-check: the Welch profile clipflow reports as radial_profile.
    out["welch1024_profile_db"] = [round(float(v), 4) for v in spectrum_rfft2(y, 1024)[1]]
    for name, tile in (("full_frame", 1 << 16), ("welch1024", 1024)):
        for variant, fn in (("fft2", spectrum_fft2), ("rfft2", spectrum_rfft2)):
            mn, med = best_ms(fn, y, tile, args.repeat)
            out[f"{name}_{variant}_ms"] = med
            out[f"{name}_{variant}_min_ms"] = mn
    print(json.dumps(out))


if __name__ == "__main__":
    main()
