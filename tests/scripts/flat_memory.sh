#!/usr/bin/env bash
# A folder of 3,000 generated images scores with flat memory: the peak RSS of
# `clipflow score` over 3,000 images stays within 15% (+20 MB) of its peak
# over 300 (ten times fewer; a leak per image or per chunk of 64 shows as
# well as over 11,000, in a third of the time). Also: every image gets
# exactly one JSON line.
set -euo pipefail
clipflow=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" <<'PY'
import os, sys, random
from PIL import Image
root = sys.argv[1]
rng = random.Random(7)
for n, folder in ((300, "small"), (3000, "large")):
    os.makedirs(os.path.join(root, folder))
base = [Image.frombytes("RGB", (64, 64), bytes(rng.getrandbits(8) for _ in range(64 * 64 * 3))) for _ in range(16)]
for i in range(3000):
    img = base[i % 16].rotate(90 * (i // 16 % 4)).transpose(Image.FLIP_LEFT_RIGHT if i // 64 % 2 else Image.FLIP_TOP_BOTTOM)
    img.putpixel((i % 64, i // 64 % 64), (i % 256, i // 256 % 256, 7))  # every file distinct
    img.save(os.path.join(root, "large", "img%05d.png" % i))
    if i < 300:
        img.save(os.path.join(root, "small", "img%05d.png" % i))
PY
peak() { # prints max RSS in kB; checks one line per image
  local dir=$1 n=$2
  /usr/bin/time -f %M -o "$work/rss" "$clipflow" score --detector all --json --threads 1 "$dir" >"$work/out.jsonl"
  local lines
  lines=$(wc -l <"$work/out.jsonl")
  [ "$lines" -eq "$n" ] || { echo "expected $n lines, got $lines"; exit 1; }
  cat "$work/rss"
}
start=$(date +%s)
small=$(peak "$work/small" 300)
large=$(peak "$work/large" 3000)
echo "peak RSS: 300 images ${small} kB, 3,000 images ${large} kB ($(( $(date +%s) - start )) s)"
limit=$(( small * 115 / 100 + 20480 ))
[ "$large" -le "$limit" ] || { echo "memory grows with the batch: ${large} kB > ${limit} kB"; exit 1; }
echo "flat: within 15% + 20 MB"
