#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/corpus/ (committed; fuzzing adds to them).
Seeds are (re)written by name; what fuzzing found, and other scripts' seeds, stay.
Run from anywhere: /usr/bin/python3 tests/fuzz/make_seeds.py"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(HERE, "corpus")


def out(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def safetensors(tensors, metadata=None):
    header, blobs, offset = {}, b"", 0
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        blobs += raw
        offset += len(raw)
    if metadata:
        header["__metadata__"] = metadata
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + blobs


def read_metadata(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        return json.loads(f.read(n))["__metadata__"]


def feature_message(items):
    """The bytes a training rank sends the others (core/src/train/featurestage.cpp)."""
    def string(b):
        return struct.pack("<Q", len(b)) + b

    def rows(rs):
        return struct.pack("<Q", len(rs)) + b"".join(struct.pack("<Q", len(r)) + struct.pack(f"<{len(r)}f", *r) for r in rs)
    data = b""
    for index, sha, held, code, message, dim, natural, proxy, ops, delivered in items:
        data += struct.pack("<Q", index) + string(sha) + struct.pack("<BBi", held, 0, code) + string(message)
        data += struct.pack("<i", dim) + rows(natural) + rows(proxy) + struct.pack("<Q", len(ops)) + b"".join(string(o) for o in ops)
        data += rows(delivered)
    return data


def main():
    # Intake: every format fixture, good and bad.
    formats = os.path.join(ROOT, "tests", "data", "formats")
    for f in sorted(os.listdir(formats)):
        with open(os.path.join(formats, f), "rb") as src:
            data = src.read()
        if len(data) <= 64 * 1024:
            out("intake", f, data)
    # Safetensors: each dtype, scalars, empty tensors, metadata.
    out("safetensors", "f32.safetensors", safetensors([("w", "F32", [2, 3], struct.pack("<6f", *range(6)))]))
    out("safetensors", "mixed.safetensors", safetensors([
        ("h", "F16", [4], struct.pack("<4H", 0x3C00, 0xC000, 0x7BFF, 0x0001)),
        ("b", "BF16", [2, 1], struct.pack("<2H", 0x3F80, 0xFF80)),
        ("d", "F64", [1], struct.pack("<d", 3.5)),
        ("i", "I64", [2], struct.pack("<2q", -1, 7)),
        ("s", "F32", [], struct.pack("<f", 1.0)),
        ("e", "F32", [0, 5], b""),
    ], {"clipflow.flow": json.dumps({"dim": 3, "layers": 2}), "note": "seed"}))
    # Model metadata: the shipped detectors' own JSON, file lists trimmed.
    models = os.path.join(ROOT, "resources", "models")
    cf = json.loads(read_metadata(os.path.join(models, "clipflow-default.safetensors"))["clipflow.model"])
    for key in ("files", "holdout_files"):
        cf["training"][key] = cf["training"][key][:3]
    cf["calibration"]["natural_scores"] = cf["calibration"]["natural_scores"][:40]
    cf["calibration"]["proxy_scores"] = cf["calibration"].get("proxy_scores", [])[:40]
    cf.pop("scoring", None)  # clipflow.json: read as stored; clipflow-either.json below
    out("modelmeta", "clipflow.json", json.dumps(cf))
    out("modelmeta", "calibration.json", json.dumps(cf["calibration"]))
    delivered = dict(cf["calibration"], delivered_scores=[x - 0.1 for x in cf["calibration"]["natural_scores"]])
    out("modelmeta", "calibration-delivered.json", json.dumps(delivered))
    sv = json.loads(read_metadata(os.path.join(models, "clipflow-supervised.safetensors"))["clipflow.classifier"])
    for key in list(sv.get("training", {}).keys()):
        if isinstance(sv["training"][key], list) and len(sv["training"][key]) > 3:
            sv["training"][key] = sv["training"][key][:3]
    for key in ("training_files", "validation_files"):
        if key in sv and isinstance(sv[key], list):
            sv[key] = sv[key][:3]
    sv.pop("scoring", None)
    out("modelmeta", "supervised.json", json.dumps(sv))
    # Both readings of an image's orientation ("stored" when the key is absent).
    for name, meta in (("clipflow-either.json", cf), ("supervised-either.json", sv)):
        out("modelmeta", name, json.dumps(dict(meta, scoring={"orientation": "either"})))
    # A second reading (the shipped default has one; this seed keeps one either way).
    second = {"model_id": "cf-000000000000", "backbone": dict(cf["backbone"]),
              "scale": {"median": 0.1, "robust_sigma": 0.2, "second_median": -0.3, "second_robust_sigma": 0.4}}
    out("modelmeta", "clipflow-second.json", json.dumps(dict(cf, second_reading=cf.get("second_reading", second))))
    # Case files: a full one and an empty one.
    case = {"format": "clipflow-case", "format_version": 1, "tool_version": "0.1.0",
            "created_at": "2026-11-23T18:00:00Z",
            "case": {"title": "Flood photo", "analyst": "A. Analyst", "notes": "n\u00e9e \u2014 \u6587"},
            "evidence": [{"file": "/evidence/a.jpg", "sha256": "ab" * 32, "size": 1234, "format": "JPEG",
                          "width": 640, "height": 480, "added_at": "2026-11-23T18:00:01Z", "notes": "from a reader",
                          "results": {"clipflow": {"p_value": 0.03, "verdict": "weak"}}}],
            "audit": [{"time": "2026-11-23T18:00:01Z", "action": "add evidence", "detail": "/evidence/a.jpg"}]}
    out("casefile", "case.cfcase", json.dumps(case, indent=2))
    # Heat maps, alone (ScoreMap::from_json) and kept in a case (the fuzz target asks for model cf-fuzz).
    heat = {"image_width": 640, "image_height": 480, "tile_width": 256, "tile_height": 256,
            "xs": [0, 192, 384], "ys": [0, 112, 224], "log_likelihood": [0.5, 0.25, -1.0, 0.1, 0.2, 0.3, 1.0, -2.5, 0.0],
            "ai_score": [0.1, 0.2, 0.9, 0.1, 0.1, 0.1, 0.05, 0.99, 0.5], "model_id": "cf-fuzz"}
    out("scoremap", "map.json", json.dumps(heat))
    out("scoremap", "one-tile.json", json.dumps(dict(heat, image_width=100, image_height=60, tile_width=100,
                                                     tile_height=60, xs=[0], ys=[0], log_likelihood=[0.2],
                                                     ai_score=[0.3])))
    out("scoremap", "cut.json", json.dumps(heat)[:90])
    kept = json.loads(json.dumps(case))
    kept["evidence"][0]["results"]["heat_map"] = heat
    out("casefile", "heat-map.cfcase", json.dumps(kept))
    case["evidence"], case["audit"] = [], []
    out("casefile", "empty.cfcase", json.dumps(case))
    # Data-parallel training: one rank's features, an unreadable file, and a message cut short.
    good = feature_message([(1, b"ab" * 32, 0, 0, b"", 4, [[0.5, 1.0, -2.0, 3.0], [1.0, 2.0, 3.0, 4.0]], [[0.0, 0.0, 1.0, 1.0]],
                             [b'{"op":"vae_decoder"}'], [[0.5, 1.0, -2.0, 3.0], [1.0, 2.0, 3.0, 4.0]]),
                            (3, b"", 0, 9, b"truncated data", 0, [], [], [], [])])
    out("featuremessage", "two-items.bin", good)
    out("featuremessage", "cut.bin", good[: len(good) // 2])
    out("featuremessage", "empty.bin", b"")
    for t in sorted(os.listdir(CORPUS)):
        print(t, len(os.listdir(os.path.join(CORPUS, t))), "seeds")


if __name__ == "__main__":
    main()
