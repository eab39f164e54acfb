#pragma once
// A small, independent C2PA writer for tests: a JUMBF manifest store with a v1
// claim, CBOR assertions (actions, data hash) and an ES256 COSE_Sign1 made with
// OpenSSL and a throw-away certificate, embedded in a PNG (caBX) or a JPEG
// (APP11, split over several segments). It shares no code with core, so a
// reader bug cannot hide behind a writer with the same bug.

#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace c2patest {

using Bytes = std::vector<std::uint8_t>;
using json = nlohmann::json;

// Sized writes (resize, then copy): GCC 12 at -O3 misreads vector insert and
// push_back chains in this file as overflows (-Wstringop-overflow false positives).
template <typename It> void append(Bytes& out, It first, It last)
{
    const std::size_t n = out.size(), k = static_cast<std::size_t>(std::distance(first, last));
    out.resize(n + k);
    std::copy(first, last, out.data() + n);
}
inline void append(Bytes& out, std::initializer_list<std::uint8_t> bytes)
{
    append(out, bytes.begin(), bytes.end());
}

inline void put32(Bytes& b, std::uint32_t v)
{
    const std::size_t n = b.size();
    b.resize(n + 4);
    for (std::size_t i = 0; i < 4; ++i) b[n + i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

inline Bytes str(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

// Writes `bytes` to `path` (tests' evidence files and trust anchors); false if that fails.
template <typename Container> bool write_file(const std::string& path, const Container& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return bool(out.flush());
}

// ---- CBOR (RFC 8949), only what the writer needs ---------------------------

inline void head(Bytes& out, int major, std::uint64_t n, bool wide = false)
{
    const auto m = static_cast<std::uint8_t>(major << 5);
    if (n < 24 && !wide) {
        out.push_back(static_cast<std::uint8_t>(m | n));
    } else if (n < 0x100 && !wide) {
        append(out, {static_cast<std::uint8_t>(m | 24), static_cast<std::uint8_t>(n)});
    } else if (n < 0x10000 && !wide) {
        append(out, {static_cast<std::uint8_t>(m | 25), static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    } else {
        out.push_back(static_cast<std::uint8_t>(m | 26));
        for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(n >> s));
    }
}

// json → CBOR; binary values become byte strings; unsigned numbers under the key
// "start" or "length" are written 4 bytes wide so a store's size does not depend on them.
inline void cbor(Bytes& out, const json& v, bool wide = false)
{
    if (v.is_object()) {
        head(out, 5, v.size());
        for (auto it = v.begin(); it != v.end(); ++it) {
            head(out, 3, it.key().size());
            append(out, it.key().begin(), it.key().end());
            cbor(out, it.value(), it.key() == "start" || it.key() == "length");
        }
    } else if (v.is_array()) {
        head(out, 4, v.size());
        for (const auto& x : v) cbor(out, x);
    } else if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        head(out, 3, s.size());
        append(out, s.begin(), s.end());
    } else if (v.is_binary()) {
        head(out, 2, v.get_binary().size());
        append(out, v.get_binary().begin(), v.get_binary().end());
    } else if (v.is_number_unsigned()) {
        head(out, 0, v.get<std::uint64_t>(), wide);
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        head(out, i < 0 ? 1 : 0, i < 0 ? std::uint64_t(-1 - i) : std::uint64_t(i));
    } else if (v.is_boolean()) {
        out.push_back(v.get<bool>() ? 0xF5 : 0xF4);
    } else {
        out.push_back(0xF6);
    }
}

inline Bytes cbor(const json& v)
{
    Bytes out;
    cbor(out, v);
    return out;
}

// ---- JUMBF ----------------------------------------------------------------

inline Bytes box(const char* type, const Bytes& payload)
{
    Bytes b(payload.size() + 8);
    const auto len = static_cast<std::uint32_t>(b.size());
    for (std::size_t i = 0; i < 4; ++i) b[i] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
    std::copy(type, type + 4, b.begin() + 4);
    std::copy(payload.begin(), payload.end(), b.begin() + 8);
    return b;
}

// A superbox: description (UUID = four characters + the ISO suffix, requestable, labelled), then contents.
inline Bytes superbox(const char* uuid4, const std::string& label, const std::vector<Bytes>& contents)
{
    Bytes d(uuid4, uuid4 + 4);
    append(d, {0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71, 0x03});
    append(d, label.begin(), label.end());
    d.push_back(0);
    Bytes payload = box("jumd", d);
    for (const auto& c : contents) append(payload, c.begin(), c.end());
    return box("jumb", payload);
}

inline Bytes sha256(const Bytes& b)
{
    Bytes out(32);
    unsigned n = 0;
    EVP_Digest(b.data(), b.size(), out.data(), &n, EVP_sha256(), nullptr);
    return out;
}

// ---- a throw-away signer ----------------------------------------------------

struct Signer {
    std::shared_ptr<EVP_PKEY> key;
    std::shared_ptr<X509> cert;
    Bytes cert_der;
    std::string cert_pem;

    // A P-256 key and a self-signed certificate valid from now + not_before_s to now + not_after_s.
    static Signer make(const std::string& organisation, long not_before_s = -3600, long not_after_s = 3600L * 24 * 365)
    {
        Signer s;
        EVP_PKEY* k = EVP_EC_gen("P-256");
        if (!k) throw std::runtime_error("EC key");
        s.key.reset(k, EVP_PKEY_free);
        X509* x = X509_new();
        s.cert.reset(x, X509_free);
        X509_set_version(x, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(x), 7);
        X509_gmtime_adj(X509_getm_notBefore(x), not_before_s);
        X509_gmtime_adj(X509_getm_notAfter(x), not_after_s);
        X509_set_pubkey(x, k);
        X509_NAME* n = X509_get_subject_name(x);
        X509_NAME_add_entry_by_txt(n, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(organisation.c_str()), -1, -1,
                                   0);
        X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Test Signer"), -1, -1, 0);
        X509_set_issuer_name(x, n);
        if (X509_sign(x, k, EVP_sha256()) <= 0) throw std::runtime_error("X509_sign");
        unsigned char* der = nullptr;
        const int len = i2d_X509(x, &der);
        s.cert_der.assign(der, der + len);
        OPENSSL_free(der);
        BIO* bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, x);
        char* data = nullptr;
        const long plen = BIO_get_mem_data(bio, &data);
        s.cert_pem.assign(data, std::size_t(plen));
        BIO_free(bio);
        return s;
    }

    // ES256 over COSE's Sig_structure, as r || s.
    Bytes cose_sign1(const Bytes& claim) const
    {
        Bytes prot;
        head(prot, 5, 2);
        append(prot, {0x01, 0x26}); // 1: -7 (ES256)
        append(prot, {0x18, 0x21}); // 33: x5chain
        head(prot, 2, cert_der.size());
        append(prot, cert_der.begin(), cert_der.end());
        Bytes tbs{0x84, 0x6A};
        const std::string ctx = "Signature1";
        append(tbs, ctx.begin(), ctx.end());
        head(tbs, 2, prot.size());
        append(tbs, prot.begin(), prot.end());
        head(tbs, 2, 0);
        head(tbs, 2, claim.size());
        append(tbs, claim.begin(), claim.end());

        EVP_MD_CTX* md = EVP_MD_CTX_new();
        EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key.get());
        std::size_t len = 0;
        EVP_DigestSign(md, nullptr, &len, tbs.data(), tbs.size());
        Bytes der(len);
        EVP_DigestSign(md, der.data(), &len, tbs.data(), tbs.size());
        EVP_MD_CTX_free(md);
        const unsigned char* p = der.data();
        ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, long(len));
        Bytes rs(64);
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), rs.data(), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), rs.data() + 32, 32);
        ECDSA_SIG_free(sig);

        Bytes out{0xD2, 0x84}; // tag 18, array of 4
        head(out, 2, prot.size());
        append(out, prot.begin(), prot.end());
        out.push_back(0xA0); // unprotected: {}
        out.push_back(0xF6); // detached payload
        head(out, 2, rs.size());
        append(out, rs.begin(), rs.end());
        return out;
    }
};

