#!/usr/bin/env python3
"""forensic-v2 scoring: clipflow (LibTorch, bench_forensicnet) against the same
network in Python/PyTorch eager (bench/forensicnet_eager.py), same weights,
same views, one thread each, one run; the reference's best of its default
and channels-last layouts, with and without the allocator setting. Checks first that both compute the same
features.

Usage: compare_forensicnet.py BUILD_DIR [WEIGHTS]
Writes BUILD_DIR/bench/forensicnet_report.json and prints a table.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    build = sys.argv[1]
    weights = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "resources", "models", "forensic-v2.safetensors")
    exe = os.path.join(build, "bench", "bench_forensicnet")
    env = dict(os.environ, CLIPFLOW_BENCH_WEIGHTS=weights, OMP_NUM_THREADS="1")
    ours_features = json.loads(subprocess.run([exe], env=dict(env, CLIPFLOW_BENCH_ACCURACY="1"), check=True, capture_output=True,
                                              text=True).stdout)
    # The reference runs twice: as installed, and with glibc told to keep large
    # blocks as clipflow::tune_allocator() does, so the allocator is not the difference.
    def eager(extra):
        return json.loads(subprocess.run([sys.executable, os.path.join(HERE, "forensicnet_eager.py"), weights],
                                         env=dict(env, **extra), check=True, capture_output=True, text=True).stdout)
    plain = eager({})
    tuned = eager({"MALLOC_MMAP_THRESHOLD_": str(1 << 30), "MALLOC_TRIM_THRESHOLD_": str(1 << 30), "MALLOC_TOP_PAD_": str(64 << 20)})
    py = {k: (min(plain[k], tuned[k]) if k.endswith("_ms_per_crop") else plain[k]) for k in plain}
    diff = max(abs(a - b) for a, b in zip(ours_features, py["features"]))
    scale = max(abs(b) for b in py["features"])
    if diff > 1e-3 * max(1.0, scale):
        sys.exit(f"the two implementations disagree: max |difference| {diff:.3g} (features up to {scale:.3g})")
    raw = json.loads(subprocess.run([exe, "--benchmark_format=json"], env=env, check=True, capture_output=True, text=True).stdout)
    cpp = {re.sub(r"/(min_time|real_time).*", "", b["name"]): b for b in raw["benchmarks"]}
    rows = []
    for batch in (1, 8):
        # Best call against best call (the reference's statistic); ours' mean is kept in the report too.
        ours = cpp[f"features/{batch}"]["best_ms_per_crop"]
        ref = min(py[f"nchw_batch{batch}_ms_per_crop"], py[f"channels_last_batch{batch}_ms_per_crop"])
        rows.append({"batch": batch, "ours_ms": ours, "ours_mean_ms": cpp[f"features/{batch}"]["ms_per_crop"],
                     "eager_nchw_ms": py[f"nchw_batch{batch}_ms_per_crop"],
                     "eager_channels_last_ms": py[f"channels_last_batch{batch}_ms_per_crop"], "speedup_vs_best_eager": ref / ours})
    # The stride-2 layers alone, the three kernels side by side in the same run.
    layers = [{"layer": l, **{name: cpp[f"layer/{l}/{k}"]["real_time"] for k, name in enumerate(("onednn_channels_last_ms", "onednn_blocked_ms", "ours_ms"))}}
              for l in (2, 3, 4)]
    report = {"weights": os.path.abspath(weights), "max_feature_difference": diff, "rows": rows, "layers": layers}
    with open(os.path.join(build, "bench", "forensicnet_report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(f"features agree (max |difference| {diff:.2g})")
    print("Best call per crop on each side (ours' mean in brackets).")
    print("| 256 x 256 crops per call | clipflow ms/crop | eager NCHW ms/crop | eager channels-last ms/crop | speed-up vs the faster eager |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['batch']} | {r['ours_ms']:.1f} ({r['ours_mean_ms']:.1f}) | {r['eager_nchw_ms']:.1f} | {r['eager_channels_last_ms']:.1f} | "
              f"{r['speedup_vs_best_eager']:.2f}x |")
    print()
    print("| stride-2 layer alone | oneDNN channels-last ms | oneDNN blocked ms | ours (direct) ms |")
    print("|---|---|---|---|")
    for r in layers:
        print(f"| {r['layer']} | {r['onednn_channels_last_ms']:.2f} | {r['onednn_blocked_ms']:.2f} | {r['ours_ms']:.2f} |")


if __name__ == "__main__":
    main()
