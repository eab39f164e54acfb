#include "cose.h"

#include "cbor.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/rsa.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace clipflow::detail {

namespace {

using json = nlohmann::json;
using Bytes = std::span<const std::uint8_t>;

template <typename T, void (*F)(T*)> struct Deleter {
    void operator()(T* p) const { F(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using SigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7, PKCS7_free>>;
using TstPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO, TS_TST_INFO_free>>;
using RespPtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP, TS_RESP_free>>;
struct StackDeleter {
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using StackPtr = std::unique_ptr<STACK_OF(X509), StackDeleter>;

struct Algorithm {
    int id;
    const char* name;
    const char* digest; // nullptr: EdDSA
    enum { Ec, Pss, Ed } kind;
};
constexpr Algorithm kAlgorithms[] = {
    {-7, "ES256", "SHA256", Algorithm::Ec},   {-35, "ES384", "SHA384", Algorithm::Ec},  {-36, "ES512", "SHA512", Algorithm::Ec},
    {-37, "PS256", "SHA256", Algorithm::Pss}, {-38, "PS384", "SHA384", Algorithm::Pss}, {-39, "PS512", "SHA512", Algorithm::Pss},
    {-8, "Ed25519", nullptr, Algorithm::Ed},
};

X509Ptr parse_der(Bytes der)
{
    const unsigned char* p = der.data();
    X509* x = d2i_X509(nullptr, &p, long(der.size()));
    return X509Ptr(x);
}

std::string name_text(const X509_NAME* n)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), n, 0, XN_FLAG_RFC2253) < 0) return {};
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return len > 0 ? std::string(data, std::size_t(len)) : std::string();
}

std::string name_entry(const X509_NAME* n, int nid)
{
    const int i = X509_NAME_get_index_by_NID(n, nid, -1);
    if (i < 0) return {};
    const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(n, i));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, s);
    if (len < 0) return {};
    std::string out(reinterpret_cast<char*>(utf8), std::size_t(len));
    OPENSSL_free(utf8);
    return out;
}

