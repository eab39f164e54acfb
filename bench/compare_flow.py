#!/usr/bin/env python3
"""Flow training: clipflow (bench_flow) against the same flow and objective in
PyTorch eager (bench/flow_torch.py), N cached features of dimension D, same
machine, one run. The issue's target is 100 epochs on 10k x 768; on a 2-core
machine that is hours, so the default times 2 epochs and reports per epoch.

Usage: compare_flow.py BUILD_DIR [--n 10000] [--dim 768] [--epochs 2]
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--dim", type=int, default=768)
    ap.add_argument("--epochs", type=int, default=2)
    a = ap.parse_args()
    env = dict(os.environ, CLIPFLOW_FLOW_N=str(a.n), CLIPFLOW_FLOW_DIM=str(a.dim))
    raw = json.loads(subprocess.run([os.path.join(a.build, "bench", "bench_flow"), "--benchmark_format=json"], env=env, check=True,
                                    capture_output=True, text=True).stdout)
    ours = raw["benchmarks"][0]["real_time"]  # seconds per epoch (Unit: s)
    py = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "flow_torch.py"), str(a.n), str(a.dim), str(a.epochs)], check=True,
                                   capture_output=True, text=True).stdout)
    report = {"n": a.n, "dim": a.dim, "clipflow_s_per_epoch": ours, "python_s_per_epoch": py["seconds_per_epoch"],
              "speedup": py["seconds_per_epoch"] / ours, "epochs_timed_python": a.epochs}
    with open(os.path.join(a.build, "bench", "flow_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(f"\nFlow training, {a.n} x {a.dim} features, K=8, MLP 512x2, batch 256, combined objective")
    print(f"ours {ours:.1f} s/epoch, PyTorch eager {py['seconds_per_epoch']:.1f} s/epoch: {report['speedup']:.2f}x")
    print(f"100 epochs: ours {ours * 100 / 60:.0f} min, PyTorch eager {py['seconds_per_epoch'] * 100 / 60:.0f} min on this machine")


if __name__ == "__main__":
    main()
