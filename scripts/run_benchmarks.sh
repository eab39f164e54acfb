#!/usr/bin/env bash
# Benchmarks against the Python references, on this machine, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 bench/compare_spectrum.py build
/usr/bin/python3 bench/compare_jpeg.py build
/usr/bin/python3 bench/compare_encoder.py build
/usr/bin/python3 bench/compare_flow.py build
/usr/bin/python3 bench/compare_forensicnet.py build
/usr/bin/python3 bench/compare_score.py build
/usr/bin/python3 bench/compare_batch.py build
