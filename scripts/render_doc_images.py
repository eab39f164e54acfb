#!/usr/bin/env python3
"""Renders docs/images/ with the project's own tools (never by hand):
synthetic demo images (no third-party pictures), their spectrum sheets from
`clipflow spectrum --out`, and the main window under Xvfb.

Usage: /usr/bin/python3 scripts/render_doc_images.py [BUILD_DIR]
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from compare_spectrum import make_image  # noqa: E402  (1/f photo-like image)


def shrink(path):
    """256-colour PNG: noise-like spectra compress poorly in full colour."""
    Image.open(path).convert("RGB").quantize(256, method=Image.MEDIANCUT).save(path, optimize=True)


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build"))
    images = os.path.join(ROOT, "docs", "images")
    os.makedirs(images, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        natural = os.path.join(tmp, "natural.png")
        make_image(natural, 512, 512, seed=3)
        # The same scene at half size, then 2x nearest-neighbour up-sampled.
        upsampled = os.path.join(tmp, "demo-upsampled-nn2x.png")
        Image.open(natural).resize((256, 256), Image.BICUBIC).resize((512, 512), Image.NEAREST).save(upsampled)
        # A JPEG of the natural image shows the 8x8 block grid.
        jpeg = os.path.join(tmp, "natural-q75.jpg")
        Image.open(natural).save(jpeg, quality=75)
        clipflow = os.path.join(build, "bin", "clipflow")
        for src, name in ((natural, "spectrum-natural.png"), (upsampled, "spectrum-upsampled-nn2x.png"),
                          (jpeg, "spectrum-jpeg-q75.png")):
            subprocess.run([clipflow, "spectrum", src, "--out", os.path.join(images, name)], check=True,
                           stdout=subprocess.DEVNULL)
            shrink(os.path.join(images, name))
            print("wrote", name)
        # Proxy images: each operation on the natural demo (central 256 px), with spectra.
        proxies = os.path.join(tmp, "proxies")
        subprocess.run([clipflow, "proxy", natural, "--out", proxies, "--sheet", "--seed", "2"], check=True,
                       stdout=subprocess.DEVNULL)
        for f in sorted(os.listdir(proxies)):
            if not f.endswith("-sheet.png"):
                continue
            op = f[len("natural-"):-len("-sheet.png")]
            sheet = Image.open(os.path.join(proxies, f)).convert("RGB")
            sheet = sheet.resize((sheet.width // 2, sheet.height // 2), Image.LANCZOS)
            out = os.path.join(images, "proxy-" + op + ".png")
            sheet.save(out)
            shrink(out)
            print("wrote", os.path.basename(out))
        # Every reusable widget, with real data (the default model, a real training run).
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run([os.path.join(build, "bin", "clipflow-render-widgets"), images,
                        os.path.join(ROOT, "resources", "models", "clipflow-default.safetensors"), natural], check=True, env=env)
        for f in sorted(os.listdir(images)):
            if f.startswith("widget-"):
                shrink(os.path.join(images, f))
        # Run from the temporary folder so the window shows a short, stable name.
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", os.path.join(build, "bin", "clipflow-forensics"),
                        "--screenshot", os.path.join(images, "main-window.png"), os.path.basename(upsampled)], check=True,
                       stderr=subprocess.DEVNULL, cwd=tmp)
        shrink(os.path.join(images, "main-window.png"))
        print("wrote main-window.png")


if __name__ == "__main__":
    main()