std::string iso_time(const ASN1_TIME* t)
{
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return {};
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// "2024-01-02T03:04:05Z" -> time_t (UTC); -1 if unreadable.
std::time_t parse_iso(const std::string& s)
{
    std::tm tm{};
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                    &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

std::vector<std::vector<std::uint8_t>> certificates(const json& v)
{
    std::vector<std::vector<std::uint8_t>> out;
    if (v.is_binary())
        out.emplace_back(v.get_binary().begin(), v.get_binary().end());
    else if (v.is_array())
        for (const auto& c : v)
            if (c.is_binary() && out.size() < 16) out.emplace_back(c.get_binary().begin(), c.get_binary().end());
    return out;
}

// The generation time of the first readable RFC 3161 token in sigTst / sigTst2.
std::string timestamp(const json& unprotected)
{
    for (const char* key : {"sigTst", "sigTst2"}) {
        if (!unprotected.contains(key) || !unprotected[key].is_object()) continue;
        const json& tokens = unprotected[key].value("tstTokens", json());
        if (!tokens.is_array()) continue;
        for (const auto& t : tokens) {
            if (!t.is_object() || !t.contains("val") || !t["val"].is_binary()) continue;
            // Writers store either the whole TimeStampResp (c2pa-rs) or just its token (CMS SignedData).
            const auto& der = t["val"].get_binary();
            const unsigned char* p = der.data();
            if (RespPtr resp{d2i_TS_RESP(nullptr, &p, long(der.size()))}) {
                if (const TS_TST_INFO* info = TS_RESP_get_tst_info(resp.get()))
                    if (auto s = iso_time(TS_TST_INFO_get_time(info)); !s.empty()) return s;
                continue;
            }
            ERR_clear_error();
            p = der.data();
            Pkcs7Ptr p7(d2i_PKCS7(nullptr, &p, long(der.size())));
            if (!p7) continue;
            TstPtr info(PKCS7_to_TS_TST_INFO(p7.get()));
            if (!info) continue;
            if (auto s = iso_time(TS_TST_INFO_get_time(info.get())); !s.empty()) return s;
        }
    }
    return {};
}

} // namespace

std::optional<CertificateInfo> describe_certificate(Bytes der)
{
    X509Ptr x = parse_der(der);
    if (!x) return std::nullopt;
    CertificateInfo info;
    info.subject = name_text(X509_get_subject_name(x.get()));
    info.issuer = name_text(X509_get_issuer_name(x.get()));
    info.name = name_entry(X509_get_subject_name(x.get()), NID_organizationName);
    if (info.name.empty()) info.name = name_entry(X509_get_subject_name(x.get()), NID_commonName);
    info.not_before = iso_time(X509_get0_notBefore(x.get()));
    info.not_after = iso_time(X509_get0_notAfter(x.get()));
    return info;
}

CoseVerification verify_cose_sign1(const json& cose, Bytes payload)
{
    CoseVerification v;
    auto fail = [&](C2paCheck check, const char* code, std::string detail) {
        v.check = check;
        v.code = code;
        v.detail = std::move(detail);
        return v;
    };
    if (!cose.is_array() || cose.size() != 4 || !cose[0].is_binary() || !cose[3].is_binary())
        return fail(C2paCheck::Invalid, "claimSignature.missing", "the signature box is not a COSE_Sign1 structure");
    const auto& protected_raw = cose[0].get_binary();
    std::string error;
    auto header = decode_cbor(Bytes(protected_raw.data(), protected_raw.size()), error);
    if (!header || !header->is_object())
        return fail(C2paCheck::Invalid, "claimSignature.missing", "the signature's protected header is not readable CBOR");
    const json unprotected = cose[1].is_object() ? cose[1] : json::object();

    // x5chain (label 33) belongs in the protected header; early writers put it in the unprotected one.
    for (const json* h : {static_cast<const json*>(&*header), &unprotected})
        for (const char* key : {"33", "x5chain"})
            if (v.chain.empty() && h->contains(key)) v.chain = certificates((*h)[key]);
    v.signing_time = timestamp(unprotected);

    const Algorithm* alg = nullptr;
    if (const auto a = header->find("1"); a != header->end() && a->is_number_integer())
        for (const auto& k : kAlgorithms)
            if (k.id == a->get<std::int64_t>()) alg = &k;
    if (!alg) {
        v.algorithm = header->contains("1") ? header->at("1").dump(-1, ' ', false, json::error_handler_t::replace) : "";
        return fail(C2paCheck::Unverified, "algorithm.unsupported",
                    "the signature algorithm " + (v.algorithm.empty() ? std::string("(none given)") : v.algorithm) +
                        " is not one this version checks");
    }
    v.algorithm = alg->name;
    if (v.chain.empty())
        return fail(C2paCheck::Invalid, "signingCredential.invalid", "the signature carries no signing certificate");
    X509Ptr cert = parse_der(v.chain.front());
    if (!cert) return fail(C2paCheck::Invalid, "signingCredential.invalid", "the signing certificate is not readable X.509");
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (!key) return fail(C2paCheck::Invalid, "signingCredential.invalid", "the signing certificate's key is not readable");
    const int key_type = EVP_PKEY_get_base_id(key);
    const bool key_fits = (alg->kind == Algorithm::Ec && key_type == EVP_PKEY_EC) ||
                          (alg->kind == Algorithm::Pss && (key_type == EVP_PKEY_RSA || key_type == EVP_PKEY_RSA_PSS)) ||
                          (alg->kind == Algorithm::Ed && key_type == EVP_PKEY_ED25519);
    if (!key_fits)
        return fail(C2paCheck::Invalid, "claimSignature.mismatch",
                    std::string("the certificate's key cannot make ") + alg->name + " signatures");

    // Sig_structure = ["Signature1", protected, external_aad = h'', payload]
    std::string tbs;
    tbs += '\x84';
    tbs += '\x6a';
    tbs += "Signature1";
    append_cbor_bytes(tbs, Bytes(protected_raw.data(), protected_raw.size()));
    append_cbor_bytes(tbs, {});
    append_cbor_bytes(tbs, payload);

    std::vector<std::uint8_t> sig(cose[3].get_binary().begin(), cose[3].get_binary().end());
    if (alg->kind == Algorithm::Ec) { // COSE carries r || s; OpenSSL wants DER
        if (sig.empty() || sig.size() % 2 || sig.size() > 264)
            return fail(C2paCheck::Invalid, "claimSignature.mismatch", "the ECDSA signature has the wrong length");
        const int half = int(sig.size() / 2);
        SigPtr es(ECDSA_SIG_new());
        BIGNUM* r = BN_bin2bn(sig.data(), half, nullptr);
        BIGNUM* s = BN_bin2bn(sig.data() + half, half, nullptr);
        if (!es || !r || !s || ECDSA_SIG_set0(es.get(), r, s) != 1) {
            BN_free(r);
            BN_free(s);
            return fail(C2paCheck::Unverified, "general.error", "out of memory converting the ECDSA signature");
        }
        unsigned char* der = nullptr;
        const int len = i2d_ECDSA_SIG(es.get(), &der);
        if (len <= 0) return fail(C2paCheck::Unverified, "general.error", "could not encode the ECDSA signature");
        sig.assign(der, der + len);
        OPENSSL_free(der);
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    const EVP_MD* md = alg->digest ? EVP_get_digestbyname(alg->digest) : nullptr;
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key) != 1)
        return fail(C2paCheck::Unverified, "general.error", "OpenSSL could not set up the verification");
    if (alg->kind == Algorithm::Pss &&
        (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1 || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) != 1))
        return fail(C2paCheck::Unverified, "general.error", "OpenSSL could not set up RSA-PSS");
    const int ok =
        EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), reinterpret_cast<const unsigned char*>(tbs.data()), tbs.size());
    if (ok != 1)
        return fail(C2paCheck::Invalid, "claimSignature.mismatch",
                    "the claim's signature does not verify with the signing certificate: the claim or the signature was "
                    "changed after signing");
    v.check = C2paCheck::Valid;
    v.code = "claimSignature.validated";
    v.detail = std::string("the claim's ") + alg->name + " signature verifies with the signing certificate";
    return v;
}

