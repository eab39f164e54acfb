#!/usr/bin/env python3
"""Side-by-side benchmark of the JPEG tab's pictures: clipflow (bench_jpeg) against
PIL/numpy (jpeg_pil.py) on the same 12-megapixel JPEG, in one run on one machine.

Usage: compare_jpeg.py BUILD_DIR [--image JPEG]
Writes BUILD_DIR/bench/jpeg_report.json and prints a table of ratios.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from compare_spectrum import make_image  # noqa: E402  the same photo-like 1/f scene


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--image")
    args = ap.parse_args()
    out_dir = os.path.join(args.build, "bench")
    image = args.image or os.path.join(out_dir, "photo-12mp.jpg")
    if not os.path.exists(image):
        print(f"making {image} ...", flush=True)
        png = os.path.join(out_dir, "photo-12mp.png")
        if not os.path.exists(png):
            make_image(png)
        Image.open(png).save(image, quality=92)  # a camera-like JPEG: what the tab is for

    env = dict(os.environ, CLIPFLOW_BENCH_IMAGE=image)
    raw = subprocess.run([os.path.join(out_dir, "bench_jpeg"), "--benchmark_format=json"],
                         env=env, check=True, capture_output=True, text=True).stdout
    cpp = {re.sub(r"/min_time:[0-9.]+", "", b["name"]): b["real_time"] for b in json.loads(raw)["benchmarks"]
           if not b.get("error_occurred")}
    ctx = json.loads(raw)["context"]
    py = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "jpeg_pil.py"), image],
                                   check=True, capture_output=True, text=True).stdout)

    # Same numbers? The ghosts' mean squared difference per quality, as the CLI reports it.
    with tempfile.TemporaryDirectory() as sheets:
        line = subprocess.run([os.path.join(args.build, "bin", "clipflow"), "jpeg", image, "--json", "--ghosts", sheets],
                              check=True, capture_output=True, text=True).stdout
    ours = np.array(json.loads(line)["ghosts"]["mean_difference"])
    ref = np.array(py["mean_difference"])
    rel = float(np.max(np.abs(ours - ref) / np.maximum(ref, 1e-9)))

    rows = []
    for name, key, bm in (("JPEG ghosts (10 qualities)", "ghosts_ms", "BM_JpegGhosts"),
                          ("error levels (quality 90)", "error_levels_ms", "BM_ErrorLevels")):
        one, all_threads = cpp[f"{bm}/1/real_time"], cpp[f"{bm}/0/real_time"]
        rows.append({"case": name, "pil_ms": py[key], "clipflow_1thread_ms": one, "clipflow_all_threads_ms": all_threads,
                     "speedup_1thread": py[key] / one, "speedup_all_threads": py[key] / all_threads,
                     "threads_gain": one / all_threads})
    report = {"image": image, "megapixels": py["megapixels"], "cpus": ctx.get("num_cpus"), "rows": rows,
              "mean_difference_max_relative_diff": rel, "pil_raw": py}
    with open(os.path.join(out_dir, "jpeg_report.json"), "w") as f:
        json.dump(report, f, indent=2)

    print(f"\nJPEG tab pictures of a {py['megapixels']:.1f} MP JPEG, {ctx.get('num_cpus')} CPUs")
    print(f"{'case':<28}{'PIL ms':>9}{'ours 1 thr':>12}{'ours all':>10}{'x (1 thr)':>11}{'x (all)':>9}{'all/1':>7}")
    for r in rows:
        print(f"{r['case']:<28}{r['pil_ms']:>9.0f}{r['clipflow_1thread_ms']:>12.0f}{r['clipflow_all_threads_ms']:>10.0f}"
              f"{r['speedup_1thread']:>10.2f}x{r['speedup_all_threads']:>8.2f}x{r['threads_gain']:>6.2f}x")
    print(f"ghosts' mean squared difference per quality against PIL's: max relative difference {rel:.4f}")
    return 0 if rel < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
