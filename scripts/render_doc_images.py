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
sys.path.insert(0, os.path.join(ROOT, "tests", "fuzz"))
from compare_spectrum import make_image  # noqa: E402  (1/f photo-like image)
import make_c2pa_seeds  # noqa: E402  (a C2PA manifest signed with a throw-away demo key)


def shrink(path):
    """256-colour PNG: noise-like spectra compress poorly in full colour."""
    Image.open(path).convert("RGB").quantize(256, method=Image.MEDIANCUT).save(path, optimize=True)


def render_error_levels(build, images, tmp):
    """The error levels in place of the image, and the JPEG tab's ghosts: a patch pasted
    into a picture saved at JPEG quality 60, the whole saved again at 95, so that the
    patch was compressed once and the rest twice (the case both are for)."""
    base = os.path.join(tmp, "base.png")
    patch = os.path.join(tmp, "patch.png")
    make_image(base, 768, 512, seed=3)
    make_image(patch, 256, 256, seed=11)
    once = os.path.join(tmp, "base-q60.jpg")
    Image.open(base).convert("RGB").save(once, quality=60)
    spliced = Image.open(once).convert("RGB")
    spliced.paste(Image.open(patch).convert("RGB"), (420, 140))
    spliced.save(os.path.join(tmp, "spliced-demo.jpg"), quality=95)
    out = os.path.join(images, "app-error-levels.png")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", os.path.join(build, "bin", "clipflow-forensics"),
                    "--screenshot", out, "--show", "Error levels", "spliced-demo.jpg"], check=True,
                   stderr=subprocess.DEVNULL, cwd=tmp)
    shrink(out)
    print("wrote app-error-levels.png")
    # The same splice in the JPEG tab's ghosts: the picture saved at 60 is dark in the map for 60.
    out = os.path.join(images, "app-jpeg-ghosts.png")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", os.path.join(build, "bin", "clipflow-forensics"),
                    "--screenshot", out, "--tab", "JPEG", "--show", "JPEG ghosts", "spliced-demo.jpg"], check=True,
                   stderr=subprocess.DEVNULL, cwd=tmp)
    shrink(out)
    print("wrote app-jpeg-ghosts.png")


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
        render_error_levels(build, images, tmp)

        # The app's main flows (analysis, case, report, models, training, preferences,
        # dark and French) from real runs, in a throw-away settings and models folder.
        evidence = os.path.join(tmp, "evidence")
        os.makedirs(evidence)
        for src in (natural, upsampled, jpeg):
            Image.open(src).save(os.path.join(evidence, os.path.basename(src)))
        # Content Credentials declaring generative AI, signed by a throw-away demo certificate.
        key, der = make_c2pa_seeds.signer("Demo Newsroom Signer")
        with open(upsampled, "rb") as f:
            signed = make_c2pa_seeds.sign_png(f.read(), key, der, "Demo Image Generator/2.1 c2pa-demo")
        with open(os.path.join(evidence, "credentials-demo.png"), "wb") as f:
            f.write(signed)
        photos = os.path.join(tmp, "natural-photos")
        os.makedirs(photos)
        for i in range(48):
            make_image(os.path.join(photos, "photo%02d.png" % i), 256, 256, seed=100 + i)
        app_env = dict(os.environ, CLIPFLOW_MODELS_DIR=os.path.join(tmp, "models"),
                       XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        shots = os.path.join(tmp, "shots")
        os.makedirs(shots)
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", os.path.join(build, "bin", "clipflow-render-app"),
                        shots, evidence, photos, os.path.basename(upsampled), "credentials-demo.png"], check=True, env=app_env,
                       stderr=subprocess.DEVNULL, cwd=tmp)
        for f in sorted(os.listdir(shots)):
            if f.endswith(".png"):
                os.replace(os.path.join(shots, f), os.path.join(images, f))
                shrink(os.path.join(images, f))
        # The report as the analyst reads it: page images of the PDF the app wrote.
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", os.path.join(shots, "report.pdf"),
                        os.path.join(images, "report-page")], check=True)
        for f in sorted(os.listdir(images)):
            if f.startswith("report-page-0"):  # pdftoppm pads page numbers when the PDF has 10 pages or more
                os.replace(os.path.join(images, f), os.path.join(images, "report-page-" + f[len("report-page-0"):]))
        for f in sorted(os.listdir(images)):
            if f.startswith("report-page"):
                shrink(os.path.join(images, f))
                print("wrote", f)


if __name__ == "__main__":
    main()
