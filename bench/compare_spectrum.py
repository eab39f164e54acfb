#!/usr/bin/env python3
"""Side-by-side spectrum benchmark: clipflow (FFTW, bench_spectrum) against
numpy.fft on the same 12-megapixel image, in one run on one machine.

Usage: compare_spectrum.py BUILD_DIR [--image PNG]
Writes BUILD_DIR/bench/spectrum_report.json and prints a table of ratios.
"""
import argparse
import json
import os
import re
import subprocess
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def make_image(path, width=4000, height=3000, seed=12):
    """A photo-like test image: 1/f amplitude spectrum (natural-image statistics),
    random phase, per-channel variation, 8-bit RGB PNG. Deterministic."""
    rng = np.random.default_rng(seed)
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.rfftfreq(width)[None, :]
    amp = 1.0 / np.maximum(np.hypot(fx, fy), 1.0 / max(width, height))
    chans = []
    for _ in range(3):
        phase = rng.uniform(0, 2 * np.pi, amp.shape)
        field = np.fft.irfft2(amp * np.exp(1j * phase), s=(height, width))
        field = (field - field.mean()) / field.std()
        chans.append(field)
    rgb = np.stack(chans, -1) * 0.15 + 0.5 + rng.normal(0, 0.01, (height, width, 3))
    Image.fromarray((np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8)).save(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--image")
    args = ap.parse_args()
    out_dir = os.path.join(args.build, "bench")
    image = args.image or os.path.join(out_dir, "photo-12mp.png")
    if not os.path.exists(image):
        print(f"making {image} ...", flush=True)
        make_image(image)

    env = dict(os.environ, CLIPFLOW_BENCH_IMAGE=image)
    raw = subprocess.run([os.path.join(out_dir, "bench_spectrum"), "--benchmark_format=json"],
                         env=env, check=True, capture_output=True, text=True).stdout
    cpp = {re.sub(r"/min_time:[0-9.]+", "", b["name"]): b["real_time"] for b in json.loads(raw)["benchmarks"]
           if not b.get("error_occurred")}  # BM_WindowSpectrum skips images that are not 8-bit colour
    ctx = json.loads(raw)["context"]
    py = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "spectrum_numpy.py"), image],
                                   check=True, capture_output=True, text=True).stdout)

    # Same numbers? Compare the Welch radial profile with what the CLI reports.
    line = subprocess.run([os.path.join(args.build, "bin", "clipflow"), "spectrum", image, "--json"],
                          check=True, capture_output=True, text=True).stdout
    ours = np.array(json.loads(line)["radial_profile"])
    ref = np.array(py.pop("welch1024_profile_db"))
    diff = float(np.max(np.abs(ours[2:] - ref[2:])))

    rows = []
    for name, key in (("full frame", "full_frame"), ("Welch 1024 tiles", "welch1024")):
        # Conservative: numpy's best single run of its faster variant against our mean.
        numpy_best = min(py[f"{key}_fft2_min_ms"], py[f"{key}_rfft2_min_ms"])
        cpp_key = "BM_FullFrame" if key == "full_frame" else "BM_Welch1024"
        one, all_threads = cpp[f"{cpp_key}/1/real_time"], cpp[f"{cpp_key}/0/real_time"]
        rows.append({"case": name, "numpy_ms": numpy_best, "clipflow_1thread_ms": one,
                     "clipflow_all_threads_ms": all_threads,
                     "speedup_1thread": numpy_best / one, "speedup_all_threads": numpy_best / all_threads})
    report = {"image": image, "megapixels": py["megapixels"], "numpy": py["numpy"],
              "cpus": ctx.get("num_cpus"), "mhz": ctx.get("mhz_per_cpu"), "rows": rows,
              "analyze_spectrum_ms": cpp.get("BM_AnalyzeSpectrum/real_time"),
              "window_spectrum_ms": cpp.get("BM_WindowSpectrum/real_time"),
              "profile_max_abs_diff_db": diff, "numpy_raw": py}
    with open(os.path.join(out_dir, "spectrum_report.json"), "w") as f:
        json.dump(report, f, indent=2)

    print(f"\nSpectrum of a {py['megapixels']:.1f} MP image, {ctx.get('num_cpus')} CPUs, numpy {py['numpy']}")
    print(f"{'case':<18}{'numpy ms':>10}{'ours 1 thr':>12}{'ours all':>10}{'x (1 thr)':>11}{'x (all)':>9}")
    for r in rows:
        print(f"{r['case']:<18}{r['numpy_ms']:>10.1f}{r['clipflow_1thread_ms']:>12.1f}{r['clipflow_all_threads_ms']:>10.1f}"
              f"{r['speedup_1thread']:>10.2f}x{r['speedup_all_threads']:>8.2f}x")
    print(f"full analysis (3 spectra + peaks), ours: {report['analyze_spectrum_ms']:.1f} ms")
    if report["window_spectrum_ms"] is not None:  # the image is 8-bit colour
        print(f"the window's analysis (6 spectra, 8-bit picture, 2 threads): {report['window_spectrum_ms']:.1f} ms")
    print(f"radial profile agreement with numpy: max |diff| = {diff:.4f} dB")
    return 0 if diff < 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
