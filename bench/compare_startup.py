#!/usr/bin/env python3
"""Side-by-side start-up of the command line, in one run on one machine.

`clipflow` links no library of ours and hands each command to clipflow-inspect
(no LibTorch) or clipflow-engine (everything; what `clipflow` itself was until
2026-12-06). Each command is run on one small file, the same way, through
`clipflow` and straight through clipflow-engine -- the honest reference, one
program that links everything -- and, as the Python tool's floor, through
`/usr/bin/python3 -c "import torch, PIL.Image"`.

Usage: compare_startup.py BUILD_DIR [--runs N] [--image FILE]
Writes BUILD_DIR/bench/startup_report.json and prints a table of ratios.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def median_seconds(argv, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} exited {r.returncode}")
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--image")
    args = ap.parse_args()
    bin_dir = os.path.join(args.build, "bin")
    out_dir = os.path.join(args.build, "bench")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        image = args.image
        if not image:
            from PIL import Image
            image = os.path.join(tmp, "photo.jpg")
            Image.new("RGB", (320, 240), (90, 120, 150)).save(image, quality=90)
        commands = [["--version"], ["jpeg", image], ["provenance", image], ["spectrum", image], ["score", image]]
        python = median_seconds(["/usr/bin/python3", "-c", "import torch, PIL.Image"], args.runs)
        rows = []
        for c in commands:
            engine = median_seconds([os.path.join(bin_dir, "clipflow-engine")] + c, args.runs)
            ours = median_seconds([os.path.join(bin_dir, "clipflow")] + c, args.runs)
            rows.append({"command": c[0], "clipflow_s": ours, "one_program_s": engine, "speedup": engine / ours})
    report = {"runs": args.runs, "python_import_torch_s": python, "rows": rows}
    with open(os.path.join(out_dir, "startup_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(f"{'command':12s} {'clipflow':>9s} {'one program':>12s} {'speed-up':>9s}")
    for r in rows:
        print(f"{r['command']:12s} {r['clipflow_s']:8.3f}s {r['one_program_s']:11.3f}s {r['speedup']:8.1f}x")
    print(f"python3 -c 'import torch, PIL.Image': {python:.3f}s")


if __name__ == "__main__":
    main()