C2paTrust check_trust(const std::vector<std::vector<std::uint8_t>>& chain, const std::string& anchors_pem,
                      const std::string& when, std::string& code, std::string& detail)
{
    if (chain.empty()) {
        code = "signingCredential.invalid";
        detail = "no signing certificate";
        return C2paTrust::Invalid;
    }
    X509Ptr leaf = parse_der(chain.front());
    if (!leaf) {
        code = "signingCredential.invalid";
        detail = "the signing certificate is not readable X.509";
        return C2paTrust::Invalid;
    }
    const std::time_t stamped = when.empty() ? -1 : parse_iso(when);
    const std::time_t at = stamped > 0 ? stamped : std::time(nullptr); // unreadable time: judged now
    const std::string at_text = stamped > 0 ? "at the signing time " + when : std::string("now");
    std::time_t t = at;
    if (X509_cmp_time(X509_get0_notAfter(leaf.get()), &t) < 0 || X509_cmp_time(X509_get0_notBefore(leaf.get()), &t) > 0) {
        code = "signingCredential.expired";
        detail = "the signing certificate was not valid " + at_text;
        return C2paTrust::Invalid;
    }
    StorePtr store(X509_STORE_new());
    std::size_t anchors = 0;
    if (!anchors_pem.empty()) {
        BioPtr bio(BIO_new_mem_buf(anchors_pem.data(), int(anchors_pem.size())));
        while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            if (X509_STORE_add_cert(store.get(), x) == 1) ++anchors;
            X509_free(x);
        }
        ERR_clear_error();
    }
    if (anchors == 0) {
        code = "signingCredential.untrusted";
        detail = "issuer not on your trust list (no trust anchors added)";
        return C2paTrust::Untrusted;
    }
    StackPtr intermediates(sk_X509_new_null());
    for (std::size_t i = 1; i < chain.size(); ++i)
        if (X509Ptr x = parse_der(chain[i])) sk_X509_push(intermediates.get(), x.release());
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), intermediates.get()) != 1) {
        code = "general.error";
        detail = "OpenSSL could not set up the chain check";
        return C2paTrust::Invalid;
    }
    // An anchor may be an intermediate the user trusts; the check happens at the signing time when known.
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_PARTIAL_CHAIN);
    if (at > 0) X509_STORE_CTX_set_time(ctx.get(), 0, at);
    if (X509_verify_cert(ctx.get()) == 1) {
        code = "signingCredential.trusted";
        detail = "the signer's certificate chains to a trust anchor you added";
        return C2paTrust::Trusted;
    }
    const int err = X509_STORE_CTX_get_error(ctx.get());
    if (err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
        err == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN || err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) {
        code = "signingCredential.untrusted";
        detail = "issuer not on your trust list";
        return C2paTrust::Untrusted;
    }
    code = "signingCredential.invalid";
    detail = std::string("the certificate chain does not verify: ") + X509_verify_cert_error_string(err);
    return C2paTrust::Invalid;
}

std::size_t count_certificates(const std::string& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    std::size_t n = 0;
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        ++n;
        X509_free(x);
    }
    ERR_clear_error();
    return n;
}

std::optional<std::vector<std::uint8_t>> c2pa_digest(const std::string& alg, const std::vector<Bytes>& parts)
{
    const EVP_MD* md = alg == "sha256" ? EVP_sha256() : alg == "sha384" ? EVP_sha384() : alg == "sha512" ? EVP_sha512() : nullptr;
    if (!md) return std::nullopt;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) return std::nullopt;
    for (const auto& p : parts)
        if (!p.empty() && EVP_DigestUpdate(ctx.get(), p.data(), p.size()) != 1) return std::nullopt;
    std::vector<std::uint8_t> out(std::size_t(EVP_MD_get_size(md)));
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), &n) != 1) return std::nullopt;
    out.resize(n);
    return out;
}

} // namespace clipflow::detail
