#!/usr/bin/python3
"""Measurement, not product: where the crop evidence goes when a crop is saved
as JPEG (docs/method.md, *Where the crop evidence goes*). Writes the 256 x 256
centre crops (stored grid) of a CLIP-Flow model's held-out photos (its
metadata's training.holdout_files, at least 256 px) and of the AI images under
DATA/dev/fake, once per variant, as OUT/VARIANT/real/... and
OUT/VARIANT/fake/GENERATOR/...; then, for each variant:

  clipflow eval --real OUT/VARIANT/real --fake OUT/VARIANT/fake --condition asis --json

Variants: png; jpeg100 jpeg95 jpeg90 jpeg85 jpeg75 (4:2:0); jpeg444_100
jpeg444_95 jpeg444_85 (no chroma subsampling); ycc (PNG after an 8-bit YCbCr
round trip); chroma420 (PNG with only Cb and Cr halved by area and brought back
bilinearly: subsampling without quantisation). Run with Debian's interpreter
(/usr/bin/python3: PIL):

  crop_jpeg_sweep.py DATA MODEL.safetensors OUT
"""
import hashlib
import json
import os
import struct
import sys

from PIL import Image


def model_meta(model):
    """A detector file's clipflow.model metadata (safetensors header)."""
    with open(model, 'rb') as f:
        n = struct.unpack('<Q', f.read(8))[0]
        return json.loads(json.loads(f.read(n))['__metadata__']['clipflow.model'])


def holdout(model):
    return set(model_meta(model)['training']['holdout_files'])


def centre_crop(path):
    im = Image.open(path)
    im.load()
    im = im.convert('RGB')
    w, h = im.size
    if w < 256 or h < 256:
        return None
    left, top = (w - 256) // 2, (h - 256) // 2
    return im.crop((left, top, left + 256, top + 256))


def chroma_halved(im):
    y, cb, cr = im.convert('YCbCr').split()
    cb = cb.resize((128, 128), Image.BOX).resize((256, 256), Image.BILINEAR)
    cr = cr.resize((128, 128), Image.BOX).resize((256, 256), Image.BILINEAR)
    return Image.merge('YCbCr', (y, cb, cr)).convert('RGB')


VARIANTS = {
    'png': lambda im, base: im.save(base + '.png'),
    'ycc': lambda im, base: im.convert('YCbCr').convert('RGB').save(base + '.png'),
    'chroma420': lambda im, base: chroma_halved(im).save(base + '.png'),
}
for q in (100, 95, 90, 85, 75):
    VARIANTS[f'jpeg{q}'] = lambda im, base, q=q: im.save(base + '.jpg', quality=q, subsampling=2)
for q in (100, 95, 85):
    VARIANTS[f'jpeg444_{q}'] = lambda im, base, q=q: im.save(base + '.jpg', quality=q, subsampling=0)


def save(im, out, rel):
    for name, write in VARIANTS.items():
        base = os.path.splitext(os.path.join(out, name, rel))[0]
        os.makedirs(os.path.dirname(base), exist_ok=True)
        write(im, base)


def main(data, model, out):
    held = holdout(model)
    reals = fakes = 0
    for top in (os.path.join(data, 'natural'), os.path.join(data, 'dev', 'real')):
        for folder, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                path = os.path.join(folder, name)
                if name.lower().endswith(('.md', '.csv', '.txt')):
                    continue
                with open(path, 'rb') as f:
                    if hashlib.sha256(f.read()).hexdigest() not in held:
                        continue
                crop = centre_crop(path)
                if crop is not None:
                    save(crop, out, os.path.join('real', f'{reals}_{name}'))
                    reals += 1
    fake_root = os.path.join(data, 'dev', 'fake')
    for folder, _, names in sorted(os.walk(fake_root)):
        generator = os.path.relpath(folder, fake_root).split(os.sep)[0]
        for name in sorted(names):
            crop = centre_crop(os.path.join(folder, name))
            if crop is not None:
                save(crop, out, os.path.join('fake', generator, name))
                fakes += 1
    print(f'{reals} photos, {fakes} AI images, {len(VARIANTS)} variants in {out}')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
