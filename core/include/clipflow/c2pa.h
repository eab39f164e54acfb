#pragma once
// C2PA Content Credentials: the signed manifest store a generator, editor or
// camera embeds in a file, read from the bytes already in memory and verified
// offline (bounded, never written).
//
//   clipflow::C2paParams params;
//   params.trust_anchors_pem = my_pem_text;                 // optional: certificates you trust
//   clipflow::C2paReport r = clipflow::read_c2pa(bytes, params);
//   if (r.present && r.active)
//       std::cout << r.active->claim_generator << " signed by " << r.active->signer_subject
//                 << ": signature " << clipflow::to_string(r.active->signature)
//                 << ", binding " << clipflow::to_string(r.active->binding);
//
// Read: the JUMBF manifest store from JPEG APP11 segments, PNG `caBX` chunks,
// WebP `C2PA` chunks, TIFF/DNG tag 52545 and ISO BMFF (HEIF, AVIF) `uuid` boxes; the active (last) manifest's claim (v1 and v2),
// its assertions (actions with their digital source type, ingredients, the data hash) and its COSE_Sign1 signature. Checked with
// OpenSSL: the signature against the first certificate of its `x5chain` (ES256/384/512, PS256/384/512, Ed25519), every assertion
// against the hash the claim holds for it, and the hard binding (`c2pa.hash.data`: the asset's bytes minus the exclusions). The
// signer is trusted only when the chain reaches a certificate the user added:
// no trust list ships. Findings use the C2PA status codes
// (`claimSignature.validated`, `assertion.dataHash.mismatch`, …).
//
// A valid manifest says who signed which claims about the file; it does not say
// the claims are true, and a file without one proves nothing.

#include "clipflow/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

/// Outcome of one check: it passed, it failed, or it could not be made (say why in the detail).
enum class C2paCheck { Valid, Invalid, Unverified };
/// "valid", "invalid" or "unverified".
const char* to_string(C2paCheck check);

/// Whether the signer's certificate chains to a trust anchor the user added.
enum class C2paTrust { Trusted, Untrusted, Invalid };
/// "trusted", "untrusted" (no anchor the user added, or none added) or "invalid" (expired, malformed chain).
const char* to_string(C2paTrust trust);

/// Trust anchors and limits for read_c2pa.
struct C2paParams {
    /// PEM certificates the user trusts (roots or intermediates), e.g. the text of `--trust FILE.pem`.
    std::string trust_anchors_pem;
    std::size_t max_store_bytes = 64u << 20; ///< a manifest store larger than this is not read
    std::size_t max_boxes = 20'000;          ///< JUMBF boxes walked
    int max_depth = 16;                      ///< JUMBF superbox nesting
};

/// One action of the c2pa.actions assertion.
struct C2paAction {
    std::string action;              ///< e.g. "c2pa.created", "c2pa.edited", "c2pa.opened"
    std::string digital_source_type; ///< IPTC code (last path part), e.g. "trainedAlgorithmicMedia"; empty if none
    std::string software_agent;      ///< the tool that acted, when named
    std::string when;                ///< as written
};

/// One ingredient: a file the asset was made from.
struct C2paIngredient {
    std::string title, format, relationship; ///< relationship: "parentOf", "componentOf", "inputTo"
    bool has_manifest = false;               ///< the ingredient carried Content Credentials of its own
};

/// The active manifest: its claim, assertions, signature and the outcome of each check.
struct C2paManifest {
    std::string label;                         ///< e.g. "urn:uuid:…"
    std::string claim_version;                 ///< "1" (c2pa.claim) or "2" (c2pa.claim.v2)
    std::string claim_generator;               ///< the software that made the claim
    std::string title, format, instance_id;    ///< dc:title, dc:format and instanceID as the claim states them
    std::vector<std::string> assertion_labels; ///< every assertion the claim lists, in its order
    std::vector<C2paAction> actions;           ///< from c2pa.actions (v1 and v2)
    std::vector<C2paIngredient> ingredients;   ///< from c2pa.ingredient (v1 to v3)

    std::string signature_algorithm;             ///< "PS256", "ES256", … as COSE names it
    std::string signer_subject;                  ///< RFC 2253 subject of the signing certificate
    std::string signer_issuer;                   ///< its issuer
    std::string signer_name;                     ///< short: the subject's O (or CN)
    std::string cert_not_before, cert_not_after; ///< ISO 8601 UTC
    std::string signing_time;                    ///< from the embedded time-stamp token (ISO 8601 UTC); empty if none

    C2paCheck signature = C2paCheck::Unverified;  ///< COSE_Sign1 against the signing certificate
    C2paCheck assertions = C2paCheck::Unverified; ///< each assertion against the claim's hash of it
    C2paCheck binding = C2paCheck::Unverified;    ///< the hard binding to the asset's bytes
    C2paTrust trust = C2paTrust::Untrusted;
    std::string signature_detail, assertions_detail, binding_detail, trust_detail; ///< why, for people
    std::vector<std::string> status_codes; ///< C2PA status codes, successes and failures, in the order checked
};

/// What read_c2pa found in a file.
struct C2paReport {
    bool present = false;  ///< a C2PA manifest store was found
    std::string container; ///< "JPEG APP11", "PNG caBX", "WebP C2PA"
    std::size_t store_bytes = 0;
    std::size_t manifest_count = 0;
    std::optional<C2paManifest> active; ///< the last manifest of the store (absent if unreadable)
    std::string error;                  ///< present but not readable: why (status code first)

    /// The digital source type the active manifest's actions declare (created first), or empty.
    std::string digital_source_type() const;
    /// The active manifest declares AI generation or an AI edit through an action's digital source type.
    bool declares_ai() const;
    /// {present, container, claim_generator, digital_source_type, signer, signer_issuer, signing_time, algorithm,
    ///  signature, assertions, binding, trust, details, status_codes, actions, ingredients, manifests, error}.
    std::string to_json() const;
    /// One line for tables, e.g. "C2PA ✓ OpenAI" or "C2PA ✗ (binding invalid)".
    std::string short_label() const;
};

/// Reads a PEM file of trust anchors for C2paParams::trust_anchors_pem; fails unless it holds
/// at least one readable certificate (a wrong file must not silently trust nothing). Max 4 MB.
Result<std::string> read_trust_anchors(const std::string& path, std::size_t* count = nullptr);

/// Finds, reads and verifies a file's C2PA manifest store. Never fails: an
/// absent store gives present = false, a damaged one an `error`.
C2paReport read_c2pa(std::span<const std::uint8_t> bytes, const C2paParams& params = {});

} // namespace clipflow
