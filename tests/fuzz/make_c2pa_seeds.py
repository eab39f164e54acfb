#!/usr/bin/env python3
"""Writes seed inputs for fuzz_c2pa and fuzz_xmp into tests/fuzz/corpus/{c2pa,xmp}
(kept beside what fuzzing merged in). A manifest store signed with a fresh ES256
key and self-signed certificate (python3-cryptography), independent of core's code.
Run: /usr/bin/python3 tests/fuzz/make_c2pa_seeds.py"""
import datetime
import hashlib
import os
import struct

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

HERE = os.path.dirname(os.path.abspath(__file__))


def out(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def head(major, n):
    if n < 24:
        return bytes([major << 5 | n])
    for ai, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | ai]) + n.to_bytes(width, "big")


def cbor(v):
    if isinstance(v, bool):
        return b"\xf5" if v else b"\xf4"
    if v is None:
        return b"\xf6"
    if isinstance(v, int):
        return head(0, v) if v >= 0 else head(1, -1 - v)
    if isinstance(v, bytes):
        return head(2, len(v)) + v
    if isinstance(v, str):
        b = v.encode()
        return head(3, len(b)) + b
    if isinstance(v, list):
        return head(4, len(v)) + b"".join(cbor(x) for x in v)
    if isinstance(v, dict):
        return head(5, len(v)) + b"".join(cbor(k) + cbor(x) for k, x in v.items())
    raise TypeError(v)


def box(t, payload):
    return struct.pack(">I", len(payload) + 8) + t + payload


def superbox(uuid4, label, contents):
    d = uuid4 + bytes.fromhex("00110010800000aa00389b71") + b"\x03" + label.encode() + b"\x00"
    return box(b"jumb", box(b"jumd", d) + b"".join(contents))


def signer(organisation="Seed Signer"):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])
    now = datetime.datetime(2025, 1, 1)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
            .sign(key, hashes.SHA256()))
    return key, cert.public_bytes(serialization.Encoding.DER)


def store(key, der, asset_hash, start, length, generator="seed/1"):
    actions = {"actions": [{"action": "c2pa.created",
                            "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}]}
    dh = {"exclusions": [{"start": start, "length": length}], "name": "jumbf manifest", "alg": "sha256",
          "hash": asset_hash}
    assertions = [("c2pa.actions", superbox(b"cbor", "c2pa.actions", [box(b"cbor", cbor(actions))])),
                  ("c2pa.hash.data", superbox(b"cbor", "c2pa.hash.data", [box(b"cbor", cbor(dh))]))]
    claim = cbor({"claim_generator": generator, "signature": "self#jumbf=c2pa.signature", "alg": "sha256",
                  "assertions": [{"url": "self#jumbf=c2pa.assertions/" + l, "hash": hashlib.sha256(b[8:]).digest()}
                                 for l, b in assertions]})
    prot = cbor({1: -7, 33: der})
    tbs = cbor(["Signature1", prot, b"", claim])
    r, s = decode_dss_signature(key.sign(tbs, ec.ECDSA(hashes.SHA256())))
    cose = b"\xd2" + cbor([prot, {}, None, r.to_bytes(32, "big") + s.to_bytes(32, "big")])
    manifest = superbox(b"c2ma", "urn:uuid:seed", [superbox(b"c2as", "c2pa.assertions", [b for _, b in assertions]),
                                                   superbox(b"c2cl", "c2pa.claim", [box(b"cbor", claim)]),
                                                   superbox(b"c2cs", "c2pa.signature", [box(b"cbor", cose)])])
    return superbox(b"c2pa", "c2pa", [manifest]), cose


def sign_png(png, key, der, generator):
    """The PNG with a signed caBX chunk after IHDR, excluded from the data hash (as C2PA writers do)."""
    digest = hashlib.sha256(png).digest()
    length = 0
    for _ in range(4):  # the exclusion's length is part of the store: iterate to a fixed point
        st, _ = store(key, der, digest, 33, length, generator)
        if len(st) + 12 == length:
            break
        length = len(st) + 12
    chunk = struct.pack(">I", len(st)) + b"caBX" + st
    chunk += struct.pack(">I", __import__("zlib").crc32(chunk[4:]) & 0xFFFFFFFF)
    return png[:33] + chunk + png[33:]


def main():
    key, der = signer()
    st, cose = store(key, der, hashlib.sha256(b"").digest(), 0, 0)
    out("c2pa", "seed-store-png", b"\x01" + st)
    out("c2pa", "seed-store-jpeg", b"\x02" + st)
    out("c2pa", "seed-cose", b"\x03" + cose)
    out("c2pa", "seed-cbor-mixed", b"\x03" + bytes.fromhex("a3" "01" "26" "6161" "9f0102ff" "20" "f93c00"))
    out("c2pa", "seed-cbor-indefinite", b"\x03" + bytes.fromhex("5f42010243030405ff"))
    # A whole PNG: the store after the signature, excluded from the hash.
    png = b"\x89PNG\r\n\x1a\n" + box(b"IHDR", bytes(13))[4:] + b"\0\0\0\0"
    full, _ = store(key, der, hashlib.sha256(png).digest(), 8, 0)
    out("c2pa", "seed-file-png", b"\x00" + png[:8] + struct.pack(">I", len(full)) + b"caBX" + full + b"\0\0\0\0")
    for name, xmp in (
        ("seed-source-type", '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
         '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType='
         '"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/></rdf:RDF></x:xmpmeta>'),
        ("seed-removed", '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
         '<rdf:Description xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="self#jumbf=/c2pa/urn:uuid:1"/>'
         '</rdf:RDF></x:xmpmeta>'),
        ("seed-credit", '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
         'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop='
         '"http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Made with AI"><dc:description xmlns:dc='
         '"http://purl.org/dc/elements/1.1/"><rdf:Alt><rdf:li xml:lang="x-default">a cat</rdf:li></rdf:Alt>'
         '</dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')):
        out("xmp", name, xmp.encode())


if __name__ == "__main__":
    main()
