#!/usr/bin/env python3
"""Writes the small image fixtures under tests/data/formats.

They are encoded with Pillow, independently of the OpenCV/giflib decoders the
tests exercise. Every image is 64x48: the left half one colour, the right half
another, so a test can check decoded pixel values. Re-run after changing:
    /usr/bin/python3 scripts/make_test_fixtures.py
"""
import io
import os
import struct
import zlib

from PIL import Image

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "formats")
W, H = 64, 48
A, B = (200, 40, 40), (30, 60, 210)
GA, GB = 50, 200


def halves(mode, a, b):
    im = Image.new(mode, (W, H), a)
    im.paste(Image.new(mode, (W // 2, H), b), (W // 2, 0))
    return im


def save(im, name, **kw):
    im.save(os.path.join(OUT, name), **kw)


def png_chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def main():
    os.makedirs(OUT, exist_ok=True)
    rgb, grey = halves("RGB", A, B), halves("L", GA, GB)
    save(rgb, "rgb.jpg", quality=95)
    save(grey, "grey.jpg", quality=95)
    save(rgb.convert("CMYK"), "cmyk.jpg", quality=95)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise for display
    save(rgb, "exif6.jpg", quality=95, exif=exif.tobytes())
    save(rgb, "rgb.png")
    rgba = rgb.copy()
    rgba.putalpha(128)
    save(rgba, "rgba.png")
    save(grey, "grey.png")
    save(halves("I;16", 1000, 60000), "grey16.png")
    la = grey.convert("LA")
    save(la, "greyalpha.png")
    save(rgb.convert("P", palette=Image.ADAPTIVE, colors=4), "palette.png")
    save(rgb, "rgb.tif")
    save(rgb, "rgb_lzw.tif", compression="tiff_lzw")
    save(halves("I;16", 1000, 60000), "grey16.tif")
    save(rgb.convert("CMYK"), "cmyk.tif")
    save(rgb, "rgb.webp", lossless=True)
    save(rgba, "rgba.webp", lossless=True)
    save(rgb, "lossy.webp", quality=90)
    save(rgba, "lossy_alpha.webp", quality=90)  # extended: VP8X, ALPH, then the lossy VP8 image
    save(rgb, "lossless_exif.webp", lossless=True, exif=exif.tobytes())  # extended: VP8X, VP8L, EXIF
    # rgb.heic (the same halves, x265 quality 90, 4:2:0) is written by libheif, which PIL lacks:
    # committed as made; tests/core/tst_heif.cpp makes its own HEIF and AVIF files at run time.
    save(rgb, "rgb.bmp")
    save(rgb.convert("P", palette=Image.ADAPTIVE, colors=4), "palette.bmp")
    pal = rgb.convert("P", palette=Image.ADAPTIVE, colors=4)
    save(pal, "palette.gif")
    second = halves("RGB", B, A).convert("P", palette=Image.ADAPTIVE, colors=4)
    pal.save(os.path.join(OUT, "animated.gif"), save_all=True, append_images=[second], duration=100, loop=0)
    # Animated WebP (VP8X with its animation flag, ANMF frames): the first frame is the halves.
    swapped = halves("RGB", B, A)
    rgb.save(os.path.join(OUT, "animated.webp"), save_all=True, append_images=[swapped], duration=100, lossless=True)
    swapped_a = swapped.copy()
    swapped_a.putalpha(128)
    rgba.save(os.path.join(OUT, "animated_lossy_alpha.webp"), save_all=True, append_images=[swapped_a], duration=100,
              quality=90)

    # Hostile and broken files.
    open(os.path.join(OUT, "empty.jpg"), "wb").close()
    jpg = open(os.path.join(OUT, "rgb.jpg"), "rb").read()
    open(os.path.join(OUT, "truncated.jpg"), "wb").write(jpg[: len(jpg) * 6 // 10])
    # Cut inside the entropy-coded scan, where only the missing EOI tells.
    noise = Image.frombytes("L", (256, 256), bytes((i * 7919 + (i >> 8) * 104729) & 0xFF for i in range(256 * 256)))
    buf = io.BytesIO()
    noise.save(buf, "JPEG", quality=90)
    open(os.path.join(OUT, "truncated_scan.jpg"), "wb").write(buf.getvalue()[: len(buf.getvalue()) * 8 // 10])
    png = open(os.path.join(OUT, "rgb.png"), "rb").read()
    open(os.path.join(OUT, "truncated.png"), "wb").write(png[: len(png) * 6 // 10])
    ihdr = struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)
    garbage = bytes((i * 97 + 13) & 0xFF for i in range(300))
    corrupt = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", garbage) + png_chunk(b"IEND", b"")
    open(os.path.join(OUT, "corrupt.png"), "wb").write(corrupt)
    open(os.path.join(OUT, "notanimage.png"), "wb").write(b"This is a text file pretending to be a PNG.\n")
    # A decompression bomb's header: 100000 x 100000 RGB, a few hundred bytes on disk.
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    bomb = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    open(os.path.join(OUT, "huge.png"), "wb").write(bomb)


if __name__ == "__main__":
    main()