// ---- manifests in files -----------------------------------------------------

struct ManifestSpec {
    std::string claim_generator = "ClipFlow test writer/1.0";
    std::string digital_source_type = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    bool hard_binding = true;
    int repeat_references = 1; ///< > 1: the claim lists its assertions this many times (hostile)
};

// The store for an asset whose manifest will occupy [start, start + length) of the final file;
// `asset_hash` is SHA-256 of the file without that range.
inline Bytes manifest_store(const Signer& signer, const ManifestSpec& spec, const Bytes& asset_hash, std::uint32_t start,
                            std::uint32_t length, Bytes* signature_out = nullptr)
{
    json actions = {{"actions", json::array({{{"action", "c2pa.created"},
                                              {"digitalSourceType", spec.digital_source_type},
                                              {"softwareAgent", "ClipFlow test generator"}}})}};
    std::vector<std::pair<std::string, Bytes>> assertions;
    assertions.emplace_back("c2pa.actions", superbox("cbor", "c2pa.actions", {box("cbor", cbor(actions))}));
    if (spec.hard_binding) {
        json dh = {{"exclusions", json::array({{{"start", start}, {"length", length}}})},
                   {"name", "jumbf manifest"},
                   {"alg", "sha256"},
                   {"hash", json::binary(asset_hash)}};
        assertions.emplace_back("c2pa.hash.data", superbox("cbor", "c2pa.hash.data", {box("cbor", cbor(dh))}));
    }
    json refs = json::array();
    std::vector<Bytes> boxes;
    for (const auto& [label, b] : assertions) {
        const Bytes contents(b.begin() + 8, b.end()); // the superbox without its own header
        refs.push_back({{"url", "self#jumbf=c2pa.assertions/" + label}, {"hash", json::binary(sha256(contents))}});
        boxes.push_back(b);
    }
    const json once = refs;
    for (int k = 1; k < spec.repeat_references; ++k)
        for (const auto& r : once) refs.push_back(r);
    json claim = {{"claim_generator", spec.claim_generator},
                  {"dc:title", "test.png"},
                  {"dc:format", "image/png"},
                  {"instanceID", "xmp:iid:00000000-0000-0000-0000-000000000001"},
                  {"signature", "self#jumbf=c2pa.signature"},
                  {"assertions", refs},
                  {"alg", "sha256"}};
    const Bytes claim_bytes = cbor(claim);
    const Bytes sig = signer.cose_sign1(claim_bytes);
    if (signature_out) *signature_out = sig;
    const Bytes manifest =
        superbox("c2ma", "urn:uuid:11111111-2222-3333-4444-555555555555",
                 {superbox("c2as", "c2pa.assertions", boxes), superbox("c2cl", "c2pa.claim", {box("cbor", claim_bytes)}),
                  superbox("c2cs", "c2pa.signature", {box("cbor", sig)})});
    return superbox("c2pa", "c2pa", {manifest});
}

