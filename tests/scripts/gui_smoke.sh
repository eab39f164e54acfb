#!/usr/bin/env bash
# Real-window smoke test: start the app under Xvfb on an image, let it
# analyse, save a screenshot and quit; the screenshot must not be blank.
set -eu
app=$1 image=$2 outdir=$3
shot="$outdir/gui_smoke.png"
rm -f "$shot"
timeout 90 xvfb-run -a -s "-screen 0 1280x900x24" "$app" --screenshot "$shot" "$image"
test -s "$shot" || { echo "no screenshot written"; exit 1; }
size=$(stat -c %s "$shot")
echo "screenshot $shot: $size bytes"
# A blank 1100x820 window compresses to a few kB; analysed content is far larger.
test "$size" -gt 40000 || { echo "screenshot looks blank"; exit 1; }
