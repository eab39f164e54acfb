#!/usr/bin/env python3
"""clipflow score on ten 12-megapixel JPEGs against the floor: reading,
SHA-256 and decoding the same files in Python (PIL with libjpeg-turbo, numpy),
in one run. Also the scaling from one to two threads.

Usage: compare_score.py BUILD_DIR [PHOTOS_DIR]
The photos are made once under BUILD_DIR/bench/photos12mp (4000 x 3000, JPEG
q 92) from the largest photos in ../shared/data/natural when it exists,
otherwise from a synthetic textured pattern. Writes
BUILD_DIR/bench/score_report.json and prints a table. Also both shipped detectors at once (--detector all), which share one
backbone pass. Times are whole runs:
process start, model load, isolation workers, everything. With the GUI built,
also the window's analysis of the same photos (clipflow-bench-analysis).
"""
import hashlib
import json
import os
import subprocess
import sys
import time

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
NATURAL = os.path.join(HERE, "..", "..", "shared", "data", "natural")


def make_photos(folder):
    os.makedirs(folder, exist_ok=True)
    wanted = [os.path.join(folder, f"photo{i:02d}.jpg") for i in range(10)]
    if all(os.path.exists(p) for p in wanted):
        return wanted
    sources = []
    if os.path.isdir(NATURAL):
        sizes = []
        for root, _, files in os.walk(NATURAL):
            for f in sorted(files):
                if f.lower().endswith((".jpg", ".jpeg")):
                    p = os.path.join(root, f)
                    try:
                        w, h = Image.open(p).size
                    except Exception:
                        continue
                    sizes.append((w * h, p))
        sources = [p for _, p in sorted(sizes, reverse=True)[:10]]
    rng = np.random.default_rng(1)
    for i, out in enumerate(wanted):
        if i < len(sources):
            im = Image.open(sources[i]).convert("RGB")
            if im.width < im.height:
                im = im.rotate(90, expand=True)
            im = im.resize((4000, 3000), Image.LANCZOS)
        else:
            base = rng.integers(0, 256, (375, 500, 3), dtype=np.uint8)
            im = Image.fromarray(base).resize((4000, 3000), Image.BICUBIC)
        im.save(out, quality=92)
    return wanted


def floor(files):
    t = time.perf_counter()
    for f in files:
        data = open(f, "rb").read()
        hashlib.sha256(data).hexdigest()
        im = Image.open(f)
        im.load()
        np.asarray(im.convert("RGB"))
    return time.perf_counter() - t


def ours(build, files, threads, detector="clipflow"):
    t = time.perf_counter()
    subprocess.run([os.path.join(build, "bin", "clipflow"), "score", "--detector", detector, "--threads", str(threads), "--json",
                    *files], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    build = sys.argv[1]
    files = make_photos(sys.argv[2] if len(sys.argv) > 2 else os.path.join(build, "bench", "photos12mp"))
    floor(files)  # page cache warm for both sides
    runs = []
    for _ in range(3):  # interleaved, so drift on a shared machine hits all alike
        runs.append({"floor": floor(files), "one": ours(build, files, 1), "two": ours(build, files, 2),
                     "all": ours(build, files, 2, "all")})
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    # The window's analysis of each photo (clipflow-bench-analysis; built with the GUI).
    gui = os.path.join(build, "bin", "clipflow-bench-analysis")
    if os.path.exists(gui):
        best["window"] = min(json.loads(subprocess.run([gui, *files], check=True, capture_output=True, text=True).stdout)["seconds"]
                             for _ in range(2))
        # With the robustness checks, which the window runs by default.
        best["window_robustness"] = min(
            json.loads(subprocess.run([gui, "--robustness", *files], check=True, capture_output=True, text=True).stdout)["seconds"]
            for _ in range(2))
    report = {"files": len(files), "seconds": best, "runs": runs, "one_thread_over_floor": best["one"] / best["floor"],
              "two_threads_over_floor": best["two"] / best["floor"], "two_thread_speedup": best["one"] / best["two"],
              "both_detectors_over_floor": best["all"] / best["floor"]}
    if "window" in best:
        report["window_over_floor"] = best["window"] / best["floor"]
        report["window_robustness_over_floor"] = best["window_robustness"] / best["floor"]
    with open(os.path.join(build, "bench", "score_report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print("| ten 12 MP JPEGs | seconds (best of 3) | per photo | over the floor |")
    print("|---|---|---|---|")
    print(f"| floor: read + SHA-256 + decode (Python, PIL) | {best['floor']:.2f} | {best['floor'] / len(files):.2f} | 1.00x |")
    print(f"| clipflow score, 1 thread | {best['one']:.2f} | {best['one'] / len(files):.2f} | {report['one_thread_over_floor']:.2f}x |")
    print(f"| clipflow score, 2 threads | {best['two']:.2f} | {best['two'] / len(files):.2f} | {report['two_threads_over_floor']:.2f}x |")
    print(f"| clipflow score --detector all (one backbone pass serves both), 2 threads | {best['all']:.2f} | "
          f"{best['all'] / len(files):.2f} | {report['both_detectors_over_floor']:.2f}x |")
    if "window" in best:
        print(f"| the window's analysis (spectra, JPEG forensics, both detectors) | {best['window']:.2f} | "
              f"{best['window'] / len(files):.2f} | {report['window_over_floor']:.2f}x |")
        print(f"| the same with the robustness checks (the window's default) | {best['window_robustness']:.2f} | "
              f"{best['window_robustness'] / len(files):.2f} | {report['window_robustness_over_floor']:.2f}x |")
    print(f"two threads are {report['two_thread_speedup']:.2f}x faster than one")


if __name__ == "__main__":
    main()
