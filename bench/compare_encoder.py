#!/usr/bin/env python3
"""CLIP encoder: clipflow (LibTorch, bench_encoder) against the same network in
Python/PyTorch eager mode (bench/clip_eager.py), same weights, same inputs,
same machine, one run. Also the machine's measured GEMM peak and the bf16
accuracy delta.

Usage: compare_encoder.py BUILD_DIR
Writes BUILD_DIR/bench/encoder_report.json and prints a table.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    build = sys.argv[1]
    models = os.path.join(build, "bench", "clip")
    subprocess.run([sys.executable, os.path.join(HERE, "clip_eager.py"), "make", models], check=True)
    env = dict(os.environ, CLIPFLOW_BENCH_MODELS=models)
    exe = os.path.join(build, "bench", "bench_encoder")
    raw = json.loads(subprocess.run([exe, "--benchmark_format=json"], env=env, check=True, capture_output=True, text=True).stdout)
    cpp = {re.sub(r"/(min_time|iterations):[0-9.]+", "", b["name"]): b for b in raw["benchmarks"]}
    accuracy = json.loads(subprocess.run([exe], env=dict(env, CLIPFLOW_BENCH_ACCURACY="1"), check=True, capture_output=True,
                                         text=True).stdout)
    gemm_fp32 = max(cpp[k]["gflops"] for k in cpp if k.startswith("gemm/fp32"))
    gemm_bf16 = max(cpp[k]["gflops"] for k in cpp if k.startswith("gemm/bf16"))
    rows = []
    for name, key, runs in (("ViT-B/32", "vit_b_32", 3), ("ViT-L/14", "vit_l_14", 2)):
        py = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "clip_eager.py"), "time", models, name.lower().replace("/", "-")
                                        .replace("vit-", "vit-"), str(runs)], check=True, capture_output=True, text=True).stdout)
        for prec in ("fp32", "bf16"):
            b = cpp[f"encode/{key}_{prec}/real_time"]
            ours = b["images_per_s"]
            theirs = py["batch"] / py[f"{prec}_best_s"]
            gflops = ours * b["gflops_per_image"]
            peak = gemm_fp32 if prec == "fp32" else gemm_bf16
            rows.append({"model": name, "precision": prec, "clipflow_img_s": ours, "python_img_s": theirs, "speedup": ours / theirs,
                         "gflops": gflops, "percent_of_gemm_peak": 100 * gflops / peak})
    report = {"gemm_peak_gflops": {"fp32": gemm_fp32, "bf16": gemm_bf16}, "rows": rows, "bf16_accuracy": accuracy,
              "cpus": raw["context"].get("num_cpus"), "batch": 8}
    with open(os.path.join(build, "bench", "encoder_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(f"\nCLIP image encoder, batch 8, {report['cpus']} CPUs; measured GEMM peak fp32 {gemm_fp32:.0f}, bf16 {gemm_bf16:.0f} GFLOP/s")
    print(f"{'model':<10}{'prec':<6}{'ours img/s':>11}{'python img/s':>14}{'speed-up':>10}{'GFLOP/s':>9}{'% peak':>8}")
    for r in rows:
        print(f"{r['model']:<10}{r['precision']:<6}{r['clipflow_img_s']:>11.2f}{r['python_img_s']:>14.2f}{r['speedup']:>9.2f}x"
              f"{r['gflops']:>9.0f}{r['percent_of_gemm_peak']:>7.0f}%")
    for k, v in accuracy.items():
        print(f"bf16 vs fp32 on {k}: min cosine {v['min_cosine']:.5f}, max relative L2 error {v['max_relative_l2']:.4f}")


if __name__ == "__main__":
    main()
