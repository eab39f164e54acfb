#!/usr/bin/env python3
"""Batched CLIP scoring: `clipflow score --batch 8` over a folder against the
encoder's own batched throughput (bench_encoder, batch 8), same machine, same
ViT-B/32 shape (random weights; the time is right, the scores meaningless),
one run. Also --batch 1 and two shards side by side.

Throughput excludes start-up: each run is timed on N images and on 1 image,
and the rate is (N - 1) / (t_N - t_1).

Usage: compare_batch.py BUILD_DIR [DEV_DIR]
Writes BUILD_DIR/bench/batch_report.json and prints a table.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
N = 64


def timed(cmd, env=None):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def main():
    build = sys.argv[1]
    dev = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "data", "dev")
    work = os.path.join(build, "bench", "batch")
    models = os.path.join(build, "bench", "clip")
    clip = os.path.join(models, "vit-b-32.safetensors")
    if not os.path.exists(clip):
        subprocess.run([sys.executable, os.path.join(HERE, "clip_eager.py"), "make", models], check=True)
    shutil.rmtree(work, ignore_errors=True)
    # The first N dev images in manifest order (reals and AI images, as they come).
    folder, one = os.path.join(work, "images"), os.path.join(work, "one")
    os.makedirs(folder)
    os.makedirs(one)
    with open(os.path.join(dev, "manifest.csv")) as f:
        rows = list(csv.DictReader(f))
    reals = [r for r in rows if r["label"] == "real"][: N // 2]
    fakes = [r for r in rows if r["label"] != "real"][: N // 2]
    for i, r in enumerate(reals + fakes):
        os.symlink(os.path.abspath(os.path.join(dev, r["path"])), os.path.join(folder, f"{i:03d}-{os.path.basename(r['path'])}"))
    first = sorted(os.listdir(folder))[0]
    os.symlink(os.path.join(folder, first), os.path.join(one, first))
    exe = os.path.join(build, "bin", "clipflow")
    # A CLIP-Flow detector on this backbone (a few photos, two epochs: only its cost matters).
    model = os.path.join(work, "cf-vit-b-32.safetensors")
    subprocess.run([exe, "train", "--natural", folder, "--backbone", "clip:" + clip, "--views", "1", "--epochs", "2", "--no-cache",
                    "--out", model], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    raw = json.loads(subprocess.run([os.path.join(build, "bench", "bench_encoder"), "--benchmark_filter=encode/vit_b_32_fp32",
                                     "--benchmark_format=json"], env=dict(os.environ, CLIPFLOW_BENCH_MODELS=models), check=True,
                                    capture_output=True, text=True).stdout)
    encoder = [b for b in raw["benchmarks"] if re.match(r"encode/vit_b_32_fp32", b["name"])][0]["images_per_s"]

    def rate(extra, shards=1):
        base = [exe, "score", "--model", model, "--clip", clip, "--json"] + extra
        if shards == 1:
            t_n = min(timed(base + [folder]) for _ in range(2))
            t_1 = min(timed(base + [one]) for _ in range(2))
            return (N - 1) / (t_n - t_1)
        # Shards as a Kubernetes Indexed Job would start them: side by side on this machine.
        best = None
        for _ in range(2):
            t = time.perf_counter()
            ps = [subprocess.Popen(base + ["--shard", f"{k}/{shards}", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                  for k in range(shards)]
            for p in ps:
                p.wait()
            el = time.perf_counter() - t
            best = el if best is None else min(best, el)
        t_1 = min(timed(base + [one]) for _ in range(2))
        return (N - 1) / (best - t_1)

    rows = {"batch 1": rate(["--batch", "1"]), "batch 8": rate(["--batch", "8"]),
            "batch 8, 2 shards": rate(["--batch", "8"], shards=2)}
    report = {"images": N, "encoder_batch8_img_s": encoder, "cpus": os.cpu_count(),
              "rows": {k: {"img_s": v, "of_encoder": v / encoder} for k, v in rows.items()}}
    with open(os.path.join(build, "bench", "batch_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(f"\nclipflow score, CLIP-Flow on ViT-B/32 fp32, {N} dev images, {report['cpus']} CPUs;"
          f" bench_encoder batch 8: {encoder:.1f} img/s")
    for k, v in rows.items():
        print(f"{k:<20}{v:>7.1f} img/s  {100 * v / encoder:>5.0f}% of the encoder's batched throughput")


if __name__ == "__main__":
    main()