inline std::uint32_t crc32(const Bytes& b)
{
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint8_t v : b) {
        c ^= v;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

inline Bytes png_chunk(const std::string& type, const Bytes& data)
{
    Bytes out;
    put32(out, static_cast<std::uint32_t>(data.size()));
    Bytes td = str(type);
    append(td, data.begin(), data.end());
    append(out, td.begin(), td.end());
    put32(out, crc32(td));
    return out;
}

// `png` with a signed caBX chunk after IHDR (offset 33), excluded from the data hash.
inline Bytes sign_png(const Bytes& png, const Signer& signer, const ManifestSpec& spec = {}, Bytes* signature_out = nullptr)
{
    const std::uint32_t at = 33;
    const Bytes hash = sha256(png); // the inserted chunk is exactly the excluded range
    const Bytes probe = manifest_store(signer, spec, hash, at, 0);
    const Bytes store = manifest_store(signer, spec, hash, at, static_cast<std::uint32_t>(probe.size() + 12), signature_out);
    if (store.size() != probe.size()) throw std::runtime_error("store size depends on the exclusion");
    Bytes out(png.begin(), png.begin() + at);
    const Bytes c = png_chunk("caBX", store);
    append(out, c.begin(), c.end());
    append(out, png.begin() + at, png.end());
    return out;
}

// `jpeg` with the store in APP11 segments after SOI, at most `per_segment` payload bytes each.
inline Bytes sign_jpeg(const Bytes& jpeg, const Signer& signer, const ManifestSpec& spec = {}, std::size_t per_segment = 400,
                       Bytes* signature_out = nullptr)
{
    const Bytes hash = sha256(jpeg);
    auto segments = [&](const Bytes& store) {
        Bytes out;
        const Bytes header(store.begin(), store.begin() + 8); // LBox, TBox: repeated in every segment
        std::size_t pos = 8;
        std::uint32_t seq = 1;
        while (pos < store.size()) {
            const std::size_t n = std::min(per_segment, store.size() - pos);
            Bytes d{'J', 'P', 0x02, 0x11};
            put32(d, seq++);
            append(d, header.begin(), header.end());
            append(d, store.begin() + long(pos), store.begin() + long(pos + n));
            pos += n;
            append(out, {0xFF, 0xEB, static_cast<std::uint8_t>((d.size() + 2) >> 8), static_cast<std::uint8_t>(d.size() + 2)});
            append(out, d.begin(), d.end());
        }
        return out;
    };
    const Bytes probe = segments(manifest_store(signer, spec, hash, 2, 0));
    const Bytes segs = segments(manifest_store(signer, spec, hash, 2, static_cast<std::uint32_t>(probe.size()), signature_out));
    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    append(out, segs.begin(), segs.end());
    append(out, jpeg.begin() + 2, jpeg.end());
    return out;
}

} // namespace c2patest
